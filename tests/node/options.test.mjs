// The core's tables reach JS unchanged: Module.optionTable() is `linkdrift options`
// (from which the page's option types and defaults are generated, web/scripts/gen-options.mjs),
// and Module.planPieces is the CLI's --jobs split plan (hand-computed pieces, as in
// tests/unit/test_piece_plan.cpp).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BUILDS, NATIVE_BIN, value } from './support.mjs';

const MiB = 1 << 20;

for (const [build, load] of Object.entries(BUILDS)) {
  describe(`option table and split plan (${build} build)`, () => {
    let M;
    before(async () => { M = await load(); });

    it('optionTable() equals `linkdrift options`', () => {
      const r = spawnSync(path.join(NATIVE_BIN, 'linkdrift'), ['options']);
      assert.equal(r.status, 0);
      const native = JSON.parse(r.stdout.toString('utf8'));
      const wasm = JSON.parse(M.optionTable());
      assert.deepEqual(wasm, native);
      const pause = wasm.report.find((row) => row.key === 'outcome_pause_days');
      assert.deepEqual([pause.flag, pause.min, pause.max, pause.default], ['--outcome-pause-days', 1, 36500, 21]);
      assert.deepEqual(wasm.analyzer.map((row) => row.key), ['max_message_mb', 'announcements', 'html_utc_offset_minutes']);
      assert.equal(M.sniffBytes, 4096);  // the core's kSniffBytes, which the worker reads
      assert.equal(M.readChunkBytes, 16 << 20);  // the core's kReadChunkBytes, the worker's read size
    });

    it('planPieces(): a JSON file straddling the cut is split there; the rest stay whole', () => {
      const plan = (inputs, parts) => JSON.parse(value(M.planPieces(JSON.stringify(inputs), parts)));
      assert.deepEqual(plan([{ size: MiB, splittable: true }, { size: 15 * MiB, splittable: true }], 2), [
        { input: 0, begin: 0, end: MiB, whole: true, part: 0 },
        { input: 1, begin: 0, end: 7 * MiB, whole: false, part: 0 },
        { input: 1, begin: 7 * MiB, end: 15 * MiB, whole: false, part: 1 },
      ]);
      assert.deepEqual(plan([{ size: 16 * MiB, splittable: false }], 2), [{ input: 0, begin: 0, end: 16 * MiB, whole: true, part: 0 }]);
      for (const bad of ['nope', '[{"size": -1, "splittable": true}]', '[{"size": 5}]']) {
        const r = M.planPieces(bad, 2);
        assert.equal(r.ok, false, bad);
        assert.match(r.error, /planPieces expects/, bad);
      }
    });
  });
}
