// The JS API the page relies on (wasm/README.md): names, error plumbing, paging,
// filters, file bookkeeping and lifetime — on both builds.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { BUILDS, feedBytes, readFixture, value, errorsOf } from './support.mjs';

const enc = new TextEncoder();

function load(M, a, name, bytes) {
  a.beginFile(name);
  feedBytes(M, a, bytes, 'random');
  a.endFile();
}

for (const [build, loadModule] of Object.entries(BUILDS)) {
  describe(`JS API (${build} build)`, () => {
    let M;
    before(async () => { M = await loadModule(); });

    it('exports the page API and runtime', () => {
      assert.equal(typeof M.Analyzer, 'function');
      assert.equal(typeof M._malloc, 'function');
      assert.equal(typeof M._free, 'function');
      assert.ok(M.HEAPU8 instanceof Uint8Array);
      const a = new M.Analyzer('{}');
      for (const f of ['beginFile', 'feed', 'endFile', 'report', 'linkRecords', 'linkRecordsCsv', 'lastError', 'delete'])
        assert.equal(typeof a[f], 'function', f);
      assert.equal(a.lastError(), '');
      a.delete();
    });

    it('constructor options: bad JSON or values -> defaults + lastError()', () => {
      for (const bad of ['nope', '[1]', '{"max_message_mb": 0}', '{"max_message_mb": "8"}', '{"max_message_mb": 5000}']) {
        const a = new M.Analyzer(bad);
        assert.notEqual(a.lastError(), '', bad);
        load(M, a, 'every_platform_row.json', readFixture('every_platform_row.json'));
        assert.equal(JSON.parse(value(a.report('{}'))).totals.link_records, 28, `defaults used after ${bad}`);
        a.delete();
      }
      for (const good of ['', '{}', '{"max_message_mb": 256}']) {
        const a = new M.Analyzer(good);
        assert.equal(a.lastError(), '', good);
        a.delete();
      }
    });

    it('max_message_mb reaches the reader: a 2 MB message fails its file at 1 MB', () => {
      const big = 'x'.repeat(2 << 20);
      const doc = `{"name":"Big","type":"public_channel","id":1,"messages":[` +
        `{"id":1,"type":"message","date":"2024-01-01T00:00:00","text":"t.me/small_one"},` +
        `{"id":2,"type":"message","date":"2024-01-01T00:00:01","text":"${big}"}]}`;
      for (const [opts, nerr] of [['{"max_message_mb": 1}', 1], ['{}', 0]]) {
        const a = new M.Analyzer(opts);
        load(M, a, 'big.json', enc.encode(doc));
        assert.equal(errorsOf(a).length, nerr, opts);
        a.delete();
      }
    });

    it('report(): options JSON; bad options give a failed result naming the key', () => {
      const a = new M.Analyzer('{}');
      load(M, a, 'signature_and_forwarded.json', readFixture('signature_and_forwarded.json'));
      const r = JSON.parse(value(a.report('{"bucket":"week","tz_offset_minutes":180,"exclude_signature":true}')));
      assert.equal(r.options.bucket, 'week');
      assert.equal(r.options.tz_offset_minutes, 180);
      assert.equal(r.options.exclude_signature, true);
      const failed = (options) => { const x = a.report(options); assert.equal(x.ok, false, options); return x.error; };
      assert.match(failed('{"bucket":"year"}'), /option 'bucket'/);
      assert.match(failed('{"tz_offset_minutes":9999}'), /option 'tz_offset_minutes'/);
      assert.ok(failed('not json'));
      assert.ok(failed('{"from":"2024-02-01","to":"2024-01-01"}'));
      assert.equal(value(a.report('{}')), value(a.report('{}')));  // pure: same corpus and options, same bytes
      assert.ok(failed(''));  // options must be a JSON object: pass '{}'
      a.delete();
    });

    it('linkRecords(): paging and filters agree with the full list', () => {
      const a = new M.Analyzer('{}');
      load(M, a, 'every_platform_row.json', readFixture('every_platform_row.json'));
      const all = JSON.parse(value(a.linkRecords('{"limit":0}')));
      assert.equal(all.total, 28);
      assert.equal(all.offset, 0);
      assert.equal(all.rows.length, 28);
      assert.deepEqual(Object.keys(all.rows[0]),
        ['file', 'chat_id', 'chat_name', 'message_id', 'date', 'platform', 'kind', 'target', 'url', 'source', 'forwarded', 'permalink']);
      assert.equal(all.rows[0].permalink, null);  // every_platform_row's chat has no Telegram signature link
      const def = JSON.parse(value(a.linkRecords('{}')));
      assert.equal(def.rows.length, 28);  // default limit 100
      const page = JSON.parse(value(a.linkRecords('{"offset":10,"limit":5}')));
      assert.equal(page.total, 28);
      assert.equal(page.offset, 10);
      assert.deepEqual(page.rows, all.rows.slice(10, 15));
      const past = JSON.parse(value(a.linkRecords('{"offset":100,"limit":5}')));
      assert.deepEqual([past.total, past.rows.length], [28, 0]);
      const signal = JSON.parse(value(a.linkRecords('{"platform":"signal","limit":0}')));
      assert.equal(signal.total, 3);
      assert.deepEqual(signal.rows, all.rows.filter((r) => r.platform === 'signal'));
      const chat0 = JSON.parse(value(a.linkRecords('{"chat":0,"limit":0}')));
      assert.equal(chat0.total, 28);
      assert.equal(JSON.parse(value(a.linkRecords('{"chat":1}'))).total, 0);
      for (const bad of ['{"platform":"myspace"}', '{"kind":7}', '{"limit":-1}', '{"offset":"3"}', 'nope', '{"bucket":"x"}'])
        assert.equal(a.linkRecords(bad).ok, false, bad);
      a.delete();
    });

    it('linkRecordsCsv(): header + rows; same query filters; a bad query gives a failed result', () => {
      const a = new M.Analyzer('{}');
      load(M, a, 'hostile_names_formula.json', readFixture('hostile_names_formula.json'));
      const csv = value(a.linkRecordsCsv('{"limit":0}', false));
      assert.ok(csv.startsWith('file,chat_id,chat_name,message_id,date,platform,kind,target,url,source,forwarded\n'));
      assert.ok(csv.endsWith('\n'));
      const total = JSON.parse(value(a.linkRecords('{"limit":0}'))).total;
      assert.equal(value(a.linkRecordsCsv('{"limit":2}', false)).trimEnd().split('\n').length, Math.min(2, total) + 1);
      assert.match(a.linkRecordsCsv('{"platform":"myspace"}', false).error, /platform/);
      a.delete();
    });

    it('the report\'s errors: every failed input with file and offset; good files unaffected', () => {
      const a = new M.Analyzer('{}');
      assert.deepEqual(errorsOf(a), []);
      const name = 'dir "x"/ünïcode,name.json';
      load(M, a, name, readFixture('fail_truncated.json'));
      load(M, a, 'ok.json', readFixture('every_platform_row.json'));
      load(M, a, 'empty.json', new Uint8Array(0));
      const errors = errorsOf(a);
      assert.deepEqual(errors.map((e) => e.file), [name, 'empty.json']);
      for (const e of errors) {
        assert.equal(typeof e.offset, 'number');
        assert.ok(e.message.length > 0);
      }
      const report = JSON.parse(value(a.report('{}')));
      assert.equal(report.totals.files, 3);
      a.delete();
    });

    it('call order: feed/endFile outside a file are ignored; beginFile ends an open file', () => {
      const bytes = readFixture('every_platform_row.json');
      const a = new M.Analyzer('{}');
      feedBytes(M, a, bytes);  // no file open: ignored
      a.endFile();
      a.beginFile('first.json');
      feedBytes(M, a, bytes);
      a.beginFile('second.json');  // ends first.json
      feedBytes(M, a, bytes);
      a.endFile();
      const r = JSON.parse(value(a.report('{}')));
      assert.equal(r.totals.files, 2);
      assert.equal(r.totals.link_records, 56);
      assert.deepEqual(r.errors, []);
      a.delete();
    });

    it('delete(): frees the analyzer; using it afterwards throws', () => {
      const heap = M.HEAPU8.length;
      for (let i = 0; i < 50; ++i) {
        const a = new M.Analyzer('{}');
        load(M, a, 'every_platform_row.json', readFixture('every_platform_row.json'));
        a.report('{}');
        a.delete();
      }
      assert.equal(M.HEAPU8.length, heap, 'heap grew over 50 create/delete cycles');
      const a = new M.Analyzer('{}');
      a.delete();
      assert.throws(() => a.report('{}'));
    });
  });
}
