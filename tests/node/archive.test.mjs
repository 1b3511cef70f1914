// ZIP archives and HTML export folders through the JS API the page uses, against
// the native CLI on the same bytes (byte-identical reports), on both builds:
//   - beginArchive / nextRead / feed / endArchive on a generated ZIP (test-archives.mjs)
//     = `linkdrift report export.zip`;
//   - the same archive read by a second instance, serialized and merged after a plain
//     file (what the page's worker pool does) = one instance reading both;
//   - html_utc_offset_minutes (analyzer option) = `--html-tz`: offset-less dates move;
//   - a folder planned by planFolder, its files read (beginFile) or listed (skipFile) in
//     the plan's order = `linkdrift report FOLDER`;
//   - a folder with no export (the plan's error: beginFile + failFile) = the CLI's report
//     of it (exit 1); failFile in the middle of a file keeps what was fed before it.
// Skipped (with a message) without build/native/bin/linkdrift or the real exports.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BUILDS, FIXTURES, NATIVE_BIN, feedBytes, readArchive, readFixture, value, errorsOf } from './support.mjs';
import { exportArchive, htmlExportFolder, writeFolder, realworldSkip } from './test-archives.mjs';

const CLI = path.join(NATIVE_BIN, 'linkdrift');
const skip = !fs.existsSync(CLI) ? `native CLI ${CLI} missing: build the native preset first (scripts/build.sh native)` : realworldSkip;
if (skip) console.log(`SKIP archive tests: ${skip}`);

