// HTML exports through the JS API the page uses (beginFile: the core sniffs the
// format), against the native CLI on the same files, on both builds:
//   - every HTML fixture (tests/fixtures/html/*.html, tests/fixtures/*.html) fed in
//     random chunks = `linkdrift report FILE` and `linkdrift links FILE`, byte for byte;
//   - an offset-less page with html_utc_offset_minutes = `--html-tz`, listed with
//     its assumed zone;
//   - two consecutive real pages (LINKDRIFT_REALWORLD) = one chat continued.
// Skipped (with a message) without build/native/bin/linkdrift.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { BUILDS, FIXTURES, NATIVE_BIN, feedBytes, value } from './support.mjs';
import { OLD_HTML, realworldSkip } from './test-archives.mjs';

const CLI = path.join(NATIVE_BIN, 'linkdrift');
const skip = fs.existsSync(CLI) ? false : `native CLI ${CLI} missing: build the native preset first (scripts/build.sh native)`;
if (skip) console.log(`SKIP HTML parity: ${skip}`);

function cli(cwd, args) {
  const r = spawnSync(CLI, args, { cwd, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r.stdout.toString('utf8');
}

/** Report (+ "\n", as the CLI prints it) and CSV of `files` (paths) read as their base names in order. */
function wasmOf(M, files, analyzerOptions = '{}') {
  const a = new M.Analyzer(analyzerOptions);
  try {
    for (const f of files) {
      a.beginFile(path.basename(f));
      feedBytes(M, a, new Uint8Array(fs.readFileSync(f)), 'random');
      a.endFile();
    }
    return { report: value(a.report('{}')) + '\n', csv: value(a.linkRecordsCsv('{"limit":0}', false)) };
  } finally {
    a.delete();
  }
}

const htmlFixtures = [path.join(FIXTURES, 'html'), FIXTURES]
  .flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(d, f)) : []));

for (const [build, load] of Object.entries(BUILDS)) {
  describe(`HTML exports = the native CLI (${build} build)`, { skip }, () => {
    let M;
    before(async () => { M = await load(); });

    for (const file of htmlFixtures) {
      it(path.relative(FIXTURES, file), () => {
        const wasm = wasmOf(M, [file]);
        const name = path.basename(file), dir = path.dirname(file);
        assert.equal(wasm.report, cli(dir, ['report', '--no-progress', name]), 'report differs from `linkdrift report`');
        assert.equal(wasm.csv, cli(dir, ['links', '--no-progress', name]), 'CSV differs from `linkdrift links`');
        const f = JSON.parse(wasm.report).files[0];
        assert.equal(f.name, name);
        if (f.status === 'ok') assert.equal(f.format, 'html');
      });
    }

    it('html_utc_offset_minutes -300 = `--html-tz -05:00` on an offset-less page; the file lists its zone', { skip: !htmlFixtures.some((f) => f.endsWith('html_old_dates_no_offset.html')) }, () => {
      const file = path.join(FIXTURES, 'html_old_dates_no_offset.html');
      const utc = JSON.parse(wasmOf(M, [file]).report);
      const west = wasmOf(M, [file], '{"html_utc_offset_minutes": -300}');
      assert.equal(west.report, cli(path.dirname(file), ['report', '--no-progress', '--html-tz', '-05:00', path.basename(file)]));
      const r = JSON.parse(west.report);
      assert.equal(utc.files[0].assumed_utc_offset, '+00:00');
      assert.equal(r.files[0].assumed_utc_offset, '-05:00');
      assert.equal(Date.parse(r.totals.first_date) - Date.parse(utc.totals.first_date), 5 * 3600e3, 'local time 5 h behind UTC');
    });

    it('two consecutive real pages read in order: one chat, the second page continues it', { skip: realworldSkip }, () => {
      const wasm = wasmOf(M, OLD_HTML);
      assert.equal(wasm.report, cli(path.dirname(OLD_HTML[0]), ['report', '--no-progress', ...OLD_HTML.map((f) => path.basename(f))]));
      const r = JSON.parse(wasm.report);
      assert.equal(r.totals.chats, 1);
      assert.deepEqual(r.files.map((f) => [f.format, f.continues_chat ?? false]), [['html', false], ['html', true]]);
    });
  });
}
