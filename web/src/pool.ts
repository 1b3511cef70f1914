// The pool of analysis workers (worker.ts), each with its own wasm instance.
//
// What the user picked becomes inputs first (prepare): the core plans each folder
// (which files to read, in which order, which to list as skipped) and sniffs each
// file's format from its first bytes, in a worker. A run is then split into
// tasks by the core's split plan (`pieces`, the CLI's --jobs policy: inputs laid end
// to end, cut into equal byte ranges, one per worker): one per file (an HTML page; a
// ZIP archive, read as the core asks), and a JSON file that straddles a cut becomes
// segments (the core cuts at message boundaries: wasm beginSegment/nextRead); a skipped file is a
// task of the lead's (listed in order), and so is a folder with nothing to read
// (listed as an error, as the CLI lists it). Workers take the next unread task; worker 0, the lead,
// holds the run's corpus: it reads a task straight into it when that task is the
// next in file/segment order, and otherwise merges, in that order, the corpora
// the other workers serialized (transferred, never cloned). The result is
// exactly that of one worker reading every file in order. A later run can append
// more inputs to the lead's corpus. Afterwards the lead answers report / records /
// csv requests, so changing a report control never re-reads a file.
//
// Size: min(navigator.hardwareConcurrency, MAX_WORKERS), at least 1, or the
// page's ?workers=N parameter (tests, measurements). A module without the
// serialize/merge API runs everything on the lead (same code path, one worker).
import { createWorker } from 'ld-platform';
import type {
  WorkerRequest, WorkerResponse, ReportOptions, ReadSettings, Task, ReadyResponse, InputFormat, FolderPlan, AnswerTo, Decoded,
  ReportRequest, RecordsRequest, CsvRequest, GraphRequest, Piece,
} from './protocol';
import type { Picked } from './inputs';

export const MAX_WORKERS = 4;

/** One line of the analysis, named as the report names it. */
export type Input =
  /** A file to read, with its format as the core sniffed it. */
  | { kind: 'read'; name: string; file: File; format: InputFormat }
  /** A file of a folder that the core's plan lists as not read, and why. */
  | { kind: 'skip'; name: string; file: File; reason: string }
  /** A folder with nothing readable in it: the core's message. */
  | { kind: 'unreadable'; name: string; error: string };

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; onEvent?: (r: WorkerResponse) => void };

/** One worker with its wasm instance. */
class WorkerClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  readonly ready: Promise<ReadyResponse>;

  constructor(wasm: WebAssembly.Module, onCrash: (msg: string) => void) {
    this.worker = createWorker();
    this.worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const r = ev.data;
      const p = this.pending.get(r.id);
      if (!p) return;
      if (r.type === 'progress' || r.type === 'partial') { p.onEvent?.(r); return; }
      this.pending.delete(r.id);
      if (r.type === 'error') p.reject(new Error(r.message)); else p.resolve(r);
    };
    this.worker.onerror = (ev) => {
      const msg = ev.message || 'an analysis worker stopped unexpectedly';
      for (const p of this.pending.values()) p.reject(new Error(msg));
      this.pending.clear();
      onCrash(msg);
    };
    this.ready = this.send({ type: 'init', id: 0, wasmModule: wasm });
  }

  /** Resolves with the response that answers `req` (protocol.ts Answers), rejects with its error. */
  send<R extends WorkerRequest>(req: R, onEvent?: (r: WorkerResponse) => void, transfer: Transferable[] = []): Promise<AnswerTo<R>> {
    const id = this.nextId++;
    const msg = { ...req, id };
    return new Promise((resolve, reject) => {
      // The worker answers a request only with its Answers type or an error (worker.ts handle).
      this.pending.set(id, { resolve: resolve as (r: WorkerResponse) => void, reject, onEvent });
      this.worker.postMessage(msg, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('cancelled'));
    this.pending.clear();
  }
}

/** What a run reports to the page. */
export interface RunEvents {
  fileStart(index: number): void;
  /** Every task of file `index` is read; `readError`: the first browser read error. */
  fileDone(index: number, readError?: string): void;
  /** Bytes read so far, summed over the workers. */
  progress(bytes: number): void;
  /** A report of the lead's corpus so far (UTF-8 JSON). */
  partial(report: ArrayBuffer): void;
}

/** The number of workers: ?workers=N (1..16) or min(hardwareConcurrency, MAX_WORKERS). */
export function poolSize(): number {
  const forced = Number(new URLSearchParams(location.search).get('workers'));
  if (Number.isInteger(forced) && forced >= 1 && forced <= 16) return forced;
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS));
}

