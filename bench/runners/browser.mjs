// The wasm core in headless Chromium through the real served page and its worker:
// the file is picked with setInputFiles on the page's file-input (Chromium reads it
// from disk in 16 MiB slices inside the worker); wall time from the pick to app-state
// done. Peak wasm heap of the worker is read over CDP (the page exposes nothing): the
// WorkerMemoryProbe below is the one of tests/browser/big-run.mjs (copied: that file is
// a script, not a module); it pauses the worker once while it reads, keeps a handle to
// the Emscripten module, switches the debugger off, then samples HEAPU8.length.
//   node bench/runners/browser.mjs FILE [--runs N] [--timeout-min M]
// One browser and server for all runs, a fresh page per run. Prints one JSON line per
// run: {runner, ok, seconds, wasm_heap_bytes, chromium_pss_bytes, chromium_max_rss_bytes,
// messages, link_records} (link_records from the page's per-platform cards).
import fs from 'node:fs';
import {
  tid, startServer, launchBrowser, openPage, runAndSettle, cards, isSameOrigin, gotoApp, PLATFORMS,
} from '../../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const file = args.find((x) => !x.startsWith('--') && fs.existsSync(x));
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = opt('--runs', 1);
const timeoutMin = opt('--timeout-min', 30);

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

// ---- memory of chromium (this node process's child tree) -----------------------
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

async function oneRun(browser, server) {
  const { page } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(page, server.url);
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
  const state = await runAndSettle(page, () => page.locator(tid('file-input')).setInputFiles([file]), timeoutMin * 60000)
    .finally(() => { t1 = performance.now(); });
  sampling = false;
  await sampler;
  sampleProc();
  await sampleWasm();
  await probe.detach();
  await cdp.detach().catch(() => {});
  const got = await cards(page);
  await page.context().close();
  const link_records = Object.fromEntries(PLATFORMS.map((p) => [p, got[`card-links-${p}`] ?? 0]));
  return {
    runner: 'browser', ok: state === 'done', state, seconds: (t1 - t0) / 1000,
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
