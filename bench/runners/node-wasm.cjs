'use strict';
// The wasm core in Node, as the page's worker drives it: 16 MiB chunks read from disk
// with fs.readSync into one reusable Buffer, copied into one _malloc'd buffer on the
// wasm heap, feed(); then report('{}').
//   node bench/runners/node-wasm.cjs FILE
// Prints one JSON line: {runner, ok, seconds (load+feed+report), load/feed/report
// seconds, wasm_heap_bytes (HEAPU8.length at the end = the peak: wasm memory never
// shrinks), max_rss_kb (process.resourceUsage), messages, link_records}.
const fs = require('fs');
const path = require('path');

const CHUNK = 16 << 20;
const dist = process.env.LINKDRIFT_WASM_DIST || path.join(__dirname, '../../build/wasm/dist');

(async () => {
  const file = process.argv[2];
  const t0 = performance.now();
  const M = await require(path.join(dist, 'node-loader.cjs')).loadLinkdrift();
  const t1 = performance.now();
  const a = new M.Analyzer('{"announcements": false}');  // links + report, like the baselines and bench/run.mjs's native runners
  const buf = Buffer.allocUnsafe(CHUNK);
  const ptr = M._malloc(CHUNK) >>> 0;
  const fd = fs.openSync(file, 'r');
  a.beginFile(path.basename(file));
  for (;;) {
    const n = fs.readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) break;
    M.HEAPU8.set(n === CHUNK ? buf : buf.subarray(0, n), ptr);  // HEAPU8 anew: growth replaces it
    a.feed(ptr, n);
  }
  fs.closeSync(fd);
  a.endFile();
  M._free(ptr);
  const t2 = performance.now();
  const text = a.report('{}');
  const t3 = performance.now();
  const heap = M.HEAPU8.length;
  a.delete();
  const rep = JSON.parse(text);
  if (rep.error) throw new Error(rep.error);
  const link_records = Object.fromEntries(rep.platforms.map((p) => [p.platform, p.link_records]));
  console.log(JSON.stringify({
    runner: 'node-wasm', ok: rep.totals.files_with_errors === 0, seconds: (t3 - t0) / 1000,
    load_seconds: (t1 - t0) / 1000, feed_seconds: (t2 - t1) / 1000, report_seconds: (t3 - t2) / 1000,
    wasm_heap_bytes: heap, max_rss_kb: process.resourceUsage().maxRSS,
    messages: rep.totals.messages, link_records, errors: rep.errors,
  }));
})().catch((e) => {
  console.log(JSON.stringify({ runner: 'node-wasm', ok: false, error: String(e && e.stack || e).slice(0, 300) }));
  process.exit(1);
});
