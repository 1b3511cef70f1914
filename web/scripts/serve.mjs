#!/usr/bin/env node
// Tiny zero-dependency static server for web/dist (or another folder):
//   node web/scripts/serve.mjs [DIR]      PORT env (default 8080), binds 127.0.0.1 only
// Correct MIME types (application/wasm for streaming compilation), no directory
// traversal (paths are resolved and must stay inside DIR; symlinks out are refused),
// GET/HEAD only, index.html for directories.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = fs.realpathSync(path.resolve(process.argv[2] ?? path.join(here, '..', 'dist')));
const port = Number(process.env.PORT ?? 8080);
const host = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (rel.includes('\0')) return send(res, 400, 'bad request\n');
  let file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  let real;
  try {
    real = fs.realpathSync(file);
    if (fs.statSync(real).isDirectory()) real = fs.realpathSync(path.join(real, 'index.html'));
  } catch {
    return send(res, 404, 'not found\n');
  }
  if (real !== root && !real.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
  const stat = fs.statSync(real);
  if (!stat.isFile()) return send(res, 404, 'not found\n');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(real).pipe(res);
});

server.listen(port, host, () => {
  console.log(`linkdrift: serving ${root} on http://${host}:${port}/ (Ctrl-C to stop)`);
});
