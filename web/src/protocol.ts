// Messages between the page (main.ts, pool.ts) and the analysis workers (worker.ts).
// Modelled on duckdb-wasm's worker_request.ts: every request carries an `id`,
// every response names the request `id` it answers (progress and partial events
// carry the id of the `task` or `merge` request). Large payloads travel as
// transferred ArrayBuffers (UTF-8 JSON / CSV bytes, serialized corpora), never
// as cloned strings.
//
// The page never sees file contents: it posts File handles, a worker reads
// them with Blob.slice and feeds its wasm Analyzer. Which files of a folder to
// read, in which order, and each file's format are the core's answers too
// (`plan`, `sniff`: the main thread has no wasm). One worker is the lead: it
// holds the run's corpus (tasks `into: 'run'`, merges of the other workers'
// serialized corpora) and answers report / records / csv requests. Cancel =
// terminate every worker and start new ones (the run is discarded).
import type { ReportOptions as CoreReportOptions, AnalyzerOptions } from '../generated/options';
import type { Report, RecordPage } from './report';

/**
 * Report options sent to `Analyzer.report`: any subset of the core's (web/generated/options.ts,
 * generated from its option table); the core fills in its defaults for the rest and echoes
 * the whole set in the report's "options".
 */
export type ReportOptions = Partial<CoreReportOptions>;

/** Options of the run's Analyzers (the core's analyzer options): they act while reading, so changing them re-reads the files. */
export type ReadSettings = Partial<AnalyzerOptions>;

/** Query sent to `Analyzer.linkRecords` / `linkRecordsCsv`: filter keys plus record selectors. */
export interface RecordQuery extends Pick<CoreReportOptions, 'from' | 'to' | 'include_forwarded' | 'exclude_signature'> {
  platform?: string;
  kind?: string;
  chat?: number;
  target?: string;
  offset: number;
  limit: number;
}

// ---------------------------------------------------------------- requests

/** Instantiate the wasm module from an already compiled WebAssembly.Module. */
export interface InitRequest { type: 'init'; id: number; wasmModule: WebAssembly.Module; }
/**
 * Lead only: start reading more inputs, into a fresh corpus or (`append`) after the
 * inputs already read; `settings` apply to a fresh corpus only; `partial`: options
 * of the partial reports sent while reading (null: none).
 */
export interface BeginRunRequest { type: 'begin-run'; id: number; append: boolean; settings: ReadSettings; partial: ReportOptions | null; }
/** Lead only, answered at once even during a task: options for the next partial reports. */
export interface PartialOptionsRequest { type: 'partial-options'; id: number; options: ReportOptions | null; }
/**
 * Read one task (see Task). `into: 'run'`: into the lead's run corpus (partial
 * reports are sent meanwhile); `'blob'`: into a fresh corpus made with `settings`
 * that is serialized and returned (TaskDoneResponse.corpus).
 */
export interface TaskRequest { type: 'task'; id: number; task: Task; into: 'run' | 'blob'; settings: ReadSettings; }
/** Lead only: append a serialized corpus (from a `blob` task) to the run corpus; `partial`: a partial report may follow (not after the last task: the final report does). */
export interface MergeRequest { type: 'merge'; id: number; corpus: ArrayBuffer; partial: boolean; }
/** Build the report for these options from the stored corpus (never re-reads files). */
export interface ReportRequest { type: 'report'; id: number; options: ReportOptions; }
/** One page of link records. */
export interface RecordsRequest { type: 'records'; id: number; query: RecordQuery; }
/** All matching link records as CSV (the CLI's format). */
export interface CsvRequest { type: 'csv'; id: number; query: RecordQuery; excelSafe: boolean; }
/** The successor graph in a file format (`linkdrift graph --format`); only when `features.graphExport`. */
export interface GraphRequest { type: 'graph'; id: number; format: GraphFormat; options: ReportOptions; }
export type GraphFormat = 'csv' | 'gexf' | 'graphml';
/** Answered at once even during a task: the core's plan of each folder (`Module.planFolder`), for its files' paths ('/'-separated, the folder's name first). */
export interface PlanRequest { type: 'plan'; id: number; folders: string[][]; }
/** Answered at once even during a task: each file's format, sniffed by the core from its first bytes (`Module.sniffFormat`). */
export interface SniffRequest { type: 'sniff'; id: number; files: File[]; }
/** Answered at once even during a task: how the run's inputs are shared among `parts` workers (`Module.planPieces`, the CLI's --jobs policy). */
export interface PiecesRequest { type: 'pieces'; id: number; inputs: PieceInput[]; parts: number; }