function cli(cwd, args) {
  const r = spawnSync(CLI, args, { cwd, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status };
}

let tmp, zip;
before(() => {
  if (skip) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdrift-node-archive-'));
  zip = new Uint8Array(exportArchive());
  fs.writeFileSync(path.join(tmp, 'export.zip'), zip);
  writeFolder(tmp, [...htmlExportFolder('OldHtml'), { path: 'OldHtml/result.txt', data: 'not an export' }]);
  writeFolder(tmp, [{ path: 'NoExport/photos/1.jpg', data: 'x' }, { path: 'NoExport/notes.txt', data: 'y' }]);
  writeFolder(tmp, [{ path: 'Both/result.json', data: readFixture('every_platform_row.json') },
                    { path: 'Both/messages.html', data: fs.readFileSync(path.join(tmp, 'OldHtml', 'messages.html')) }]);
});
after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

/** The report (+ "\n", as the CLI prints it) of one analyzer fed by `load(a)`. */
function reportOf(M, load, analyzerOptions = '{}') {
  const a = new M.Analyzer(analyzerOptions);
  try {
    load(a);
    return { text: value(a.report('{}')) + '\n', errors: errorsOf(a) };
  } finally {
    a.delete();
  }
}

function sameAsCli(wasm, args, what) {
  const r = cli(tmp, ['report', '--no-progress', ...args]);
  assert.equal(wasm.text, r.stdout.toString('utf8'), `${what}: report differs from \`linkdrift report ${args.join(' ')}\``);
  assert.ok(Buffer.from(wasm.text, 'utf8').equals(r.stdout), `${what}: not byte-identical`);
  return r;
}

/** Reads the folder `dir` (below tmp) as the page does: planFolder, then beginFile or skipFile in the plan's order. */
function readFolder(M, a, dir) {
  const paths = fs.readdirSync(path.join(tmp, dir), { recursive: true })
    .filter((p) => fs.statSync(path.join(tmp, dir, p)).isFile()).map((p) => `${dir}/${p.split(path.sep).join('/')}`);
  const plan = JSON.parse(value(M.planFolder(JSON.stringify(paths))));
  if (plan.error) { a.beginFile(dir); a.failFile(plan.error); return plan; }
  for (const f of plan.files) {
    const name = paths[f.listed];
    if (f.skip) { a.skipFile(name, f.skip); continue; }
    a.beginFile(name);
    feedBytes(M, a, new Uint8Array(fs.readFileSync(path.join(tmp, name))), 70000);
    a.endFile();
  }
  return plan;
}

for (const [build, load] of Object.entries(BUILDS)) {
  describe(`ZIP archives and HTML folders = the native CLI (${build} build)`, { skip }, () => {
    let M;
    before(async () => { M = await load(); });

    it('beginArchive on a generated ZIP: byte-identical to `linkdrift report export.zip`', () => {
      const wasm = reportOf(M, (a) => readArchive(M, a, 'export.zip', zip));
      const r = sameAsCli(wasm, ['export.zip'], 'export.zip');
      assert.equal(r.status, 1, 'a truncated entry: exit status 1');
      const files = JSON.parse(wasm.text).files;
      const by = Object.fromEntries(files.map((f) => [f.name, f]));
      assert.ok(files.every((f) => f.name.startsWith('export.zip/')), 'entries are named "export.zip/<path>"');
      assert.ok(!files.some((f) => /\.(jpg|css|js)$/.test(f.name) || f.name.endsWith('/')), 'media, css, js and folders are not listed');
      assert.equal(by['export.zip/ChatExport_2024-06-30/result.json'].status, 'ok');
      assert.equal(by['export.zip/Account/deep/er/Broken/result.json'].status, 'error');
      assert.equal(by['export.zip/OldHtmlExport/messages2.html'].continues_chat, true);
      assert.equal(by['export.zip/OldHtmlExport/messages.html'].assumed_utc_offset, '+00:00');
      assert.equal(by['export.zip/Both/messages.html'].status, 'skipped');
      assert.equal(by['export.zip/inner.zip'].status, 'skipped');
      assert.deepEqual(wasm.errors.map((e) => e.file), ['export.zip/Account/deep/er/Broken/result.json']);
    });

    it('an archive read by another instance and merged after a file (the worker pool) = one instance reading both', () => {
      const json = readFixture('signature_and_forwarded.json');
      const direct = reportOf(M, (a) => {
        a.beginFile('signature_and_forwarded.json'); feedBytes(M, a, json); a.endFile();
        readArchive(M, a, 'export.zip', zip);
      });
      const merged = reportOf(M, (a) => {
        a.beginFile('signature_and_forwarded.json'); feedBytes(M, a, json); a.endFile();
        const other = new M.Analyzer('{}');
        try {
          readArchive(M, other, 'export.zip', zip);
          value(a.mergeSerialized(value(other.serialize())));
        } finally { other.delete(); }
      });
      assert.equal(merged.text, direct.text);
      fs.copyFileSync(path.join(FIXTURES, 'signature_and_forwarded.json'), path.join(tmp, 'signature_and_forwarded.json'));
      sameAsCli(direct, ['signature_and_forwarded.json', 'export.zip'], 'file + archive');
    });

    it('html_utc_offset_minutes 180 = `--html-tz +03:00`: offset-less dates are read 3 h earlier in UTC', () => {
      const utc = JSON.parse(reportOf(M, (a) => readArchive(M, a, 'export.zip', zip)).text);
      const wasm = reportOf(M, (a) => readArchive(M, a, 'export.zip', zip), '{"html_utc_offset_minutes": 180}');
      sameAsCli(wasm, ['--html-tz', '+03:00', 'export.zip'], '--html-tz +03:00');
      const east = JSON.parse(wasm.text);
      const page = (r) => r.files.find((f) => f.name === 'export.zip/OldHtmlExport/messages.html');
      assert.equal(page(east).assumed_utc_offset, '+03:00');
      const chat = (r) => r.chats.find((c) => c.file === 'export.zip/OldHtmlExport/messages.html');
      assert.equal(Date.parse(chat(utc).first_date) - Date.parse(chat(east).first_date), 3 * 3600e3);
      assert.equal(east.totals.messages, utc.totals.messages);
    });

    it('a folder planned by planFolder, read page by page (skipFile for the skipped) = `linkdrift report FOLDER`', () => {
      for (const dir of ['OldHtml', 'Both']) {
        let plan;
        const wasm = reportOf(M, (a) => { plan = readFolder(M, a, dir); });
        sameAsCli(wasm, [dir], dir);
        const files = JSON.parse(wasm.text).files;
        if (dir === 'OldHtml') {
          assert.deepEqual(files.map((f) => f.name), ['OldHtml/messages.html', 'OldHtml/messages2.html'], 'pages in page order, nothing else');
        } else {
          assert.deepEqual(files.map((f) => [f.name, f.status]), [['Both/messages.html', 'skipped'], ['Both/result.json', 'ok']]);
          assert.match(files[0].skipped, /Both\/result\.json/);
          assert.equal(plan.files.length, 2);
        }
      }
    });

    it('a folder with no export: listed as an error by beginFile + failFile = `linkdrift report FOLDER` (exit 1)', () => {
      const wasm = reportOf(M, (a) => readFolder(M, a, 'NoExport'));
      assert.equal(sameAsCli(wasm, ['NoExport'], 'NoExport').status, 1);
      const msg = '2 files, none of them a Telegram export (result.json, messages*.html or .zip): NoExport/notes.txt, NoExport/photos/1.jpg';
      assert.deepEqual(wasm.errors, [{ file: 'NoExport', offset: 0, message: msg }]);
      const { files, totals } = JSON.parse(wasm.text);
      assert.deepEqual(files.map((f) => [f.name, f.status, f.bytes]), [['NoExport', 'error', 0]]);
      assert.equal(totals.files_with_errors, 1);
    });

    it('failFile in the middle of a file (a browser read error): an error at the bytes fed, what was fed before it counts', () => {
      const bytes = new Uint8Array(readFixture('every_platform_row.json'));
      const half = bytes.subarray(0, bytes.length >> 1);
      fs.writeFileSync(path.join(tmp, 'half.json'), half);
      const cliHalf = JSON.parse(cli(tmp, ['report', '--no-progress', 'half.json']).stdout.toString('utf8'));
      const cut = reportOf(M, (a) => {
        a.beginFile('a.json'); feedBytes(M, a, half, 4096); a.failFile('read error: NotReadableError'); a.endFile();
        a.beginFile('b.json'); feedBytes(M, a, bytes, 4096); a.endFile();
      });
      assert.deepEqual(cut.errors, [{ file: 'a.json', offset: half.length, message: 'read error: NotReadableError' }]);
      const [a, b] = JSON.parse(cut.text).files;
      assert.deepEqual([a.status, a.bytes, a.messages], ['error', half.length, cliHalf.totals.messages], 'the messages fed before the error count');
      assert.ok(a.messages > 0);
      assert.deepEqual([b.name, b.status], ['b.json', 'ok'], 'the next file is read as usual');
    });
  });
}
