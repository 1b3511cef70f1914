// An analysis worker of the pool (pool.ts): owns one wasm module instance.
// File bytes go Blob.slice -> arrayBuffer() -> one copy into wasm memory
// (a reusable _malloc'd buffer) -> Analyzer.feed. The next chunk is read while
// the current one is fed, so at most two chunks are held in JS at once.
// Segments and ZIP archives are read as the core asks (nextRead: offset, length).
// The lead worker holds the run's Analyzer: it reads tasks into it, merges the
// other workers' serialized corpora, sends partial reports while reading, and
// answers the report / records / csv requests afterwards. Any worker answers
// plan / pieces / sniff requests (the core's folder plans, split plans and format sniffing).
import createLinkdrift, { type Analyzer, type CoreResult, type LinkdriftModule } from 'linkdrift-wasm';
import type { WorkerRequest, WorkerResponse, TaskRequest, ReportOptions, ReadSettings, FolderPlan, InputFormat, Piece, PieceInput } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let mod: LinkdriftModule | null = null;
let buf = 0;       // wasm pointer of the reusable chunk buffer
let bufLen = 0;

// Partial reports while reading: the first after PARTIAL_FIRST_MS, then at most
// every PARTIAL_GAP_MS, and only while the time spent in report() stays within
// PARTIAL_BUDGET of the run's elapsed time, the next one costing about the last
// (measured: 0.2 s at 67 MB read, 0.4 s at 1 GB; it grows slowly with the corpus).
const PARTIAL_FIRST_MS = 1000;
const PARTIAL_GAP_MS = 2000;
const PARTIAL_BUDGET = 0.05;

/** The lead's run: its Analyzer and the partial-report throttle. */
const run = {
  analyzer: null as Analyzer | null,
  partial: null as ReportOptions | null,
  start: 0,
  lastAt: 0,     // when the last partial report was built (0: none yet)
  lastCost: 0,   // how long it took, ms
  spent: 0,      // ms spent in partial reports this run
};

function newAnalyzer(settings: ReadSettings): Analyzer {
  if (!mod) throw new Error('module not ready');
  const a = new mod.Analyzer(JSON.stringify(settings));  // the core's defaults for what settings leave out
  const refused = a.lastError();
  if (refused) { a.delete(); throw new Error(refused); }
  return a;
}

/** The value of a core call; its error fails the request. */
function unwrap<T>(r: CoreResult<T>, context = ''): T {
  if (!r.ok) throw new Error(context + r.error);
  return r.value;
}

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  ctx.postMessage(msg, transfer);
}

