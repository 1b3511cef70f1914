// Two builds from one source tree:
//   vite build                -> dist/          (hosted: relative paths, worker + wasm as files)
//   vite build --mode single  -> dist-single/.stage, then scripts/make-single.mjs inlines it
//                                into dist-single/linkdrift.html (works from file://)
// The wasm glue and binary are copied by scripts/build-web.sh into web/generated/
// (git-ignored). LINKDRIFT_WASM_DIR overrides where they are read from.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Plugin } from 'vite';

// Emscripten 3.1.6's glue computes a default `new URL("linkdrift.wasm", import.meta.url)`.
// The page always passes instantiateWasm (a module compiled once by the page), so that
// default is never used — but the bundler would see it and emit (or, in the single-file
// build, inline) the .wasm a second time. Neutralise that one expression.
function emscriptenNoDefaultWasmUrl(): Plugin {
  return {
    name: 'linkdrift-emscripten-no-default-wasm-url',
    enforce: 'pre',
    transform(code, id) {
      if (!/linkdrift\.mjs$/.test(id.split('?')[0])) return null;
      const re = /new URL\((["'])linkdrift\.wasm\1,\s*import\.meta\.url\)\.toString\(\)/g;
      if (!re.test(code)) { this.warn('default wasm URL pattern not found in linkdrift.mjs'); return null; }
      return { code: code.replace(re, '"linkdrift.wasm"'), map: null };
    },
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const wasmDir = process.env.LINKDRIFT_WASM_DIR ?? path.join(here, 'generated');
  return {
    base: './',
    plugins: [emscriptenNoDefaultWasmUrl()],
    resolve: {
      alias: [
        { find: /^linkdrift-wasm$/, replacement: path.join(wasmDir, 'linkdrift.mjs') },
        { find: /^linkdrift-wasm-binary/, replacement: path.join(wasmDir, 'linkdrift.wasm') },
        { find: /^ld-platform$/, replacement: path.join(here, 'src', single ? 'platform-single.ts' : 'platform-dist.ts') },
      ],
    },
    // The single file starts its worker from a blob: URL; Chromium refuses a
    // *module* worker from blob: on a file:// page ("cross-origin redirect"),
    // so that build bundles the worker as a classic script.
    worker: { format: single ? 'iife' : 'es', plugins: () => [emscriptenNoDefaultWasmUrl()] },
    build: {
      outDir: single ? 'dist-single/.stage' : 'dist',
      emptyOutDir: true,
      copyPublicDir: !single,
      assetsInlineLimit: single ? Number.MAX_SAFE_INTEGER : 4096,
      cssCodeSplit: false,
      modulePreload: false,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2048,
    },
    server: { host: '127.0.0.1' },
  };
});
