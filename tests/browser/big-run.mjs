// The documented big-file run (scripts/big-browser-run.sh, not in CI): one large
// export through the real served page in headless chromium.
//   node tests/browser/big-run.mjs FILE [--timeout-min N] [--no-cli] [--no-probe]
// Prints: bytes, wall time from setInputFiles (the user's pick) to app-state done,
// MB/s, peak wasm memory of the analysis worker (read from outside through CDP, see
// WorkerMemoryProbe; the page exposes nothing for it), peak PSS/RSS of the chromium process tree, the cards, and
// (unless --no-cli) the native CLI's totals on the same file for comparison.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
  CLI, tid, startServer, launchBrowser, openPage, runAndSettle, waitChartsReady, cards,
  fileStatuses, isSameOrigin, allUrls, cardsOfReport, screenshot,
  gotoApp,
} from './harness.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const timeoutMin = Number(args[args.indexOf('--timeout-min') + 1]) || 30;
const withCli = !args.includes('--no-cli');
const withProbe = !args.includes('--no-probe');  // throughput without any CDP attached to the worker
if (!file || !fs.existsSync(file)) {
  console.error('usage: node tests/browser/big-run.mjs FILE [--timeout-min N] [--no-cli] [--no-probe]');
  process.exit(2);
}
const bytes = fs.statSync(file).size;
const MiB = 1024 * 1024;
const fmt = (b) => `${(b / MiB).toFixed(1)} MiB`;

// ---- wasm memory of the worker, through a browser-level CDP session -------------
// Dedicated workers are targets of type 'worker'; attach (non-flattened: playwright's
// CDPSession has no per-session routing). Runtime.queryObjects(WebAssembly.Memory)
// would be the direct way, but it crashes this worker's renderer (Chromium 156), so:
// pause the worker once while it runs (Debugger.pause), find the Emscripten module
// object (the one with HEAPU8 and _malloc) in the scopes of the paused frames, keep
// a remote handle to it, resume; then read handle.HEAPU8.length whenever wanted
// (Emscripten replaces HEAPU8 on every memory growth). The page exposes nothing.
class WorkerMemoryProbe {
  constructor(session, origin) {
    this.s = session; this.origin = origin; this.n = 0; this.pending = new Map();
    this.sessionId = null; this.modId = null; this.pausedWaiters = []; this.note = 'worker not attached';
  }
  async init() {
    this.s.on('Target.receivedMessageFromTarget', (ev) => {
      const m = JSON.parse(ev.message);
      if (m.method === 'Debugger.paused') { for (const w of this.pausedWaiters.splice(0)) w(m.params); return; }
      const cb = this.pending.get(m.id);
      if (cb) { this.pending.delete(m.id); cb(m); }
    });
  }
  send(method, params = {}, timeoutMs = 20000) {
    const id = ++this.n;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method} timed out`)); }, timeoutMs);
      this.pending.set(id, (m) => { clearTimeout(timer); m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result); });
      this.s.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }
  async attach() {
    const { targetInfos } = await this.s.send('Target.getTargets');
    const w = targetInfos.find((t) => t.type === 'worker' && (t.url.startsWith(this.origin) || t.url.startsWith('blob:')));
    if (!w) return false;
    ({ sessionId: this.sessionId } = await this.s.send('Target.attachToTarget', { targetId: w.targetId, flatten: false }));
    await this.send('Debugger.enable');
    this.note = 'module object not found yet';
    return true;
  }
  /** Pauses the worker once (it must be running JS, e.g. reading), finds the module object. */
  async findModule(timeoutMs = 30000) {
    const paused = new Promise((resolve, reject) => {
      this.pausedWaiters.push(resolve);
      setTimeout(() => reject(new Error('worker did not pause')), timeoutMs);
    });
    await this.send('Debugger.pause');
    const ev = await paused;
    try {
      for (const frame of ev.callFrames) {
        for (const scope of frame.scopeChain) {
          if (scope.type === 'global') continue;
          const { result } = await this.send('Runtime.getProperties', { objectId: scope.object.objectId, ownProperties: true });
          for (const p of result) {
            if (p.value?.type !== 'object' || !p.value.objectId) continue;
            const r = await this.send('Runtime.callFunctionOn', {
              objectId: p.value.objectId, returnByValue: true,
              functionDeclaration: "function () { try { return !!(this.HEAPU8 && typeof this._malloc === 'function'); } catch { return false; } }",
            });
            if (r.result.value === true) {
              // Handles from a paused frame belong to the 'backtrace' group, released on
              // resume: take one in our own group.
              const keep = await this.send('Runtime.callFunctionOn', {
                objectId: p.value.objectId, objectGroup: 'e2e-probe', functionDeclaration: 'function () { return this; }',
              });
              this.modId = keep.result.objectId;
              this.note = `module object: ${scope.type} scope variable '${p.name}' of ${frame.functionName || '(anonymous)'}`;
              return true;
            }
          }
        }
      }
      this.note = 'no object with HEAPU8/_malloc in the paused frames';
      return false;
    } finally {
      await this.send('Debugger.resume').catch(() => {});
      // An enabled debugger makes V8 run wasm as unoptimised debug code: switch it off
      // at once (the handle lives on in its own object group).
      await this.send('Debugger.disable').catch(() => {});
    }
  }
  async wasmBytes() {
    if (!this.modId) return null;
    const r = await this.send('Runtime.callFunctionOn', {
      objectId: this.modId, returnByValue: true, functionDeclaration: 'function () { return this.HEAPU8.length; }',
    });
    return r.result.value;
  }
  async detach() {
    if (this.sessionId) {
      await this.s.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => {});
    }
  }
}

// ---- RSS of chromium (this node process's child tree) --------------------------
function childTree(pid) {
  const kids = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      kids.push([Number(d), ppid]);
    } catch { /* gone */ }
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of kids) if (tree.has(pp) && !tree.has(p)) { tree.add(p); grew = true; }
  }
  tree.delete(pid);
  return [...tree];
}
function pssOf(pid) {  // proportional set size: shared pages split among processes (sums fairly)
  try {
    const m = /Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch { return 0; }
}
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch { return 0; }
}

async function appStateSafe(page) {
  return page.locator(tid('app-state')).getAttribute('data-state', { timeout: 2000 }).catch(() => null);
}

// ---- the run ---------------------------------------------------------------------
const server = await startServer();
const browser = await launchBrowser();
let exitCode = 0;
try {
  const { page, rec } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(page, server.url);
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
  const state = await runAndSettle(page, async () => {
    await page.locator(tid('file-input')).setInputFiles([file]);
  }, timeoutMin * 60000).finally(() => { tDone = performance.now(); });
  const wall = (tDone - t0) / 1000;
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
  console.log(`[big-run] wall time (setInputFiles -> done): ${wall.toFixed(1)} s`);
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
