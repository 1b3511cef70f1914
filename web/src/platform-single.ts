// Single-file build (web/dist-single/linkdrift.html, works from file://): the
// worker comes from a Blob URL (Vite ?worker&inline) and the wasm and demo
// export are base64 blocks in the page (<script type="application/octet-stream">,
// which the browser never executes), inserted by scripts/make-single.mjs.
import InlineWorker from './worker.ts?worker&inline';

function inlineBytes(id: string): Uint8Array<ArrayBuffer> {
  const el = document.getElementById(id);
  if (!el || !el.textContent) throw new Error(`this page was built without its ${id} block`);
  const bin = atob(el.textContent.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function createWorker(): Worker {
  return new InlineWorker({ name: 'linkdrift' });
}

export async function wasmBytes(): Promise<ArrayBuffer> {
  return inlineBytes('ld-wasm').buffer;
}

export async function demoFile(): Promise<File> {
  return new File([inlineBytes('ld-demo')], 'linkdrift-demo.json', { type: 'application/json' });
}

export const buildKind = 'single-file';