function sendText(id: number, text: string): void {
  const bytes = new TextEncoder().encode(text);
  // A fresh encoder output owns its whole buffer: transfer it, no copy.
  post({ type: 'bytes', id, bytes: bytes.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer]);
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

function feed(a: Analyzer, data: ArrayBuffer): void {
  const ptr = ensureBuffer(Math.max(data.byteLength, 1));
  mod!.HEAPU8.set(new Uint8Array(data), ptr);  // re-read HEAPU8: memory may have grown
  a.feed(ptr, data.byteLength);
}

/** A partial report of the run corpus, if the throttle allows one now. */
function maybePartial(id: number): void {
  const a = run.analyzer;
  if (!a || !run.partial) return;
  const now = performance.now();
  if (now - (run.lastAt || run.start) < (run.lastAt ? PARTIAL_GAP_MS : PARTIAL_FIRST_MS)) return;
  if (run.spent + run.lastCost > PARTIAL_BUDGET * (now - run.start)) return;
  const r = a.report(JSON.stringify(run.partial));
  const end = performance.now();
  run.lastAt = end; run.lastCost = end - now; run.spent += end - now;
  if (!r.ok) return;  // e.g. bad dates typed in the controls: the final report says why
  const bytes = new TextEncoder().encode(r.value);
  post({ type: 'partial', id, report: bytes.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer]);
}

/**
 * Reads the task into `a`: a whole file (beginFile .. endFile, with the next chunk
 * read while this one is fed), a segment or an archive (the core names every read),
 * a skipped file (listed only) or an input with nothing to read (listed as an
 * error). A browser read error fails the open file in the core (the report lists
 * it, as the CLI lists an I/O error; what was fed before it stays counted) and is
 * returned for the file's status line.
 */
async function readTask(a: Analyzer, req: TaskRequest, onBytes: (n: number) => void): Promise<string | undefined> {
  const t = req.task;
  if (t.kind === 'skip') { a.skipFile(t.name, t.reason); return undefined; }
  if (t.kind === 'fail') { a.beginFile(t.name); a.failFile(t.reason); return undefined; }
  const file = t.file;
  const chunk = mod!.readChunkBytes;  // the core's read size: whole files are read in it too
  const read = (off: number, len: number) => file.slice(off, Math.min(off + len, file.size)).arrayBuffer();
  let fed = 0;
  const give = (data: ArrayBuffer) => { feed(a, data); onBytes(fed += data.byteLength); };
  const wholeFile = async () => {
    let next: Promise<ArrayBuffer> | null = file.size > 0 ? read(0, chunk) : null;
    for (let off = 0; next; ) {
      const data = await next;
      off += data.byteLength;
      next = off < file.size && data.byteLength > 0 ? read(off, chunk) : null;  // overlap I/O with parsing
      give(data);
    }
  };
  let end: () => void;
  switch (t.kind) {
    case 'file': a.beginFile(t.name); end = () => a.endFile(); break;
    case 'segment': a.beginSegment!(t.name, file.size, t.start, t.end); end = () => a.endSegment!(); break;
    case 'archive': a.beginArchive(t.name, file.size); end = () => a.endArchive(); break;
  }
  try {
    await (t.kind === 'file' ? wholeFile() : answerReads(a, file.size, chunk, read, give));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    a.failFile(`read error: ${why}`);  // ends the file: end() below does nothing more
    return `could not read the file after ${fed} bytes: ${why}`;
  } finally { end(); }
  return undefined;
}

/**
 * Feeds `a` the bytes it asks for (nextRead) until it asks for none. A read of the
 * core's largest size (`chunk`, 16 MiB) streams a long run of bytes (a segment, a big
 * archive entry): the same range after it is read meanwhile. Other reads (a chat
 * header, an archive's directory or entry header, the end of an entry) are not
 * followed by a read like them.
 */
async function answerReads(a: Analyzer, size: number, chunk: number, read: (off: number, len: number) => Promise<ArrayBuffer>,
                           give: (data: ArrayBuffer) => void): Promise<void> {
  let ahead: { offset: number; length: number; data: Promise<ArrayBuffer> } | null = null;
  for (let r = a.nextRead!(); r; r = a.nextRead!()) {
    const data = ahead && ahead.offset === r.offset && ahead.length === r.length ? await ahead.data : await read(r.offset, r.length);
    const off = r.offset + r.length;
    ahead = off < size && r.length >= chunk ? { offset: off, length: r.length, data: read(off, r.length) } : null;
    ahead?.data.catch(() => {});  // a prefetch may go unused: its failure alone is no error
    give(data);
  }
}

async function task(req: TaskRequest): Promise<void> {
  if (!mod) throw new Error('module not ready');
  const intoRun = req.into === 'run';
  if (intoRun && !run.analyzer) throw new Error('no run begun');
  const a = intoRun ? run.analyzer! : newAnalyzer(req.settings);
  try {
    let lastPost = 0;
    const readError = await readTask(a, req, (n) => {
      if (intoRun) maybePartial(req.id);
      const now = performance.now();
      if (now - lastPost > 100) { lastPost = now; post({ type: 'progress', id: req.id, bytes: n }); }
    });
    if (intoRun) { post({ type: 'task-done', id: req.id, readError }); return; }
    const view = unwrap(a.serialize!());
    // serialize() returns a copy the JS owns; transfer it whole (slice if it is a view into a larger buffer).
    const corpus = (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view.buffer : view.slice().buffer) as ArrayBuffer;
    post({ type: 'task-done', id: req.id, readError, corpus }, [corpus]);
  } finally {
    if (!intoRun) a.delete();
  }
}

function merge(id: number, corpus: ArrayBuffer, partial: boolean): void {
  const a = run.analyzer;
  if (!a) throw new Error('no run begun');
  unwrap(a.mergeSerialized!(new Uint8Array(corpus)), "could not merge a worker's results: ");
  if (partial) maybePartial(id);
  post({ type: 'ok', id });
}

function lead(): Analyzer {
  if (!run.analyzer) throw new Error('nothing analysed yet');
  return run.analyzer;
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
      const proto = mod.Analyzer.prototype as Analyzer;
      post({
        type: 'ready', id: req.id, features: {
          graphExport: typeof proto.graphExport === 'function',
          split: typeof proto.beginSegment === 'function' && typeof proto.nextRead === 'function',
          merge: typeof proto.serialize === 'function' && typeof proto.mergeSerialized === 'function',
        },
      });
      return;
    }
    case 'begin-run':
      if (!req.append) {
        run.analyzer?.delete();
        run.analyzer = newAnalyzer(req.settings);
      } else if (!run.analyzer) throw new Error('no run to append to');
      Object.assign(run, { partial: req.partial, start: performance.now(), lastAt: 0, lastCost: 0, spent: 0 });
      post({ type: 'ok', id: req.id });
      return;
    case 'partial-options':
      run.partial = req.options;
      post({ type: 'ok', id: req.id });
      return;
    case 'task':
      return task(req);
    case 'merge':
      return merge(req.id, req.corpus, req.partial);
    case 'report':
      return sendText(req.id, unwrap(lead().report(JSON.stringify(req.options))));
    case 'records':
      return sendText(req.id, unwrap(lead().linkRecords(JSON.stringify(req.query))));
    case 'csv':
      return sendText(req.id, unwrap(lead().linkRecordsCsv(JSON.stringify(req.query), req.excelSafe)));
    case 'plan':
      return plan(req.id, req.folders);
    case 'pieces':
      return pieces(req.id, req.inputs, req.parts);
    case 'sniff':
      return sniff(req.id, req.files);
    case 'graph': {
      const a = lead();
      if (!a.graphExport) throw new Error('graph export is not in this build');
      return sendText(req.id, unwrap(a.graphExport(req.format, JSON.stringify(req.options))));
    }
  }
}

