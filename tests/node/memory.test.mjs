// Memory: a generated ~200 MB export (linkdrift-gen --size 200MB) fed in 16 MB chunks,
// read from disk chunk by chunk as the page reads a File. Asserts that it completes
// without errors and that the wasm heap never exceeds 256 MB (memory only grows, so
// the final HEAPU8.length is the peak); prints MB/s (informational, never asserted).
// With the native CLI present, the report must also equal `linkdrift report` byte for byte.
// Skipped when build/native/bin/linkdrift-gen is missing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { NATIVE_BIN, loadNodeBuild, value } from './support.mjs';

const GEN = path.join(NATIVE_BIN, 'linkdrift-gen');
const CLI = path.join(NATIVE_BIN, 'linkdrift');
const CHUNK = 16 << 20;
const MAX_HEAP = 256 << 20;
const skip = fs.existsSync(GEN) ? false : `${GEN} missing: build the native preset first (scripts/build.sh native)`;
if (skip) console.log(`SKIP memory test: ${skip}`);

describe('memory: ~200 MB export in 16 MB chunks', { skip }, () => {
  let dir;
  let file;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdrift-node-'));
    file = path.join(dir, 'gen200.json');
    const r = spawnSync(GEN, ['--size', '200MB', '--seed', '1', '--quiet', '--out', file], { stdio: 'inherit' });
    assert.equal(r.status, 0, 'linkdrift-gen failed');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('completes with the heap <= 256 MB (and equals the native report)', async () => {
    const M = await loadNodeBuild();
    const heapBefore = M.HEAPU8.length;
    const size = fs.statSync(file).size;
    const a = new M.Analyzer('{}');
    const ptr = M._malloc(CHUNK) >>> 0;
    assert.notEqual(ptr, 0, '_malloc(16 MB) failed');
    const buf = Buffer.alloc(CHUNK);
    const fd = fs.openSync(file, 'r');
    let report;
    let feedMs = 0;
    try {
      const t0 = process.hrtime.bigint();
      a.beginFile(path.basename(file));
      for (;;) {
        const n = fs.readSync(fd, buf, 0, CHUNK, null);
        if (n === 0) break;
        const t = process.hrtime.bigint();
        M.HEAPU8.set(buf.subarray(0, n), ptr);  // re-read HEAPU8: growth replaces the view
        a.feed(ptr, n);
        feedMs += Number(process.hrtime.bigint() - t) / 1e6;
      }
      a.endFile();
      const t1 = process.hrtime.bigint();
      report = value(a.report('{}'));
      const reportMs = Number(process.hrtime.bigint() - t1) / 1e6;
      const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
      assert.deepEqual(JSON.parse(report).errors, []);
      assert.equal(a.lastError(), '');
      const peak = M.HEAPU8.length;
      const mb = size / 1e6;
      console.log(`memory test: ${mb.toFixed(1)} MB in 16 MB chunks: feed ${(mb / (feedMs / 1000)).toFixed(1)} MB/s ` +
        `(read+feed ${(mb / ((totalMs - reportMs) / 1000)).toFixed(1)} MB/s), report ${reportMs.toFixed(0)} ms, ` +
        `wasm heap ${(heapBefore / 2 ** 20).toFixed(0)} MiB at start, peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
      assert.ok(peak <= MAX_HEAP, `peak wasm heap ${peak} bytes > 256 MB`);
      const parsed = JSON.parse(report);
      assert.ok(parsed.totals.messages > 0 && parsed.totals.link_records > 0, 'the generated export has messages and links');
    } finally {
      fs.closeSync(fd);
      M._free(ptr);
      a.delete();
    }

    if (fs.existsSync(CLI)) {
      const native = spawnSync(CLI, ['report', path.basename(file)], { cwd: dir, maxBuffer: 1 << 30 });
      assert.equal(native.status, 0);
      assert.ok(Buffer.from(report + '\n', 'utf8').equals(native.stdout), 'report differs from `linkdrift report`');
    }
  });
});