interface PlannedTask { task: Task; file: number; bytes: number; corpus: ArrayBuffer | null; state: 'todo' | 'running' | 'read' }

/** How a run reads: into which corpus, with which analyzer settings, with which partial reports. */
export interface RunOptions {
  /** Append to the corpus the lead holds (false: a fresh one). */
  append: boolean;
  settings: ReadSettings;
  /** Options of the partial reports (null: none). */
  partial: ReportOptions | null;
}

/** The tasks of the core's split plan, in input order, then segment order (only JSON is split; an archive is one task). */
function tasksOf(inputs: Input[], pieces: Piece[]): PlannedTask[] {
  return pieces.map((p) => {
    const input = inputs[p.input], { name } = input;
    const planned = (task: Task, bytes: number): PlannedTask => ({ task, file: p.input, bytes, corpus: null, state: 'todo' });
    if (input.kind === 'unreadable') return planned({ kind: 'fail', name, reason: input.error }, 0);
    if (input.kind === 'skip') return planned({ kind: 'skip', name, reason: input.reason }, 0);
    const { file } = input;
    if (!p.whole) return planned({ kind: 'segment', name, file, start: p.begin, end: p.end }, p.end - p.begin);
    return planned(input.format === 'zip' ? { kind: 'archive', name, file } : { kind: 'file', name, file }, file.size);
  });
}

/** The inputs of the picked pieces, in their order: a folder's files as its plan lists them, a file by itself. */
function inputsOf(picked: Picked[], plans: FolderPlan[], opened: File[][]): Input[] {
  const out: Input[] = [];
  let folder = 0;
  for (const p of picked) {
    if (p.kind === 'file') { out.push({ kind: 'read', name: p.name, file: p.file, format: '' }); continue; }
    const plan = plans[folder], files = opened[folder++];
    if (plan.error) { out.push({ kind: 'unreadable', name: p.name, error: plan.error }); continue; }
    plan.files.forEach((f, i) => {
      const name = p.paths[f.listed], file = files[i];
      out.push(f.skip ? { kind: 'skip', name, file, reason: f.skip } : { kind: 'read', name, file, format: '' });
    });
  }
  return out;
}

export class Pool {
  /** Optional calls of the wasm build (the lead's; every worker runs the same module). */
  readonly features: ReadyResponse['features'];

  private constructor(private readonly clients: WorkerClient[], features: ReadyResponse['features']) {
    this.features = features;
  }

  /** Starts the lead, then (if its module can merge) size-1 more workers. */
  static async create(wasm: WebAssembly.Module, size: number, onCrash: (msg: string) => void): Promise<Pool> {
    const clients = [new WorkerClient(wasm, onCrash)];
    try {
      const { features } = await clients[0].ready;
      if (features.merge) for (let i = 1; i < size; i++) clients.push(new WorkerClient(wasm, onCrash));
      await Promise.all(clients.map((c) => c.ready));
      return new Pool(clients, features);
    } catch (e) {
      for (const c of clients) c.terminate();
      throw e;
    }
  }

  get size(): number { return this.clients.length; }

  /** A request to the lead (report, records, csv, graph). */
  send<R extends WorkerRequest>(req: R): Promise<AnswerTo<R>> { return this.clients[0].send(req); }

  /** The lead's answer as text (a report's JSON text, csv, graph). */
  async text(req: ReportRequest | CsvRequest | GraphRequest): Promise<string> {
    return new TextDecoder().decode((await this.send(req)).bytes);
  }

  /** The lead's answer decoded (a report, a page of records). */
  async json<R extends ReportRequest | RecordsRequest>(req: R): Promise<Decoded[R['type']]> {
    return JSON.parse(new TextDecoder().decode((await this.send(req)).bytes)) as Decoded[R['type']];
  }

  /** Options of the partial reports of the current run (null: none). */
  setPartialOptions(options: ReportOptions | null): void {
    void this.clients[0].send({ type: 'partial-options', id: 0, options }).catch(() => {});
  }