function plan(id: number, folders: string[][]): void {
  if (!mod) throw new Error('module not ready');
  const m = mod;
  const plans = folders.map((paths) => JSON.parse(unwrap(m.planFolder(JSON.stringify(paths)), 'the core could not plan a folder: ')) as FolderPlan);
  post({ type: 'plans', id, plans });
}

function pieces(id: number, inputs: PieceInput[], parts: number): void {
  if (!mod) throw new Error('module not ready');
  post({ type: 'pieces', id, pieces: JSON.parse(unwrap(mod.planPieces(JSON.stringify(inputs), parts))) as Piece[] });
}

async function sniff(id: number, files: File[]): Promise<void> {
  if (!mod) throw new Error('module not ready');
  const formats: InputFormat[] = [];
  for (const f of files) {
    let head: Uint8Array;
    try { head = new Uint8Array(await f.slice(0, mod.sniffBytes).arrayBuffer()); }
    catch { formats.push(''); continue; }  // unreadable: its task reports the browser's error
    formats.push(mod.sniffFormat(head, f.size <= mod.sniffBytes) as InputFormat);
  }
  post({ type: 'formats', id, formats });
}

function fail(req: WorkerRequest, e: unknown): void {
  post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
}

// Requests are handled one at a time, in order (a task is long; report requests
// sent meanwhile wait for it). Partial-report options, plans, pieces and sniffing are the
// exceptions: they touch no Analyzer and are answered at once, between two
// chunks of the running task (files added while reading are planned meanwhile).
const AT_ONCE = new Set<WorkerRequest['type']>(['partial-options', 'plan', 'pieces', 'sniff']);
let queue: Promise<void> = Promise.resolve();
ctx.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  if (AT_ONCE.has(req.type)) { handle(req).catch((e: unknown) => fail(req, e)); return; }
  queue = queue.then(() => handle(req)).catch((e: unknown) => fail(req, e));
};
