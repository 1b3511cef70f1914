// Messages between the page (main.ts) and the analysis worker (worker.ts).
// Modelled on duckdb-wasm's worker_request.ts: every request carries an `id`,
// every response names the request `id` it answers (progress events carry the
// id of the `analyze` request). Large payloads travel as transferred
// ArrayBuffers (UTF-8 JSON / CSV bytes), never as cloned strings.
//
// The page never sees file contents: it posts File handles, the worker reads
// them with Blob.slice and feeds the wasm Analyzer. Cancel = terminate the
// worker and start a new one (the run is discarded).

/** Report options sent to `Analyzer.report` (docs/report-schema.md "options"). */
export interface ReportOptions {
  bucket: 'month' | 'week' | 'day';
  tz_offset_minutes: number;
  include_forwarded: boolean;
  exclude_signature: boolean;
  signature_threshold?: number;
  signature_min_messages?: number;
  top_targets: number;
  from: string | null;
  to: string | null;
}

/** Query sent to `Analyzer.linkRecords` / `linkRecordsCsv`: filter keys plus record selectors. */
export interface RecordQuery {
  from: string | null;
  to: string | null;
  include_forwarded: boolean;
  exclude_signature: boolean;
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
/** Start a new analysis run over these files (replaces any previous run). */
export interface AnalyzeRequest { type: 'analyze'; id: number; files: InputFile[]; chunkBytes: number; }
/** Build the report for these options from the stored corpus (never re-reads files). */
export interface ReportRequest { type: 'report'; id: number; options: ReportOptions; }
/** One page of link records. */
export interface RecordsRequest { type: 'records'; id: number; query: RecordQuery; }
/** All matching link records as CSV (the CLI's format). */
export interface CsvRequest { type: 'csv'; id: number; query: RecordQuery; excelSafe: boolean; }
/** The successor graph in a file format (`linkdrift graph --format`); only when `features.graphExport`. */
export interface GraphRequest { type: 'graph'; id: number; format: GraphFormat; options: ReportOptions; }
export type GraphFormat = 'csv' | 'gexf' | 'graphml';

export type WorkerRequest = InitRequest | AnalyzeRequest | ReportRequest | RecordsRequest | CsvRequest | GraphRequest;

/** A file to analyse and the name it is reported under (relative path inside a picked folder). */
export interface InputFile { name: string; file: File; }

// --------------------------------------------------------------- responses

/** The module is instantiated; `features` names optional calls this wasm build has. */
export interface ReadyResponse { type: 'ready'; id: number; features: { graphExport: boolean }; }
/** The worker begins reading file `index` of the run. */
export interface FileStartEvent { type: 'file-start'; id: number; index: number; }
/** Bytes read so far: of the current file and of the whole run (sent at most ~10×/s). */
export interface ProgressEvent { type: 'progress'; id: number; index: number; fileBytes: number; totalBytes: number; }
/** File `index` is finished; `readError` is set when the browser could not read it (the core's own errors are in the report). */
export interface FileDoneEvent { type: 'file-done'; id: number; index: number; readError?: string; }
/** The run is complete; request a report next. */
export interface AnalyzedResponse { type: 'analyzed'; id: number; totalBytes: number; }
/** UTF-8 bytes answering a report / records / csv request (JSON, or CSV text for `csv`). */
export interface BytesResponse { type: 'bytes'; id: number; bytes: ArrayBuffer; }
/** A request failed (module load failure, core error object, worker exception). */
export interface ErrorResponse { type: 'error'; id: number; message: string; }

export type WorkerResponse =
  | ReadyResponse | FileStartEvent | ProgressEvent | FileDoneEvent
  | AnalyzedResponse | BytesResponse | ErrorResponse;

/** Chunk size for Blob.slice reads: 16 MiB (the CLI's default read size). */
export const CHUNK_BYTES = 16 * 1024 * 1024;
