// Shared helpers of the Node tests of the wasm module (run: node --test tests/node/).
//
// Paths (overridable for out-of-tree builds):
//   LINKDRIFT_WASM_DIST  the wasm build's dist folder (default build/wasm/dist)
//   LINKDRIFT_NATIVE_BIN the native CLI folder (default build/native/bin)
//   LINKDRIFT_REALWORLD  the real exports (default ../shared/realworld beside the repo, as the C++ tests use)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const DIST = process.env.LINKDRIFT_WASM_DIST || path.join(ROOT, 'build', 'wasm', 'dist');
export const NATIVE_BIN = process.env.LINKDRIFT_NATIVE_BIN || path.join(ROOT, 'build', 'native', 'bin');
export const REALWORLD = process.env.LINKDRIFT_REALWORLD || path.join(ROOT, '..', 'shared', 'realworld');

let nodeModule;
/** The Node build (linkdrift.node.cjs) through wasm/node-loader.cjs; one instance per test file. */
export async function loadNodeBuild() {
  if (!nodeModule) {
    const loader = path.join(DIST, 'node-loader.cjs');
    if (!fs.existsSync(loader)) throw new Error(`${loader} missing: build the wasm preset first (scripts/build.sh wasm)`);
    nodeModule = await require(loader).loadLinkdrift();
  }
  return nodeModule;
}

let webModule;
/** The page's build (linkdrift.mjs, ENVIRONMENT=web,worker) run in Node: it never touches
 *  Node APIs when given `wasmBinary`, so the exact artifact the page ships is tested too. */
export async function loadWebBuild() {
  if (!webModule) {
    const { default: createLinkdrift } = await import(pathToFileURL(path.join(DIST, 'linkdrift.mjs')).href);
    webModule = await createLinkdrift({ wasmBinary: fs.readFileSync(path.join(DIST, 'linkdrift.wasm')) });
  }
  return webModule;
}

export const BUILDS = { node: loadNodeBuild, web: loadWebBuild };

/** Small seeded PRNG (mulberry32) for reproducible random chunk sizes. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chunk sizes for `bytes.length` bytes: 'whole', 1, 7, 'random' (1..8, 1..512 or 1..70000), or a number. */
export function chunkSizes(total, chunking, seed = 42) {
  if (chunking === 'whole') return [total];
  const sizes = [];
  const next = rng(seed);
  for (let pos = 0; pos < total;) {
    let size = chunking;
    if (chunking === 'random') {
      const kind = Math.floor(next() * 3);
      const max = kind === 0 ? 8 : kind === 1 ? 512 : 70000;
      size = 1 + Math.floor(next() * max);
    }
    size = Math.min(size, total - pos);
    sizes.push(size);
    pos += size;
  }
  return sizes;
}

/**
 * Feeds `bytes` (Uint8Array) to `analyzer` the way the page does: each chunk is copied
 * once into a wasm buffer (_malloc'ed once, reused) and passed as (ptr, len).
 * Module.HEAPU8 is re-read after every call that may grow memory (a grown heap
 * replaces the view).
 */
export function feedBytes(M, analyzer, bytes, chunking = 'whole', seed = 42) {
  const sizes = chunkSizes(bytes.length, chunking, seed);
  const cap = sizes.reduce((m, s) => Math.max(m, s), 1);
  const ptr = M._malloc(cap) >>> 0;  // >>> 0: pointers above 2 GB come back negative
  if (ptr === 0) throw new Error(`_malloc(${cap}) failed`);
  try {
    let pos = 0;
    for (const size of sizes) {
      M.HEAPU8.set(bytes.subarray(pos, pos + size), ptr);
      analyzer.feed(ptr, size);
      pos += size;
    }
  } finally {
    M._free(ptr);
  }
}

/**
 * Answers the core's reads (`nextRead()` -> {offset, length}) from `bytes` until it asks for
 * none, as the page's worker does with Blob.slice: a segment or an archive begun on `analyzer`.
 */
export function answerReads(M, analyzer, bytes) {
  for (let r; (r = analyzer.nextRead()) !== null;) {
    const part = bytes.subarray(r.offset, r.offset + r.length);
    const ptr = M._malloc(Math.max(1, part.length)) >>> 0;
    try {
      M.HEAPU8.set(part, ptr);
      analyzer.feed(ptr, part.length);
    } finally {
      M._free(ptr);
    }
  }
}

/** Reads the ZIP archive `bytes` (Uint8Array) into `analyzer` as `name` (beginArchive .. endArchive). */
export function readArchive(M, analyzer, name, bytes) {
  analyzer.beginArchive(name, bytes.length);
  answerReads(M, analyzer, bytes);
  analyzer.endArchive();
}

/** The value of a core call's tagged result ({ok, value} | {ok: false, error}); its error thrown. */
export function value(result) {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The report's "errors" of analyzer `a` (every failed input: file, offset, message). */
export function errorsOf(a) {
  return JSON.parse(value(a.report('{}'))).errors;
}

/** One analyzer over `files` ([{name, bytes}]); returns the report string and link rows. */
export function analyze(M, files, { chunking = 'whole', reportOptions = '{}', analyzerOptions = '{}' } = {}) {
  const a = new M.Analyzer(analyzerOptions);
  try {
    for (const { name, bytes } of files) {
      a.beginFile(name);
      feedBytes(M, a, bytes, chunking);
      a.endFile();
    }
    const report = value(a.report(reportOptions));
    const page = JSON.parse(value(a.linkRecords('{"limit":0}')));
    const csv = value(a.linkRecordsCsv('{"limit":0}', false));
    return { report, page, csv, errors: errorsOf(a), lastError: a.lastError() };
  } finally {
    a.delete();
  }
}

/** Link records as the fixtures' [message_id, platform, kind, target, source] rows. */
export function linkTuples(page) {
  return page.rows.map((r) => [r.message_id, r.platform, r.kind, r.target, r.source]);
}

/** tests/fixtures/NAME.json (or NAME.html, an HTML export page) that have NAME.expected.json, sorted. */
export function expectedFixtures() {
  return fs.readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -'.expected.json'.length);
      const name = fs.existsSync(path.join(FIXTURES, stem + '.json')) ? stem + '.json' : stem + '.html';
      return {
        name,
        path: path.join(FIXTURES, name),
        expected: JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')),
      };
    });
}

export function readFixture(name) {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}
