// Every tests/fixtures/NAME.json with NAME.expected.json: the wasm module's report and
// link records equal the hand-written answers (the checks of tests/unit/test_fixtures.cpp),
// for whole-file, 1-byte, 7-byte and random-size chunks fed through _malloc/HEAPU8/feed.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { analyze, expectedFixtures, linkTuples, loadNodeBuild, readFixture } from './support.mjs';

// Mirrors check_against() in tests/unit/test_fixtures.cpp.
function checkAgainst(expected, report, links) {
  for (const [key, value] of Object.entries(expected.totals || {}))
    assert.deepEqual(report.totals[key], value, `totals.${key}`);

  const platforms = expected.platforms || {};
  for (const p of report.platforms)
    assert.deepEqual([p.link_records, p.messages, p.targets], platforms[p.platform] || [0, 0, 0], `platform ${p.platform}`);

  if (expected.buckets) {
    const b = report.buckets;
    for (const [label, want] of Object.entries(expected.buckets)) {
      const i = b.keys.indexOf(label);
      assert.ok(i >= 0, `bucket ${label} missing`);
      assert.equal(b.messages[i], want.messages, `bucket ${label} messages`);
      for (const [platform, series] of Object.entries(b.platforms))
        assert.equal(series.link_records[i], want[platform] || 0, `bucket ${label} ${platform}`);
    }
  }

  assert.equal(report.chats.length, expected.chats.length, 'number of chats');
  expected.chats.forEach((chat, i) => {
    for (const [key, value] of Object.entries(chat)) assert.deepEqual(report.chats[i][key], value, `chats[${i}].${key}`);
  });

  if (expected.signature_targets) {
    const got = report.chats.flatMap((c) => c.signature_targets.map((t) => [t.platform, t.kind, t.target]));
    assert.deepEqual(got, expected.signature_targets, 'signature_targets');
  }

  // Migration sections (issue 5): compared whole when listed.
  for (const key of ['announcements', 'outcomes', 'events', 'graph'])
    if (expected[key] !== undefined) assert.deepEqual(report[key], expected[key], key);

  assert.deepEqual(links, expected.links, 'links');
  const errors = report.errors.map((e) => ({ offset: e.offset, message: e.message }));
  assert.deepEqual(errors, expected.errors, 'errors');
}

const fixtures = expectedFixtures();

describe('fixtures (wasm, Node build)', () => {
  let M;
  before(async () => { M = await loadNodeBuild(); });

  it('finds the fixture set', () => assert.ok(fixtures.length >= 5, `${fixtures.length} fixtures`));

  for (const { name, expected } of fixtures) {
    it(name, () => {
      const files = [{ name, bytes: readFixture(name) }];
      const reportOptions = JSON.stringify(expected.options || {});
      const analyzerOptions = JSON.stringify({ announcements: true });  // as the native fixture test
      const whole = analyze(M, files, { reportOptions, analyzerOptions });
      const report = JSON.parse(whole.report);
      checkAgainst(expected, report, linkTuples(whole.page));
      assert.equal(whole.page.total, whole.page.rows.length, 'linkRecords total');

      // The report names the file of each error.
      for (const e of report.errors) assert.equal(e.file, name);

      for (const chunking of [1, 7, 'random']) {
        const other = analyze(M, files, { chunking, reportOptions, analyzerOptions });
        assert.equal(other.report, whole.report, `report, ${chunking} chunks`);
        assert.deepEqual(other.page, whole.page, `link records, ${chunking} chunks`);
        assert.equal(other.csv, whole.csv, `CSV, ${chunking} chunks`);
      }
    });
  }
});
