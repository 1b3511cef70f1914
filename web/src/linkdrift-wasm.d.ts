// Types of the Emscripten ES module built from wasm/ (`linkdrift.mjs`), resolved
// through the `linkdrift-wasm` alias in vite.config.ts.
declare module 'linkdrift-wasm' {
  /** What a call that can fail answers (wasm/linkdrift_wasm.cpp): its value, or why it failed. */
  export type CoreResult<T> = { ok: true; value: T } | { ok: false; error: string };
  export interface Analyzer {
    beginFile(name: string): void;
    feed(ptr: number, len: number): void;
    endFile(): void;
    report(optionsJson: string): CoreResult<string>;
    linkRecords(queryJson: string): CoreResult<string>;
    linkRecordsCsv(queryJson: string, excelSafe: boolean): CoreResult<string>;
    /** '' or why the constructor's options were refused (the defaults are used), or the internal error that failed a file. */
    lastError(): string;
    /** A ZIP archive of `archiveSize` bytes: answer nextRead() with feed() until null, then endArchive(). */
    beginArchive(name: string, archiveSize: number): void;
    endArchive(): void;
    /** Lists `name` as not read, with the reason (a page the folder plan skips). */
    skipFile(name: string, reason: string): void;
    /** The open file (segment, archive) fails with `message` at the current offset; after beginFile(name) it lists an input with nothing to read. */
    failFile(message: string): void;
    // Segment and corpus-merge API (wasm/README.md); absent from older builds,
    // so the worker checks for them and the page falls back to one worker.
    beginSegment?(name: string, fileSize: number, start: number, end: number): void;
    nextRead?(): { offset: number; length: number } | null;
    endSegment?(): void;
    serialize?(): CoreResult<Uint8Array>;
    mergeSerialized?(bytes: Uint8Array): CoreResult<true>;
    /** The successor graph as csv | gexf | graphml (only in builds whose core has it). */
    graphExport?(format: string, optionsJson: string): CoreResult<string>;
    delete(): void;
  }
  export interface LinkdriftModule {
    Analyzer: { new (configJson: string): Analyzer; prototype: Analyzer };
    _malloc(bytes: number): number;
    _free(ptr: number): void;
    HEAPU8: Uint8Array;
    /** JSON array of one folder's paths -> '{"files":[{"listed","kind","skip"}],"error":"…"}'. */
    planFolder(pathsJson: string): CoreResult<string>;
    /** '[{"size","splittable"}]' in reading order, the number of readers -> '[{"input","begin","end","whole","part"}]' (piece_plan.h). */
    planPieces(inputsJson: string, parts: number): CoreResult<string>;
    /** `linkdrift options`: '{"report": [rows], "analyzer": [rows]}'. */
    optionTable(): string;
    /** The format of a file from its first bytes (`sniffBytes` are always enough): "json" | "html" | "zip" | "" (undecided). */
    sniffFormat(head: Uint8Array, atEnd: boolean): string;
    /** How many leading bytes `sniffFormat` needs at most (the core's kSniffBytes). */
    readonly sniffBytes: number;
    /** The size of the reads the core asks for (nextRead) and of the worker's file reads (the core's kReadChunkBytes). */
    readonly readChunkBytes: number;
  }
  export interface ModuleArgs {
    locateFile?: (path: string, prefix: string) => string;
    wasmBinary?: ArrayBuffer;
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ) => object;
    print?: (s: string) => void;
    printErr?: (s: string) => void;
  }
  const createLinkdrift: (args?: ModuleArgs) => Promise<LinkdriftModule>;
  export default createLinkdrift;
}