  /**
   * The inputs of what was picked: the core's plan of each folder (only the files
   * it lists are opened) and the format of each file to read, both from the lead
   * (it answers them at once, even while reading).
   */
  async prepare(picked: Picked[]): Promise<Input[]> {
    const lead = this.clients[0];
    const folders = picked.flatMap((p) => (p.kind === 'folder' ? [p] : []));
    let plans: FolderPlan[] = [];
    if (folders.length) {
      plans = (await lead.send({ type: 'plan', id: 0, folders: folders.map((f) => f.paths) })).plans;
    }
    const opened = await Promise.all(folders.map((f, k) => Promise.all(plans[k].files.map((x) => f.open(x.listed)))));
    const inputs = inputsOf(picked, plans, opened);
    const toRead = inputs.flatMap((x) => (x.kind === 'read' ? [x] : []));
    if (toRead.length) {
      const r = await lead.send({ type: 'sniff', id: 0, files: toRead.map((x) => x.file) });
      toRead.forEach((x, i) => { x.format = r.formats[i]; });
    }
    return inputs;
  }

  /** Reads every input into the lead's corpus (see the top of this file). Rejects if a worker fails. */
  async run(inputs: Input[], opts: RunOptions, ev: RunEvents): Promise<void> {
    const [lead, ...others] = this.clients;
    await lead.send({ type: 'begin-run', id: 0, ...opts });
    const split = this.features.split;
    const sizes = inputs.map((x) => ({ size: x.kind === 'unreadable' ? 0 : x.file.size, splittable: split && x.kind === 'read' && x.format === 'json' }));
    const tasks = tasksOf(inputs, (await lead.send({ type: 'pieces', id: 0, inputs: sizes, parts: this.clients.length })).pieces);
    const left = inputs.map((_, i) => tasks.filter((t) => t.file === i).length);
    const started = new Set<number>();
    const readErrors = new Map<number, string>();
    const inflight = new Map<WorkerClient, number>();
    let done = 0;
    const progress = () => ev.progress(done + [...inflight.values()].reduce((a, b) => a + b, 0));
    let wake: (() => void)[] = [];
    const changed = () => new Promise<void>((r) => wake.push(r));
    const notify = () => { for (const w of wake.splice(0)) w(); };

    const read = async (c: WorkerClient, t: PlannedTask, into: 'run' | 'blob'): Promise<void> => {
      t.state = 'running';
      if (!started.has(t.file)) { started.add(t.file); ev.fileStart(t.file); }
      const r = await c.send({ type: 'task', id: 0, task: t.task, into, settings: opts.settings }, (e) => {
        if (e.type === 'progress') { inflight.set(c, Math.min(e.bytes, t.bytes)); progress(); }
        else if (e.type === 'partial') ev.partial(e.report);
      });
      inflight.delete(c);
      done += t.bytes;
      progress();
      if (r.readError && !readErrors.has(t.file)) readErrors.set(t.file, r.readError);
      t.corpus = r.corpus ?? null;
      t.state = 'read';
      if (--left[t.file] === 0) ev.fileDone(t.file, readErrors.get(t.file));
      notify();
    };
    // Skips and fails go into the run corpus, in order: only the lead lists them (leadLoop).
    const listedOnly = (t: PlannedTask) => t.task.kind === 'skip' || t.task.kind === 'fail';
    const nextTodo = () => tasks.find((t) => t.state === 'todo' && !listedOnly(t));

    const leadLoop = async () => {
      for (let next = 0; next < tasks.length; ) {
        const t = tasks[next];
        if (t.state === 'todo') { await read(lead, t, 'run'); next++; continue; }
        if (t.state === 'read') {
          const corpus = t.corpus!;
          t.corpus = null;
          await lead.send({ type: 'merge', id: 0, corpus, partial: next < tasks.length - 1 }, (e) => { if (e.type === 'partial') ev.partial(e.report); }, [corpus]);
          next++;
          continue;
        }
        const later = nextTodo();
        if (later) await read(lead, later, 'blob'); else await changed();
      }
    };
    const otherLoop = async (c: WorkerClient) => {
      for (let t = nextTodo(); t; t = nextTodo()) await read(c, t, 'blob');
    };
    try {
      await Promise.all([leadLoop(), ...others.map(otherLoop)]);
    } finally {
      wake = [];
    }
  }

  /** Cancel: stops every worker at once (their pending requests reject with 'cancelled'). */
  terminate(): void {
    for (const c of this.clients) c.terminate();
  }
}
