// Shared harness of the browser end-to-end tests (run by scripts/test-browser.sh):
// the page's own static server on a free port, headless Debian chromium driven by
// playwright-core, a recorder of every request (page, workers, file://), screenshots
// into build/browser-artifacts/, fixture helpers and the native CLI for reference values.
// Not a test file itself (node --test only picks up *.test.mjs here).
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const WEB = path.join(ROOT, 'web');
export const DIST = path.join(WEB, 'dist');
export const SINGLE = path.join(WEB, 'dist-single', 'linkdrift.html');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const ARTIFACTS = path.join(ROOT, 'build', 'browser-artifacts');
export const CLI = process.env.LINKDRIFT_CLI ?? path.join(ROOT, 'build', 'native', 'bin', 'linkdrift');
export const GEN = process.env.LINKDRIFT_GEN ?? path.join(ROOT, 'build', 'native', 'bin', 'linkdrift-gen');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium phones home, and in a closed
// network those connections fail noisily (and would pollute the request record).
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic',
];

export const PLATFORMS = ['telegram', 'signal', 'discord', 'matrix', 'simplex', 'session', 'tox',
  'xmpp', 'whatsapp', 'threema', 'onion', 'email', 'web'];
export const CHARTS = ['chart-links-per-month', 'chart-platform-chats', 'chart-chat-activity'];
export const TABLES = ['table-chats', 'table-targets', 'table-records'];

export const tid = (id) => `[data-testid="${id}"]`;

// ---------------------------------------------------------------------------------
// Static server: web/scripts/serve.mjs <dir> on 127.0.0.1 and a free port.

export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

async function waitForHttp(url, child, timeoutMs) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`static server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) { last = e.message; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server at ${url} not ready after ${timeoutMs} ms (${last})`);
}

