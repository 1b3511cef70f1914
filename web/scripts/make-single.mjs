#!/usr/bin/env node
// Turns the `vite build --mode single` output (dist-single/.stage/) into ONE
// self-contained file, dist-single/linkdrift.html, that works opened from
// file:// with no network at all:
//   - the JS bundle (with the analysis worker inlined by Vite as a Blob URL
//     worker) becomes an inline <script type="module">;
//   - the CSS becomes an inline <style>;
//   - linkdrift.wasm and the demo export become base64 data blocks
//     (<script type="application/octet-stream" id="ld-wasm|ld-demo">, never
//     executed; platform-single.ts decodes them);
//   - the Content-Security-Policy allows exactly that inline script by its
//     sha256 hash (no 'unsafe-inline' for scripts), wasm compilation, Blob-URL
//     workers, and no network origin at all (connect-src 'none').
// Usage: node scripts/make-single.mjs [--wasm FILE] [--demo FILE]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(web, 'dist-single', '.stage');
const outFile = path.join(web, 'dist-single', 'linkdrift.html');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const wasmFile = arg('--wasm', path.join(process.env.LINKDRIFT_WASM_DIR ?? path.join(web, 'generated'), 'linkdrift.wasm'));
const demoFile = arg('--demo', path.join(web, 'public', 'demo', 'linkdrift-demo.json'));

const die = (msg) => { console.error(`make-single: ${msg}`); process.exit(1); };

let html = fs.readFileSync(path.join(stage, 'index.html'), 'utf8');

// 1. The module script.
const scriptRe = /<script type="module"[^>]*\ssrc="\.\/(assets\/[^"]+\.js)"[^>]*><\/script>/g;
const scripts = [...html.matchAll(scriptRe)];
if (scripts.length !== 1) die(`expected one module script in the staged index.html, found ${scripts.length}`);
let js = fs.readFileSync(path.join(stage, scripts[0][1]), 'utf8');
// Inside an HTML <script>, "</script" would end the element and "<!--" can change
// the parser state. "<\/script" is the same text in JS strings, regexes and comments.
js = js.replace(/<\/(script)/gi, '<\\/$1');
if (/<!--/.test(js)) die('the bundle contains "<!--"; cannot inline it safely');
const hash = crypto.createHash('sha256').update(js, 'utf8').digest('base64');
html = html.replace(scripts[0][0], () => `<script type="module">${js}</script>`);

// 2. Stylesheets.
html = html.replace(/<link rel="stylesheet"[^>]*\shref="\.\/(assets\/[^"]+\.css)"[^>]*>/g, (_m, rel) => {
  const css = fs.readFileSync(path.join(stage, rel), 'utf8');
  if (/<\/style/i.test(css)) die(`${rel} contains "</style"`);
  return `<style>${css}</style>`;
});
if (/\ssrc="\.\/assets\/|\shref="\.\/assets\//.test(html)) die('the staged page still references ./assets/ files');
const leftovers = fs.readdirSync(path.join(stage, 'assets')).filter((f) => !/\.(js|css)$/.test(f));
if (leftovers.length) die(`unexpected emitted assets (would be missing from the single file): ${leftovers.join(', ')}`);

// 3. Data blocks.
if (!fs.existsSync(wasmFile)) die(`missing ${wasmFile}`);
const blocks = [`<script type="application/octet-stream" id="ld-wasm">${fs.readFileSync(wasmFile).toString('base64')}</script>`];
if (fs.existsSync(demoFile)) blocks.push(`<script type="application/octet-stream" id="ld-demo">${fs.readFileSync(demoFile).toString('base64')}</script>`);
else console.warn(`make-single: no demo export at ${demoFile}; the demo button will report it missing`);
html = html.replace('</body>', () => `${blocks.join('\n')}\n</body>`);

// 4. The policy: only this script (by hash), wasm, Blob-URL workers; no origins.
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "connect-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const metaRe = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
if (!metaRe.test(html)) die('no CSP meta tag in the staged page');
html = html.replace(metaRe, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace(/<!-- No remote origins anywhere\.[\s\S]*?-->\n?/, '<!-- Single-file build: everything is inline; the policy below allows the one inline script by its sha256 hash. -->\n');

fs.writeFileSync(outFile, html);
fs.rmSync(stage, { recursive: true, force: true });
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`make-single: ${path.relative(process.cwd(), outFile)} ${kb(Buffer.byteLength(html))} (script ${kb(Buffer.byteLength(js))}, sha256-${hash.slice(0, 12)}…)`);
