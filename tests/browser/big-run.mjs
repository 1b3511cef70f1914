// The documented big-file run (scripts/big-browser-run.sh, not in CI): one large
// export through the real served page in headless chromium.
//   node tests/browser/big-run.mjs FILE [--timeout-min N] [--workers N] [--no-cli] [--no-probe]
// Prints: bytes, wall time from setInputFiles (the user's pick) to app-state done and
// to the first partial report shown,
// MB/s, peak wasm memory of the analysis worker (read from outside through CDP, see
// WorkerMemoryProbe; the page exposes nothing for it), peak PSS/RSS of the chromium process tree, the cards, and
// (unless --no-cli) the native CLI's totals on the same file for comparison.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
  CLI, tid, startServer, launchBrowser, openPage, runAndSettle, waitChartsReady, cards,
  fileStatuses, isSameOrigin, allUrls, cardsOfReport, screenshot,
  gotoApp, firstPartial, appUrl,
} from './harness.mjs';
import { WorkerMemoryProbe, childTree, pssOf, rssOf, appStateSafe } from './memory-probe.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const timeoutMin = Number(args[args.indexOf('--timeout-min') + 1]) || 30;
const withCli = !args.includes('--no-cli');
const withProbe = !args.includes('--no-probe');  // throughput without any CDP attached to the worker
const workers = args.includes('--workers') ? Number(args[args.indexOf('--workers') + 1]) : 0;  // 0: the page's default
if (!file || !fs.existsSync(file)) {
  console.error('usage: node tests/browser/big-run.mjs FILE [--timeout-min N] [--workers N] [--no-cli] [--no-probe]');
  process.exit(2);
}
const bytes = fs.statSync(file).size;
const MiB = 1024 * 1024;
const fmt = (b) => `${(b / MiB).toFixed(1)} MiB`;

// ---- the run ---------------------------------------------------------------------
const server = await startServer();
const browser = await launchBrowser();
let exitCode = 0;
try {
  const { page, rec } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(page, appUrl(server.url, workers));
  const probe = new WorkerMemoryProbe(await browser.newBrowserCDPSession(), server.origin);
  await probe.init();

  let peakWasm = 0, peakRssTotal = 0, peakRssProc = 0, sampling = true, samples = 0, wasmSamples = 0;
  const sampleRss = () => {
    const pids = childTree(process.pid);
    peakRssTotal = Math.max(peakRssTotal, pids.map(pssOf).reduce((a, b) => a + b, 0));
    peakRssProc = Math.max(peakRssProc, ...pids.map(rssOf), 0);
  };
  const sampleWasm = async () => {
    const b = await probe.wasmBytes().catch((e) => { probe.lastError = e.message; return null; });
    if (b) { wasmSamples++; peakWasm = Math.max(peakWasm, b); }
  };
  const sampler = (async () => {
    let found = false;
    while (sampling) {
      sampleRss();
      if (withProbe && !found && (await appStateSafe(page)) === 'reading') {
        found = (probe.sessionId || (await probe.attach())) && (await probe.findModule().catch((e) => { probe.note = e.message; return true; }));
      }
      await sampleWasm();
      samples++;
      await new Promise((r) => setTimeout(r, found ? 1000 : 200));
    }
  })();

  console.log(`[big-run] file ${file}: ${bytes} bytes (${fmt(bytes)})`);
  const t0 = performance.now();
  let tDone;
  const partial = firstPartial(page, timeoutMin * 60000);
  const state = await runAndSettle(page, async () => {
    await page.locator(tid('file-input')).setInputFiles([file]);
  }, timeoutMin * 60000).finally(() => { tDone = performance.now(); });
  const wall = (tDone - t0) / 1000;
  const tPartial = await Promise.race([partial, new Promise((r) => setTimeout(() => r(null), 100))]);
  sampling = false;
  await sampler;
  // Wasm memory never shrinks: one more read after done (and after the report) is the peak.
  await waitChartsReady(page, 120000).catch((e) => console.log(`[big-run] charts not ready: ${e.message}`));
  sampleRss();
  await sampleWasm();
  await probe.detach();
  const got = await cards(page);
  const statuses = await fileStatuses(page);
  await screenshot(page, 'big-run');
  console.log(`[big-run] app-state: ${state}; file status: ${JSON.stringify(statuses.map((s) => [s.file, s.status]))}`);
  console.log(`[big-run] workers: ${await page.locator(tid('build-kind')).getAttribute('data-workers')}`);
  console.log(`[big-run] wall time (setInputFiles -> done): ${wall.toFixed(1)} s`);
  console.log(`[big-run] time to the first partial report (setInputFiles -> partial shown): ${tPartial ? `${((tPartial - t0) / 1000).toFixed(1)} s` : 'none shown'}`);
  console.log(`[big-run] throughput: ${(bytes / 1e6 / wall).toFixed(1)} MB/s (${(bytes / MiB / wall).toFixed(1)} MiB/s)`);
  console.log(`[big-run] peak wasm memory of the worker (HEAPU8.length via CDP, ${wasmSamples} of ${samples + 1} samples): ${peakWasm ? fmt(peakWasm) : 'not measured'} (${probe.note}${probe.lastError ? `; last error: ${probe.lastError}` : ''})`);
  console.log(`[big-run] peak memory of chromium: ${fmt(peakRssTotal)} PSS summed over its processes, ${fmt(peakRssProc)} RSS of the largest process`);
  console.log(`[big-run] cards: ${JSON.stringify(got)}`);
  const off = allUrls(rec).filter((u) => !isSameOrigin(u, server.origin));
  if (off.length) { console.log(`[big-run] requests off the origin: ${JSON.stringify(off)}`); exitCode = 1; }
  if (state !== 'done') exitCode = 1;

  if (withCli) {
    const c0 = performance.now();
    const ref = JSON.parse(execFileSync(CLI, ['report', file], { maxBuffer: 1 << 30 }).toString('utf8'));
    const cw = (performance.now() - c0) / 1000;
    const want = cardsOfReport(ref);
    const same = JSON.stringify(want) === JSON.stringify(got);
    console.log(`[big-run] native CLI report: ${cw.toFixed(1)} s (${(bytes / 1e6 / cw).toFixed(1)} MB/s); cards ${same ? 'EQUAL' : 'DIFFER'} to the CLI's`);
    if (!same) { console.log(`[big-run] CLI: ${JSON.stringify(want)}`); exitCode = 1; }
  }
} catch (e) {
  console.error(`[big-run] FAILED: ${e.stack ?? e}`);
  exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
}
process.exit(exitCode);