/** Starts the page's static server on `dir`; returns {origin, url, stop, log()}. */
export async function startServer(dir = DIST) {
  const serve = path.join(WEB, 'scripts', 'serve.mjs');
  if (!fs.existsSync(serve)) throw new Error(`missing ${serve}`);
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`missing ${dir}/index.html (run scripts/build-web.sh)`);
  const port = await freePort();
  const child = spawn(process.execPath, [serve, dir], {  // serve.mjs: PORT env, binds 127.0.0.1
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/`, child, 15000);
  } catch (e) {
    child.kill();
    throw new Error(`${e.message}\nserver output:\n${out}`);
  }
  return {
    origin,
    url: `${origin}/`,
    log: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

// ---------------------------------------------------------------------------------
// Browser, context, request recorder.

export async function launchBrowser() {
  // CHROMIUM_EXTRA_ARGS: for diagnosis only (e.g. --allow-file-access-from-files).
  const extra = (process.env.CHROMIUM_EXTRA_ARGS ?? '').split(/\s+/).filter(Boolean);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extra], headless: true });
}

/**
 * A fresh context + page that records every request it sees: page requests, the
 * page's worker requests (context.route sees those too) and popups. Requests that
 * are not allowed by `allow(url)` are recorded and aborted, so nothing leaves the box
 * even if the page misbehaves. Also records dialogs, page errors and console errors.
 */
export async function openPage(browser, { colorScheme = 'light', allow, viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true });
  const rec = { requests: [], routed: [], dialogs: [], pageErrors: [], consoleErrors: [], console: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    rec.routed.push(url);
    if (allow && !allow(url)) return route.abort('blockedbyclient');
    return route.continue();
  });
  await context.addInitScript(STATE_OBSERVER);
  const page = await context.newPage();
  const watch = (p) => {
    p.on('request', (r) => rec.requests.push(r.url()));
    p.on('dialog', async (d) => { rec.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss().catch(() => {}); });
    p.on('pageerror', (e) => rec.pageErrors.push(String(e)));
    p.on('console', (m) => {
      rec.console.push(`${m.type()}: ${m.text()}`);
      if (m.type() === 'error') rec.consoleErrors.push(m.text());
    });
    p.on('worker', (w) => rec.console.push(`worker: ${w.url()}`));
  };
  watch(page);
  context.on('page', (p) => { if (p !== page) { rec.requests.push(`popup:${p.url()}`); watch(p); } });
  return { context, page, rec };
}

/** Every URL seen by the recorder (page events + routing), deduplicated. */
export function allUrls(rec) {
  return [...new Set([...rec.requests, ...rec.routed])];
}

// ---------------------------------------------------------------------------------
// Page helpers (DOM contract: data-testid).

export async function appState(page) {
  return page.locator(tid('app-state')).getAttribute('data-state');
}

export const TERMINAL = ['done', 'error', 'cancelled'];

/** Every value app-state's data-state took since the page loaded (test-side observer,
 *  installed by openPage's init script; the page exposes nothing for it). */
export async function stateLog(page) {
  return page.evaluate(() => (window.__e2eStateLog ?? []).slice());
}

/**
 * Runs `action` (which starts an analysis) and waits for that analysis to end: the
 * state log must show 'reading' after the action, then a terminal state. Returns it.
 */
export async function runAndSettle(page, action, timeout = 60000) {
  const n = (await stateLog(page)).length;
  await action();
  try {
    await page.waitForFunction(([n, terminal]) => {
      const log = (window.__e2eStateLog ?? []).slice(n);
      const i = log.indexOf('reading');
      return i >= 0 && terminal.includes(log[log.length - 1]) && log.length > i + 1;
    }, [n, TERMINAL], { timeout, polling: 100 });
  } catch (e) {
    throw new Error(`analysis did not go reading -> done|error|cancelled within ${timeout} ms; ` +
      `states since action: ${JSON.stringify((await stateLog(page).catch(() => [])).slice(n))}; ${e.message}`);
  }
  return appState(page);
}

// Test-side observer of app-state (attributeOldValue keeps states that changed within
// one task, e.g. reading -> done, which polling could miss).
const STATE_OBSERVER = `(() => {
  const log = (window.__e2eStateLog = []);
  const cur = () => document.querySelector('[data-testid="app-state"]')?.getAttribute('data-state') ?? null;
  let last = null;
  const push = (v) => { if (v !== last) { log.push(v); last = v; } };
  const start = () => {
    push(cur());
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target.getAttribute('data-testid') === 'app-state' && r.oldValue !== null) push(r.oldValue);
      }
      push(cur());
    }).observe(document, { subtree: true, childList: true, attributes: true,
                           attributeFilter: ['data-state'], attributeOldValue: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();`;

export async function cardValue(page, id) {
  const v = await page.locator(tid(id)).getAttribute('data-value');
  return v === null ? null : Number(v);
}

export async function cards(page) {
  const out = {};
  for (const id of ['card-files', 'card-chats', 'card-messages']) out[id] = await cardValue(page, id);
  for (const p of PLATFORMS) {
    const loc = page.locator(tid(`card-links-${p}`));
    out[`card-links-${p}`] = (await loc.count()) ? Number(await loc.getAttribute('data-value')) : null;
  }
  return out;
}

export async function fileStatuses(page) {
  return page.locator(tid('file-status-item')).evaluateAll((els) => els.map((e) => ({
    file: e.getAttribute('data-file'), status: e.getAttribute('data-status'), text: e.textContent,
  })));
}

export async function rows(page, table) {
  return page.locator(`${tid(table)} tr[data-row]`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td,th')].map((c) => c.innerText.trim())));  // <br> -> \n
}

export async function waitChartsReady(page, timeout = 20000) {
  for (const c of CHARTS) await page.waitForSelector(`${tid(c)}[data-ready="true"]`, { state: 'attached', timeout });
}

/** A new analysis of `files` (paths) picked through file-input: Clear first (picks add to the analysis), then pick. */
export async function uploadFiles(page, files, timeout = 60000) {
  await clearAnalysis(page);
  return addFiles(page, files, timeout);
}

/** Picks `files` through file-input without clearing: they are added to the current analysis. */
export async function addFiles(page, files, timeout = 60000) {
  return runAndSettle(page, () => page.locator(tid('file-input')).setInputFiles(files), timeout);
}

/** Picks the folder `dir` through folder-input (webkitdirectory), added to the current analysis. */
export async function addFolder(page, dir, timeout = 60000) {
  return runAndSettle(page, () => page.locator(tid('folder-input')).setInputFiles(dir), timeout);
}

/** Clicks Clear when there is something to clear (the file list empties, the cards show '–'). */
export async function clearAnalysis(page) {
  const clear = page.locator(tid('clear-button'));
  if (await clear.isEnabled()) await clear.click();
  await page.waitForFunction((sel) => !document.querySelector(sel), tid('file-status-item'), { timeout: 10000 });
}

export async function runDemo(page, timeout = 60000) {
  return runAndSettle(page, () => page.locator(tid('demo-button')).click(), timeout);
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Navigates to the page and waits until it is usable (file input and app-state present). */
export async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForSelector(tid('file-input'), { state: 'attached', timeout: 15000 });
  await page.waitForSelector(tid('app-state'), { state: 'attached', timeout: 15000 });
}

/**
 * Resolves with performance.now() (Node's clock) when the page first shows a partial
 * report (the partial-note unhidden), or null if it never does before `timeout`.
 * Call it just before the action that starts the run.
 */
export function firstPartial(page, timeout) {
  return page.waitForSelector(`${tid('partial-note')}:not([hidden])`, { state: 'attached', timeout })
    .then(() => performance.now(), () => null);
}

/** The page URL with ?workers=N when `workers` is set (the pool size, web/src/pool.ts). */
export function appUrl(url, workers) {
  return workers ? `${url}?workers=${workers}` : url;
}

export async function elementShot(locator, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------------
// Fixtures and the native CLI.

export function fixturesWithExpected() {
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.expected.json')).sort()
    .map((f) => f.slice(0, -'.expected.json'.length));
}
/** The fixture NAME.json, or NAME.html (an HTML export page). */
export const fixturePath = (name) =>
  path.join(FIXTURES, fs.existsSync(path.join(FIXTURES, `${name}.json`)) ? `${name}.json` : `${name}.html`);
export const expected = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8'));

/** Expected platform link-record counts: `platforms` lists [link_records, messages, targets]. */
export function expectedPlatformRecords(exp) {
  const out = {};
  for (const p of PLATFORMS) out[p] = (exp.platforms?.[p] ?? [0, 0, 0])[0];
  return out;
}

/** `linkdrift report ARGS FILES` as JSON; `cwd`: run there (relative names, as the page names picked files). */
export function cliReport(files, args = [], { cwd } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`missing ${CLI} (scripts/build.sh native)`);
  let out;
  try {
    out = execFileSync(CLI, ['report', ...args, ...files], { maxBuffer: 1 << 28, cwd });
  } catch (e) {
    if (e.status === 1 && e.stdout) out = e.stdout; // some input failed: report still printed
    else throw e;
  }
  return JSON.parse(out.toString('utf8'));
}

/** The demo file the page fetched: a same-origin request that maps to a file in web/dist. */
export function demoFileFrom(urls, origin) {
  const cands = urls.filter((u) => isSameOrigin(u, origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
    .map((u) => decodeURIComponent(new URL(u).pathname))
    .filter((p) => /demo/i.test(p) && !/\.(js|mjs|css|wasm|html|png|svg|ico)$/.test(p))
    .map((p) => path.join(DIST, p))
    .filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  return [...new Set(cands)];
}

/** Native CLI report of the demo file (decompressed first if the page ships it gzipped). */
export function referenceReport(file) {
  let input = file;
  const head = fs.readFileSync(file).subarray(0, 2);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const dir = tmpDir();
    input = path.join(dir, path.basename(file).replace(/\.gz$/, '') || 'demo.json');
    fs.writeFileSync(input, zlib.gunzipSync(fs.readFileSync(file)));
  }
  return cliReport([input]);
}

/** The cards a report should produce. */
export function cardsOfReport(ref) {
  const want = { 'card-files': ref.totals.files, 'card-chats': ref.totals.chats, 'card-messages': ref.totals.messages };
  for (const p of ref.platforms) want[`card-links-${p.platform}`] = p.link_records;
  return want;
}

/**
 * Registers before/after hooks for a test file on one large generated export: a temp
 * dir with `name` made by linkdrift-gen (`genArgs`, e.g. ['--size', '400MB']), the
 * served page and a browser. Returns {file, server, browser}, filled in by `before`.
 */
export function generatedExportSuite(name, genArgs) {
  let dir;
  const env = servedBrowserSuite(() => {
    dir = tmpDir();
    env.file = path.join(dir, name);
    execFileSync(GEN, [...genArgs, '--quiet', '--out', env.file]);
  });
  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });
  return env;
}

/**
 * Registers the calling test file's before/after hooks: `env.server` (web/dist served on
 * 127.0.0.1) and `env.browser` (one headless Chromium), then `setup(env)`; both closed after the
 * file's tests. TRAP: node:test (Node 20) does not wait for one root-level `before` hook before
 * starting the next, so a file's own setup that needs the browser goes into `setup`.
 */
export function servedBrowserSuite(setup = async () => {}) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
    await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export function tmpDir(prefix = 'linkdrift-browser-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Same origin, or data:/blob: (blob URLs of the origin too). */
export function isSameOrigin(url, origin) {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.startsWith(`blob:${origin}/`) || url === `blob:${origin}`;
  try { return new URL(url).origin === origin; } catch { return false; }
}

export function isLocalFileUrl(url) {
  return url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:');
}
