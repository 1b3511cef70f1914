'use strict';
// Loads linkdrift's Node build (linkdrift.node.cjs + linkdrift.node.wasm, in the
// same folder as this file once built: build/wasm/dist/).
//
//   const { loadLinkdrift } = require('./build/wasm/dist/node-loader.cjs');
//   const Module = await loadLinkdrift();          // or loadLinkdrift({ wasmPath })
//   const a = new Module.Analyzer('{}');
//
// Why a loader: Emscripten 3.1.6's Node glue prefers the global fetch() when it
// exists (Node >= 18) and calls it with the .wasm's file path, which fails. Reading
// the .wasm with fs and passing it as `wasmBinary` skips every fetch/streaming
// path, so no --no-experimental-fetch flag is needed. Works with any Node >= 16.
const fs = require('fs');
const path = require('path');

const DEFAULT_JS = path.join(__dirname, 'linkdrift.node.cjs');
const DEFAULT_WASM = path.join(__dirname, 'linkdrift.node.wasm');

/**
 * @param {object} [options]
 * @param {string} [options.jsPath]   the Emscripten glue (default: linkdrift.node.cjs here)
 * @param {string} [options.wasmPath] its .wasm (default: linkdrift.node.wasm here)
 * @param {object} [options.moduleArgs] extra Emscripten module arguments (print, printErr, ...)
 * @returns {Promise<object>} the instantiated module (Module.Analyzer, _malloc, _free, HEAPU8)
 */
async function loadLinkdrift(options = {}) {
  const jsPath = options.jsPath || DEFAULT_JS;
  const wasmPath = options.wasmPath || DEFAULT_WASM;
  const createLinkdrift = require(jsPath);
  const wasmBinary = fs.readFileSync(wasmPath);
  return createLinkdrift({ ...(options.moduleArgs || {}), wasmBinary });
}

module.exports = { loadLinkdrift, DEFAULT_JS, DEFAULT_WASM };
