// The pool of analysis workers (worker.ts), each with its own wasm instance.
//
// A run is split into tasks: one per file, and a file of at least SPLIT_MIN_BYTES
// becomes one segment per worker (the core cuts at message boundaries: wasm
// beginSegment/nextRead). Workers take the next unread task; worker 0, the lead,
// holds the run's corpus: it reads a task straight into it when that task is the
// next in file/segment order, and otherwise merges, in that order, the corpora
// the other workers serialized (transferred, never cloned). The result is
// exactly that of one worker reading every file in order. Afterwards the lead
// answers report / records / csv requests, so changing a control never re-reads
// a file.
//
// Size: min(navigator.hardwareConcurrency, MAX_WORKERS), at least 1, or the
// page's ?workers=N parameter (tests, measurements). A module without the
// serialize/merge API runs everything on the lead (same code path, one worker).
import { createWorker } from 'ld-platform';
import type { WorkerRequest, WorkerResponse, InputFile, ReportOptions, Task, ReadyResponse } from './protocol';
import { CHUNK_BYTES } from './protocol';

export const MAX_WORKERS = 4;
/** Files at least this large are split across the workers. */
export const SPLIT_MIN_BYTES = 64 * 1024 * 1024;

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
    this.ready = this.send({ type: 'init', id: 0, wasmModule: wasm }) as Promise<ReadyResponse>;
  }

  send(req: WorkerRequest, onEvent?: (r: WorkerResponse) => void, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const id = this.nextId++;
    const msg = { ...req, id } as WorkerRequest;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onEvent });
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

/** Tasks in file order, then segment order. */
function plan(inputs: InputFile[], workers: number, canSplit: boolean): PlannedTask[] {
  const out: PlannedTask[] = [];
  inputs.forEach(({ name, file }, index) => {
    const parts = canSplit && workers > 1 && file.size >= SPLIT_MIN_BYTES ? workers : 1;
    for (let k = 0; k < parts; k++) {
      const start = Math.floor((file.size * k) / parts), end = Math.floor((file.size * (k + 1)) / parts);
      const task: Task = parts > 1 ? { name, file, segment: { start, end } } : { name, file };
      out.push({ task, file: index, bytes: end - start, corpus: null, state: 'todo' });
    }
  });
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

  /** A request to the lead (report, records, csv). */
  send(req: WorkerRequest): Promise<WorkerResponse> { return this.clients[0].send(req); }

  async text(req: WorkerRequest): Promise<string> {
    const r = await this.send(req);
    if (r.type !== 'bytes') throw new Error(`unexpected answer ${r.type}`);
    return new TextDecoder().decode(r.bytes);
  }

  /** Options of the partial reports of the current run (null: none). */
  setPartialOptions(options: ReportOptions | null): void {
    void this.clients[0].send({ type: 'partial-options', id: 0, options }).catch(() => {});
  }

  /** Reads every input into the lead's corpus (see the top of this file). Rejects if a worker fails. */
  async run(inputs: InputFile[], partial: ReportOptions | null, ev: RunEvents): Promise<void> {
    const [lead, ...others] = this.clients;
    await lead.send({ type: 'begin-run', id: 0, partial });
    const tasks = plan(inputs, this.clients.length, this.features.split);
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
      const r = await c.send({ type: 'task', id: 0, task: t.task, into, chunkBytes: CHUNK_BYTES }, (e) => {
        if (e.type === 'progress') { inflight.set(c, Math.min(e.bytes, t.bytes)); progress(); }
        else if (e.type === 'partial') ev.partial(e.report);
      });
      if (r.type !== 'task-done') throw new Error(`unexpected answer ${r.type}`);
      inflight.delete(c);
      done += t.bytes;
      progress();
      if (r.readError && !readErrors.has(t.file)) readErrors.set(t.file, r.readError);
      t.corpus = r.corpus ?? null;
      t.state = 'read';
      if (--left[t.file] === 0) ev.fileDone(t.file, readErrors.get(t.file));
      notify();
    };
    const nextTodo = () => tasks.find((t) => t.state === 'todo');

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
