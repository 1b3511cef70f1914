// The worker-pool API (wasm/README.md "Splitting a file"): every fixture split
// at several cuts across 2-4 Analyzer instances (beginSegment / nextRead / feed
// / endSegment), each serialized and merged in order with mergeSerialized,
// gives byte for byte the report, CSV and errors of one sequential instance.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { BUILDS, FIXTURES, feedBytes, analyze, value, errorsOf } from './support.mjs';

const OPTIONS = '{"announcements": true}';

function fixtureFiles() {
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort();
}

/** One segment in its own instance, answered from `bytes` like a worker from File.slice(); serialized. */
function segmentBytes(M, name, bytes, start, end) {
  const a = new M.Analyzer(OPTIONS);
  try {
    a.beginSegment(name, bytes.length, start, end);
    for (let r; (r = a.nextRead()) !== null;) {
      assert.ok(r.offset >= 0 && r.offset <= bytes.length);
      feedBytes(M, a, bytes.subarray(r.offset, r.offset + r.length));
    }
    a.endSegment();
    const out = value(a.serialize());
    assert.ok(out instanceof Uint8Array);
    return out;
  } finally {
    a.delete();
  }
}

function splitRun(M, name, bytes, cuts) {
  const parts = [];
  for (let k = 0; k + 1 < cuts.length; ++k) parts.push(segmentBytes(M, name, bytes, cuts[k], cuts[k + 1]));
  const merged = new M.Analyzer(OPTIONS);
  try {
    for (const p of parts) value(merged.mergeSerialized(p));
    return {
      report: value(merged.report('{}')),
      csv: value(merged.linkRecordsCsv('{"limit":0}', false)),
      errors: errorsOf(merged),
    };
  } finally {
    merged.delete();
  }
}

function cutsFor(size, n, shift) {
  if (size < n) return [0, size];
  const cuts = [0];
  for (let k = 1; k < n; ++k) cuts.push(Math.min(size - 1, Math.max(1, Math.floor((size * k) / n) + shift)));
  cuts.push(size);
  return cuts.sort((x, y) => x - y);
}

for (const [build, loadModule] of Object.entries(BUILDS)) {
  describe(`split across instances (${build} build)`, () => {
    let M;
    before(async () => { M = await loadModule(); });

    it('exports the segment API', () => {
      const a = new M.Analyzer('{}');
      for (const f of ['beginSegment', 'nextRead', 'endSegment', 'serialize', 'mergeSerialized', 'clear'])
        assert.equal(typeof a[f], 'function', f);
      assert.equal(a.nextRead(), null);  // no segment begun
      a.delete();
    });

    for (const file of fixtureFiles()) {
      it(`${file}: 2-4 instances at several cuts = sequential`, () => {
        const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
        const want = analyze(M, [{ name: file, bytes }], { analyzerOptions: OPTIONS });
        for (const n of [2, 3, 4]) {
          for (const shift of [0, 13]) {
            const got = splitRun(M, file, bytes, cutsFor(bytes.length, n, shift));
            assert.deepEqual(got.errors, want.errors, `${n}/${shift}`);
            assert.equal(got.csv, want.csv, `${n}/${shift}`);
            assert.equal(got.report, want.report, `${n}/${shift}`);
          }
        }
      });
    }

    it('mergeSerialized refuses bad bytes: a failed result naming why, nothing merged', () => {
      const a = new M.Analyzer('{}');
      assert.deepEqual(a.mergeSerialized(new Uint8Array([1, 2, 3])), { ok: false, error: 'not a serialized linkdrift corpus' });
      assert.equal(a.lastError(), '');
      assert.equal(JSON.parse(value(a.report('{}'))).files.length, 0);
      a.delete();
    });
  });
}
