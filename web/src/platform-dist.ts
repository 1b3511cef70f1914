// Hosted build (web/dist): the worker and the wasm are the page's own static
// files, loaded by relative URLs (CSP: worker-src 'self', connect-src 'self').
import wasmUrl from 'linkdrift-wasm-binary?url';

export function createWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'linkdrift' });
}

export async function wasmBytes(): Promise<ArrayBuffer> {
  const r = await fetch(wasmUrl);
  if (!r.ok) throw new Error(`cannot load linkdrift.wasm (HTTP ${r.status})`);
  return r.arrayBuffer();
}

export async function demoFile(): Promise<File> {
  const r = await fetch(new URL('demo/linkdrift-demo.json', document.baseURI));
  if (!r.ok) throw new Error(`the demo export is not part of this build (HTTP ${r.status})`);
  return new File([await r.blob()], 'linkdrift-demo.json', { type: 'application/json' });
}

export const buildKind = 'hosted';
