// Types of the Emscripten ES module built from wasm/ (`linkdrift.mjs`), resolved
// through the `linkdrift-wasm` alias in vite.config.ts.
declare module 'linkdrift-wasm' {
  export interface Analyzer {
    beginFile(name: string): void;
    feed(ptr: number, len: number): void;
    endFile(): void;
    report(optionsJson: string): string;
    linkRecords(queryJson: string): string;
    linkRecordsCsv(queryJson: string, excelSafe: boolean): string;
    errorsJson(): string;
    /** The successor graph as csv | gexf | graphml (only in builds whose core has it). */
    graphExport?(format: string, optionsJson: string): string;
    delete(): void;
  }
  export interface LinkdriftModule {
    Analyzer: { new (configJson: string): Analyzer; prototype: Analyzer };
    _malloc(bytes: number): number;
    _free(ptr: number): void;
    HEAPU8: Uint8Array;
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