export type WorkerRequest =
  | InitRequest | BeginRunRequest | PartialOptionsRequest | TaskRequest | MergeRequest
  | ReportRequest | RecordsRequest | CsvRequest | GraphRequest | PlanRequest | SniffRequest | PiecesRequest;

/** One input of a split plan, in reading order: its bytes, and whether it may be cut into segments (JSON exports). */
export interface PieceInput { size: number; splittable: boolean; }
/** A whole input (`whole`) or its segment [begin, end); `part`: the worker the byte-balanced plan gives it. */
export interface Piece { input: number; begin: number; end: number; whole: boolean; part: number; }

/** A file's format as the core sniffs it from its bytes; '' = undecided (empty, or whitespace only). */
export type InputFormat = 'json' | 'html' | 'zip' | '';

/** The core's plan of one folder: the files to list, in reading order (`listed` = index in the paths sent), or why nothing in it is readable. */
export interface FolderPlan {
  files: { listed: number; kind: 'json' | 'html' | 'zip'; skip: string }[];
  /** Non-empty: nothing readable in the folder (`files` is empty). */
  error: string;
}

/** A unit of reading, named as the report names it. */
export type Task =
  /** A whole file (beginFile .. endFile). */
  | { kind: 'file'; name: string; file: File }
  /** The cut [start, end) of a JSON file (beginSegment: the core names every read). */
  | { kind: 'segment'; name: string; file: File; start: number; end: number }
  /** A ZIP archive (beginArchive: the core names every read; its entries become files "NAME/<entry path>"). */
  | { kind: 'archive'; name: string; file: File }
  /** A file the plan does not read, listed with the reason (skipFile). */
  | { kind: 'skip'; name: string; reason: string }
  /** An input with nothing to read (a folder without an export), listed as an error (beginFile + failFile). */
  | { kind: 'fail'; name: string; reason: string };

// --------------------------------------------------------------- responses

/**
 * The module is instantiated; `features` names optional calls this wasm build has:
 * `split` = the segment API (beginSegment/nextRead/endSegment), `merge` = serialize/mergeSerialized.
 */
export interface ReadyResponse { type: 'ready'; id: number; features: { graphExport: boolean; split: boolean; merge: boolean }; }
/** The answer to `plan`: one plan per folder, in the order asked. */
export interface PlansResponse { type: 'plans'; id: number; plans: FolderPlan[]; }
/** The answer to `sniff`: one format per file, in the order asked. */
export interface FormatsResponse { type: 'formats'; id: number; formats: InputFormat[]; }
/** The answer to `pieces`: every piece, in input order and, within an input, in byte order. */
export interface PiecesResponse { type: 'pieces'; id: number; pieces: Piece[]; }
/** Done, nothing to return (begin-run, partial-options, merge). */
export interface OkResponse { type: 'ok'; id: number; }
/** Bytes of the current task read so far (sent at most ~10x/s). */
export interface ProgressEvent { type: 'progress'; id: number; bytes: number; }
/** A report (UTF-8 JSON) of the run corpus so far, while reading goes on. */
export interface PartialEvent { type: 'partial'; id: number; report: ArrayBuffer; }
/** The task is finished; `readError` when the browser could not read the file (the core's own errors are in the report); `corpus` for `blob` tasks. */
export interface TaskDoneResponse { type: 'task-done'; id: number; readError?: string; corpus?: ArrayBuffer; }
/** UTF-8 bytes answering a report / records / csv request (JSON, or CSV text for `csv`). */
export interface BytesResponse { type: 'bytes'; id: number; bytes: ArrayBuffer; }
/** A request failed (module load failure, a core call's error, worker exception). */
export interface ErrorResponse { type: 'error'; id: number; message: string; }

export type WorkerResponse =
  | ReadyResponse | OkResponse | ProgressEvent | PartialEvent | TaskDoneResponse | BytesResponse | ErrorResponse
  | PlansResponse | FormatsResponse | PiecesResponse;

/** The response that answers each request type (besides ErrorResponse; progress and partial events come before it). */
export interface Answers {
  init: ReadyResponse; 'begin-run': OkResponse; 'partial-options': OkResponse; task: TaskDoneResponse; merge: OkResponse;
  report: BytesResponse; records: BytesResponse; csv: BytesResponse; graph: BytesResponse;
  plan: PlansResponse; sniff: FormatsResponse; pieces: PiecesResponse;
}
export type AnswerTo<R extends WorkerRequest> = Answers[R['type']];
/** What the bytes answering a request decode to (JSON for report and records, text otherwise). */
export interface Decoded { report: Report; records: RecordPage; csv: string; graph: string; }

