// Memory probes for big-file runs through the real page (tests/browser/big-run.mjs,
// bench/runners/browser.mjs): the analysis worker's wasm heap over CDP, and the
// chromium process tree's PSS/RSS from /proc. The page exposes neither.
import fs from 'node:fs';
import { tid } from './harness.mjs';

// ---- wasm memory of the worker, through a browser-level CDP session -------------
// Dedicated workers are targets of type 'worker'; attach (non-flattened: playwright's
// CDPSession has no per-session routing). Runtime.queryObjects(WebAssembly.Memory)
// would be the direct way, but it crashes this worker's renderer (Chromium 156), so:
// pause the worker once while it runs (Debugger.pause), find the Emscripten module
// object (the one with HEAPU8 and _malloc) in the scopes of the paused frames, keep
// a remote handle to it, resume; then read handle.HEAPU8.length whenever wanted
// (Emscripten replaces HEAPU8 on every memory growth). The page exposes nothing.
export class WorkerMemoryProbe {
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
export function childTree(pid) {
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
export function pssOf(pid) {  // proportional set size: shared pages split among processes (sums fairly)
  try {
    const m = /Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch { return 0; }
}
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch { return 0; }
}

export async function appStateSafe(page) {
  return page.locator(tid('app-state')).getAttribute('data-state', { timeout: 2000 }).catch(() => null);
}
