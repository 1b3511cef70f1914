// Byte-identical to the native CLI: for every fixture (tests/fixtures/*.json and
// tests/fixtures/reader/*.json), run `linkdrift report FILE` and `linkdrift links FILE`
// from the fixture's folder with the bare file name, and require
//   report('{}') + "\n"               === `linkdrift report FILE` stdout
//   linkRecordsCsv('{"limit":0}', false) === `linkdrift links FILE` stdout
// for both builds (the Node build and the page's ES module). report() returns the
// JSON without the CLI's trailing newline.
// Skipped (with a message) when build/native/bin/linkdrift is missing.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { BUILDS, FIXTURES, NATIVE_BIN, analyze, value } from './support.mjs';

const CLI = path.join(NATIVE_BIN, 'linkdrift');
const haveCli = fs.existsSync(CLI);
const skip = haveCli ? false : `native CLI ${CLI} missing: build the native preset first (scripts/build.sh native)`;
if (!haveCli) console.log(`SKIP native parity: ${skip}`);

function cli(dir, args) {
  const r = spawnSync(CLI, args, { cwd: dir, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status };
}

// [{dir, names}] — each case one file, plus one run over several files (errors of
// one file must not touch the others, and file order must match).
function cases() {
  const out = [];
  for (const dir of [FIXTURES, path.join(FIXTURES, 'reader')]) {
    const names = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort();
    for (const name of names) out.push({ dir, names: [name] });
  }
  out.push({ dir: FIXTURES, names: ['every_platform_row.json', 'fail_truncated.json', 'account_2chats_1left.json', 'hostile_names_formula.json'] });
  return out;
}

for (const [build, load] of Object.entries(BUILDS)) {
  describe(`byte-identical to the native CLI (${build} build)`, { skip }, () => {
    let M;
    before(async () => { M = await load(); });

    for (const { dir, names } of cases()) {
      const label = path.relative(FIXTURES, path.join(dir, names.join(' + '))) || names.join(' + ');
      it(label, () => {
        const files = names.map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
        const wasm = analyze(M, files);

        const report = cli(dir, ['report', ...names]);
        assert.ok(Buffer.from(wasm.report + '\n', 'utf8').equals(report.stdout), 'report differs from `linkdrift report`');
        assert.equal(report.status, wasm.errors.length ? 1 : 0, 'CLI exit status vs the report\'s errors');

        const links = cli(dir, ['links', ...names]);
        assert.ok(Buffer.from(wasm.csv, 'utf8').equals(links.stdout), 'CSV differs from `linkdrift links`');

        const linksSafe = cli(dir, ['links', '--excel-safe', ...names]);
        const a = new M.Analyzer('{}');
        try {
          // Same analyzer state as analyze(), rebuilt here to ask for the excel-safe CSV.
          for (const { name, bytes } of files) {
            a.beginFile(name);
            const ptr = M._malloc(Math.max(1, bytes.length)) >>> 0;
            M.HEAPU8.set(bytes, ptr);
            a.feed(ptr, bytes.length);
            M._free(ptr);
            a.endFile();
          }
          assert.ok(Buffer.from(value(a.linkRecordsCsv('{"limit":0}', true)), 'utf8').equals(linksSafe.stdout),
            'excel-safe CSV differs from `linkdrift links --excel-safe`');
        } finally {
          a.delete();
        }
      });
    }

    it('report options: --bucket week --tz +03:00 --no-forwarded --top 3', () => {
      const name = 'signature_and_forwarded.json';
      const files = [{ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) }];
      const wasm = analyze(M, files, {
        reportOptions: JSON.stringify({ bucket: 'week', tz_offset_minutes: 180, include_forwarded: false, top_targets: 3 }),
      });
      const native = cli(FIXTURES, ['report', '--bucket', 'week', '--tz', '+03:00', '--no-forwarded', '--top', '3', name]);
      assert.ok(Buffer.from(wasm.report + '\n', 'utf8').equals(native.stdout));
    });
  });
}
