// The wasm core in headless Chromium through the real served page and its worker:
// the file is picked with setInputFiles on the page's file-input (Chromium reads it
// from disk in 16 MiB slices inside the worker); wall time from the pick to app-state
// done. Peak wasm heap of the worker is read over CDP (the page exposes nothing): the
// WorkerMemoryProbe of tests/browser/memory-probe.mjs pauses the worker once while it reads, keeps a handle to
// the Emscripten module, switches the debugger off, then samples HEAPU8.length.
//   node bench/runners/browser.mjs FILE [--runs N] [--timeout-min M] [--workers P]
// One browser and server for all runs, a fresh page per run. Prints one JSON line per
// run: {runner, ok, seconds, first_partial_seconds, workers, wasm_heap_bytes (of one worker), chromium_pss_bytes, chromium_max_rss_bytes,
// messages, link_records} (link_records from the page's per-platform cards).
import fs from 'node:fs';
import {
  tid, startServer, launchBrowser, openPage, runAndSettle, cards, isSameOrigin, gotoApp, PLATFORMS,
  firstPartial, appUrl,
} from '../../tests/browser/harness.mjs';
import { WorkerMemoryProbe, childTree, pssOf, rssOf, appStateSafe } from '../../tests/browser/memory-probe.mjs';

const args = process.argv.slice(2);
const file = args.find((x) => !x.startsWith('--') && fs.existsSync(x));
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = opt('--runs', 1);
const timeoutMin = opt('--timeout-min', 30);
const workers = opt('--workers', 0);  // 0: the page's default (min(hardwareConcurrency, 4))

async function oneRun(browser, server) {
  const { page } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(page, appUrl(server.url, workers));
  const cdp = await browser.newBrowserCDPSession();
  const probe = new WorkerMemoryProbe(cdp, server.origin);
  await probe.init();
  let peakWasm = 0, peakPss = 0, peakRss = 0, sampling = true;
  const sampleProc = () => {
    const pids = childTree(process.pid);
    peakPss = Math.max(peakPss, pids.map(pssOf).reduce((x, y) => x + y, 0));
    peakRss = Math.max(peakRss, ...pids.map(rssOf), 0);
  };
  const sampleWasm = async () => {
    const b = await probe.wasmBytes().catch(() => null);
    if (b) peakWasm = Math.max(peakWasm, b);
  };
  const sampler = (async () => {
    let found = false;
    while (sampling) {
      sampleProc();
      if (!found && (await appStateSafe(page)) === 'reading') {
        found = (probe.sessionId || (await probe.attach())) && (await probe.findModule().catch((e) => { probe.note = e.message; return true; }));
      }
      await sampleWasm();
      await new Promise((r) => setTimeout(r, found ? 1000 : 200));
    }
  })();
  const t0 = performance.now();
  let t1;
  const partial = firstPartial(page, timeoutMin * 60000);
  const state = await runAndSettle(page, () => page.locator(tid('file-input')).setInputFiles([file]), timeoutMin * 60000)
    .finally(() => { t1 = performance.now(); });
  sampling = false;
  await sampler;
  sampleProc();
  await sampleWasm();
  await probe.detach();
  await cdp.detach().catch(() => {});
  const got = await cards(page);
  const tPartial = await Promise.race([partial, new Promise((r) => setTimeout(() => r(null), 100))]);
  const poolSize = Number(await page.locator(tid('build-kind')).getAttribute('data-workers'));
  await page.context().close();
  const link_records = Object.fromEntries(PLATFORMS.map((p) => [p, got[`card-links-${p}`] ?? 0]));
  return {
    runner: 'browser', ok: state === 'done', state, seconds: (t1 - t0) / 1000,
    first_partial_seconds: tPartial ? (tPartial - t0) / 1000 : null, workers: poolSize,
    wasm_heap_bytes: peakWasm || null, wasm_heap_note: peakWasm ? undefined : probe.note,
    chromium_pss_bytes: peakPss, chromium_max_rss_bytes: peakRss,
    messages: got['card-messages'], link_records,
  };
}

const server = await startServer();
const browser = await launchBrowser();
let code = 0;
try {
  for (let i = 0; i < runs; i++) {
    const r = await oneRun(browser, server).catch((e) => ({ runner: 'browser', ok: false, error: String(e.message ?? e).slice(0, 300) }));
    if (!r.ok) code = 1;
    console.log(JSON.stringify(r));
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(code);
