'use strict';
// The wasm core in Node, as the page's worker drives it: 16 MiB chunks read from disk
// with fs.readSync into one reusable Buffer, copied into one _malloc'd buffer on the
// wasm heap, feed(); then report('{}').
//   node bench/runners/node-wasm.cjs FILE|DIR
// A folder (e.g. an HTML export: messages.html, messages2.html, ... or chats/chat_NNN/)
// is read like the page reads a picked folder: its files' paths ('/'-separated, the
// folder's name first) go to Module.planFolder, which decides what is read and in
// which order (pages in page order, export_results.html and lists/ skipped); skipped
// files are listed with skipFile, every planned file is one beginFile/feed/endFile.
// Prints one JSON line: {runner, ok, seconds (load+feed+report), load/feed/report
// seconds, wasm_heap_bytes (HEAPU8.length at the end = the peak: wasm memory never
// shrinks), max_rss_kb (process.resourceUsage), files (read), bytes (read),
// messages, link_records}.
const fs = require('fs');
const path = require('path');

const CHUNK = 16 << 20;
const dist = process.env.LINKDRIFT_WASM_DIST || path.join(__dirname, '../../build/wasm/dist');

/** [name, absolute path] of every file below `dir`, names '/'-separated with the folder's name first. */
function listFolder(dir) {
  const root = path.basename(path.resolve(dir));
  const out = [];
  const walk = (abs, rel) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, e.name), r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(a, r);
      else if (e.isFile()) out.push([r, a]);
    }
  };
  walk(dir, root);
  return out;
}

(async () => {
  const input = process.argv[2];
  const t0 = performance.now();
  const M = await require(path.join(dist, 'node-loader.cjs')).loadLinkdrift();
  const t1 = performance.now();
  const a = new M.Analyzer('{"announcements": false}');  // links + report, like the baselines and bench/run.mjs's native runners
  const buf = Buffer.allocUnsafe(CHUNK);
  const ptr = M._malloc(CHUNK) >>> 0;
  let files = 0, bytes = 0;
  const readOne = (name, file) => {
    const fd = fs.openSync(file, 'r');
    a.beginFile(name);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      M.HEAPU8.set(n === CHUNK ? buf : buf.subarray(0, n), ptr);  // HEAPU8 anew: growth replaces it
      a.feed(ptr, n);
      bytes += n;
    }
    fs.closeSync(fd);
    a.endFile();
    files++;
  };
  if (fs.statSync(input).isDirectory()) {
    const listed = listFolder(input);
    const planned = M.planFolder(JSON.stringify(listed.map(([name]) => name)));
    if (!planned.ok) throw new Error(`planFolder: ${planned.error}`);
    const plan = JSON.parse(planned.value);
    for (const f of plan.files) {
      const [name, file] = listed[f.listed];
      if (f.skip) a.skipFile(name, f.skip);
      else readOne(name, file);
    }
  } else {
    readOne(path.basename(input), input);
  }
  M._free(ptr);
  const t2 = performance.now();
  const result = a.report('{}');
  const t3 = performance.now();
  const heap = M.HEAPU8.length;
  a.delete();
  if (!result.ok) throw new Error(result.error);
  const text = result.value;
  const rep = JSON.parse(text);
  const link_records = Object.fromEntries(rep.platforms.map((p) => [p.platform, p.link_records]));
  console.log(JSON.stringify({
    runner: 'node-wasm', ok: rep.totals.files_with_errors === 0, seconds: (t3 - t0) / 1000,
    load_seconds: (t1 - t0) / 1000, feed_seconds: (t2 - t1) / 1000, report_seconds: (t3 - t2) / 1000,
    wasm_heap_bytes: heap, max_rss_kb: process.resourceUsage().maxRSS, files, bytes,
    messages: rep.totals.messages, link_records, errors: rep.errors,
  }));
})().catch((e) => {
  console.log(JSON.stringify({ runner: 'node-wasm', ok: false, error: String(e && e.stack || e).slice(0, 300) }));
  process.exit(1);
});
