// The analysis worker: owns the wasm module and one Analyzer per run.
// File bytes go Blob.slice -> arrayBuffer() -> one copy into wasm memory
// (a reusable _malloc'd buffer) -> Analyzer.feed. The next chunk is read while
// the current one is fed, so at most two chunks are held in JS at once.
import createLinkdrift, { type Analyzer, type LinkdriftModule } from 'linkdrift-wasm';
import type { WorkerRequest, WorkerResponse, AnalyzeRequest, InputFile } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let mod: LinkdriftModule | null = null;
let analyzer: Analyzer | null = null;
let buf = 0;       // wasm pointer of the reusable chunk buffer
let bufLen = 0;

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  ctx.postMessage(msg, transfer);
}

function sendText(id: number, text: string): void {
  const bytes = new TextEncoder().encode(text);
  // A fresh encoder output owns its whole buffer: transfer it, no copy.
  post({ type: 'bytes', id, bytes: bytes.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer]);
}

/** Core results are JSON or {"error": "..."}; turn the latter into an error response. */
function sendCore(id: number, text: string): void {
  if (/^\{\s*"error"/.test(text.slice(0, 32))) {
    try {
      const e = JSON.parse(text) as { error?: unknown };
      if (typeof e.error === 'string') { post({ type: 'error', id, message: e.error }); return; }
    } catch { /* fall through: not an error object */ }
  }
  sendText(id, text);
}

function ensureBuffer(len: number): number {
  if (!mod) throw new Error('module not ready');
  if (len > bufLen) {
    if (buf) mod._free(buf);
    buf = mod._malloc(len) >>> 0;  // >>> 0: addresses above 2 GB come back negative
    if (!buf) throw new Error(`cannot allocate ${len} bytes in wasm memory`);
    bufLen = len;
  }
  return buf;
}

async function analyze(req: AnalyzeRequest): Promise<void> {
  if (!mod) throw new Error('module not ready');
  analyzer?.delete();
  analyzer = new mod.Analyzer(JSON.stringify({ max_message_mb: 256, announcements: true }));
  const a = analyzer;
  const chunk = req.chunkBytes;
  let total = 0;
  let lastPost = 0;
  for (let index = 0; index < req.files.length; index++) {
    const { name, file }: InputFile = req.files[index];
    post({ type: 'file-start', id: req.id, index });
    a.beginFile(name);
    let readError: string | undefined;
    let fileBytes = 0;
    try {
      const read = (off: number) => file.slice(off, Math.min(off + chunk, file.size)).arrayBuffer();
      let next: Promise<ArrayBuffer> | null = file.size > 0 ? read(0) : null;
      for (let off = 0; next; ) {
        const data = await next;
        off += data.byteLength;
        next = off < file.size && data.byteLength > 0 ? read(off) : null;  // overlap I/O with parsing
        const ptr = ensureBuffer(Math.max(data.byteLength, 1));
        mod.HEAPU8.set(new Uint8Array(data), ptr);  // re-read HEAPU8: memory may have grown
        a.feed(ptr, data.byteLength);
        fileBytes += data.byteLength;
        total += data.byteLength;
        const now = performance.now();
        if (now - lastPost > 100) {
          lastPost = now;
          post({ type: 'progress', id: req.id, index, fileBytes, totalBytes: total });
        }
      }
    } catch (e) {
      readError = `could not read the file after ${fileBytes} bytes: ${e instanceof Error ? e.message : String(e)}`;
    }
    a.endFile();
    post({ type: 'progress', id: req.id, index, fileBytes, totalBytes: total });
    post({ type: 'file-done', id: req.id, index, readError });
  }
  post({ type: 'analyzed', id: req.id, totalBytes: total });
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.type) {
    case 'init': {
      const compiled = req.wasmModule;
      mod = await createLinkdrift({
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(compiled, imports).then((inst) => receive(inst, compiled));
          return {};
        },
        print: () => {},
        printErr: (s) => console.warn('[linkdrift]', s),
      });
      post({ type: 'ready', id: req.id, features: { graphExport: typeof mod.Analyzer.prototype.graphExport === 'function' } });
      return;
    }
    case 'analyze':
      return analyze(req);
    case 'report':
      if (!analyzer) throw new Error('nothing analysed yet');
      return sendCore(req.id, analyzer.report(JSON.stringify(req.options)));
    case 'records':
      if (!analyzer) throw new Error('nothing analysed yet');
      return sendCore(req.id, analyzer.linkRecords(JSON.stringify(req.query)));
    case 'csv':
      if (!analyzer) throw new Error('nothing analysed yet');
      return sendCore(req.id, analyzer.linkRecordsCsv(JSON.stringify(req.query), req.excelSafe));
    case 'graph':
      if (!analyzer?.graphExport) throw new Error(analyzer ? 'graph export is not in this build' : 'nothing analysed yet');
      return sendCore(req.id, analyzer.graphExport(req.format, JSON.stringify(req.options)));
  }
}

// Requests are handled one at a time, in order (an analysis run is long; report
// requests sent meanwhile wait for it).
let queue: Promise<void> = Promise.resolve();
ctx.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  queue = queue.then(() => handle(req)).catch((e: unknown) => {
    post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  });
};
