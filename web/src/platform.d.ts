// `ld-platform` resolves to platform-dist.ts or platform-single.ts (vite.config.ts).
declare module 'ld-platform' {
  export function createWorker(): Worker;
  export function wasmBytes(): Promise<ArrayBuffer>;
  export function demoFile(): Promise<File>;
  export const buildKind: string;
}
declare module 'linkdrift-wasm-binary?url' {
  const url: string;
  export default url;
}
