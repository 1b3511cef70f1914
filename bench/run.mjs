// The benchmark driver behind bench/run.sh (which builds and generates first; see
// docs/performance.md). Runs every runner sequentially on the same files, checks that
// they agree on the per-platform link-record counts, prints a table (medians) per
// format and writes bench/results/latest.json.
//   node bench/run.mjs --files 100MB=PATH,1GB=PATH [--memory FILESIZE=PATH] [--runs 3] [--skip-browser]
//                      [--html 100MB=DIR,1GB=DIR] [--formats json,html]
// --html: HTML export folders with the same messages as the --files JSON of the same
// size label (linkdrift-gen --format html --json-size SIZE); timed with the native CLI
// and node-wasm (the baselines and the browser runner read single JSON files: n/a),
// and checked to give the JSON's per-platform counts. --formats: which sets are timed
// (default: json, plus html when --html is given); a JSON file is still run once,
// untimed, as the HTML check's reference.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = process.env.LINKDRIFT_CLI ?? path.join(ROOT, 'build/native/bin/linkdrift');
const PY = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const PLATFORMS = ['telegram', 'signal', 'discord', 'matrix', 'simplex', 'session', 'tox',
  'xmpp', 'whatsapp', 'threema', 'onion', 'email', 'web'];
// json.load keeps ~8.2x the file size in Python objects (measured: 100 MB file -> 850 MB RSS).
const PY_BYTES_PER_BYTE = 9;

const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const runs = Number(arg('--runs', 3));
const skipBrowser = argv.includes('--skip-browser');
const parseFiles = (s) => (s ? s.split(',').map((x) => { const i = x.indexOf('='); return { size: x.slice(0, i), file: x.slice(i + 1) }; }) : []);
const htmlSets = parseFiles(arg('--html', ''));
const formats = arg('--formats', htmlSets.length ? 'json,html' : 'json').split(',');
const sets = [...parseFiles(arg('--files', '')).map((f) => ({ ...f, memory: false, format: 'json', timed: formats.includes('json') })),
  ...parseFiles(arg('--memory', '')).map((f) => ({ ...f, memory: true, format: 'json', timed: formats.includes('json') })),
  ...(formats.includes('html') ? htmlSets.map((f) => ({ ...f, memory: false, format: 'html', timed: true })) : [])];

/** Bytes linkdrift reads from an export folder: its files named nameRe (docs/inputs.md: export_results.html
 * and lists/ are skipped). A JSON set may be a folder too (e.g. real exports copied N times). */
function folderInputBytes(dir, nameRe) {
  let n = 0, files = 0;
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const a = path.join(d, e.name), r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) { if (r !== 'lists') walk(a, r); } else if (nameRe.test(e.name) && r !== 'export_results.html') { n += fs.statSync(a).size; files++; }
    }
  };
  walk(dir, '');
  return { bytes: n, files };
}

const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const MiB = 1024 * 1024;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null; };
const lastJson = (out) => { const l = out.trim().split('\n').filter((x) => x.startsWith('{')); return l.length ? JSON.parse(l[l.length - 1]) : null; };

/** Runs a command under /usr/bin/time; returns {wall, cpu (user+sys s), maxRssKb, stdout, status}. */
function timed(cmd, args, timeoutMs = 3600e3) {
  const tf = path.join(os.tmpdir(), `linkdrift-bench-time-${process.pid}`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', tf, cmd, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutMs, cwd: ROOT });
  let wall = null, maxRssKb = null, cpu = null;
  try {
    const line = fs.readFileSync(tf, 'utf8').trim().split('\n').pop();
    let user, sys;
    [wall, maxRssKb, user, sys] = line.split(' ').map(Number);
    cpu = user + sys;
    fs.rmSync(tf);
  } catch { /* killed */ }
  return { wall, cpu, maxRssKb, stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, signal: r.signal };
}

const memAvailable = () => Number(/MemAvailable:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))[1]) * 1024;

const results = [];
const jsonRefs = {};  // size label -> per-platform counts of the JSON file (reference of the HTML check)
const formatChecks = [];
for (const set of sets) {
  const html = set.format === 'html';
  const hb = html ? folderInputBytes(set.file, /\.html?$/i)
    : fs.statSync(set.file).isDirectory() ? folderInputBytes(set.file, /\.json$/i) : null;
  const bytes = hb ? hb.bytes : fs.statSync(set.file).size;
  const n = set.memory ? 1 : runs;
  log(`== ${set.format} ${set.size}${set.memory ? ' (memory run)' : ''}: ${set.file}, ${bytes} bytes${html ? ` in ${hb.files} pages` : ''}, ` +
    `${set.timed ? `${n} run(s) per runner` : 'reference only (untimed)'}`);

  // Reference: the native report (one untimed run that keeps the report).
  const refPath = path.join(os.tmpdir(), `linkdrift-bench-ref-${process.pid}.json`);
  const ref = spawnSync(CLI, ['report', set.file, '--no-announcements', '--out', refPath], { encoding: 'utf8' });
  if (ref.status !== 0) throw new Error(`native reference run failed: ${ref.stderr}`);
  const report = JSON.parse(fs.readFileSync(refPath, 'utf8'));
  fs.rmSync(refPath);
  const refCounts = Object.fromEntries(report.platforms.map((p) => [p.platform, p.link_records]));
  const messages = report.totals.messages;
  const row = (runner, extra) => ({ runner, format: set.format, size: set.size, file: set.file, bytes, messages, memory_run: set.memory, ...extra });
  if (!html && !set.memory) jsonRefs[set.size] = { counts: refCounts, messages, bytes };
  if (html) {
    // The same messages as the JSON file of this size: the same per-platform counts.
    const j = jsonRefs[set.size];
    const wrong = j ? PLATFORMS.filter((p) => (j.counts[p] ?? 0) !== (refCounts[p] ?? 0)) : null;
    formatChecks.push({ size: set.size, html: refCounts, json: j ? j.counts : null, html_messages: messages,
      json_messages: j ? j.messages : null, disagreeing_platforms: wrong ?? [], checked: !!j });
    if (!j) log(`no JSON file of size ${set.size} to check the HTML counts against`);
  }
  if (!set.timed) continue;

  const runners = [];
  // native-1t: one thread (--jobs 1); native: the CLI's default, one reader thread per core.
  // --no-announcements: the same job as node-wasm and the baselines (links + report); the CLI's
  // default also detects announcements (docs/announcements.md "Cost"), as the page does.
  for (const [name, jobs] of [['native-1t', ['--jobs', '1']], ['native', []]]) {
    runners.push([name, () => {
      const t = timed(CLI, ['report', set.file, '--no-announcements', '--out', '/dev/null', ...jobs]);
      return { ok: t.status === 0, seconds: t.wall, cpu_seconds: t.cpu, max_rss_kb: t.maxRssKb, link_records: refCounts,
        error: t.status === 0 ? undefined : `exit ${t.status}: ${t.stderr.slice(-300)}` };
    }]);
  }
  runners.push(['node-wasm', () => {
    const t = timed(process.execPath, [path.join(ROOT, 'bench/runners/node-wasm.cjs'), set.file]);
    const j = lastJson(t.stdout) ?? { ok: false, error: `exit ${t.status ?? t.signal}: ${t.stderr.slice(-300)}` };
    return { ...j, seconds: t.wall, cpu_seconds: t.cpu, inner_seconds: j.seconds, max_rss_kb: t.maxRssKb };
  }]);
  // browser-1w: the page with one worker (?workers=1); browser: the page's default pool.
  const na = (why) => () => ({ ok: false, skipped: true, na: true, error: why });
  if (!skipBrowser) {
    if (hb) runners.push(['browser-1w', na('n/a (the browser runner picks one file)')], ['browser', na('n/a (the browser runner picks one file)')]);
    else runners.push(['browser-1w', ['--workers', '1']], ['browser', []]);  // one session each, below
  }
  if (hb) {
    const why = html ? 'n/a (JSON-only baseline)' : 'n/a (the baselines read one file)';
    runners.push(['baseline-a', na(why)], ['baseline-b', na(why)]);
  } else {
    runners.push(['baseline-a', () => {
      const t = timed(process.execPath, [path.join(ROOT, 'bench/baselines/naive.mjs'), set.file]);
      const j = lastJson(t.stdout) ?? { ok: false, error: `exit ${t.status ?? t.signal}: ${t.stderr.slice(-300)}` };
      return { ...j, seconds: t.wall, cpu_seconds: t.cpu, inner_seconds: j.seconds, max_rss_kb: t.maxRssKb };
    }]);
    runners.push(['baseline-b', () => {
      const need = bytes * PY_BYTES_PER_BYTE, have = memAvailable();
      if (need > 0.8 * have) {
        return { ok: false, skipped: true, error: `not run: json.load would need ~${(need / 2 ** 30).toFixed(0)} GiB RAM ` +
          `(~${PY_BYTES_PER_BYTE}x the file), ${(have / 2 ** 30).toFixed(0)} GiB available` };
      }
      const t = timed(PY, [path.join(ROOT, 'bench/baselines/notebook.py'), set.file]);
      const j = lastJson(t.stdout) ?? { ok: false, error: `exit ${t.status ?? t.signal}: ${t.stderr.slice(-300)}` };
      return { ...j, seconds: t.wall, cpu_seconds: t.cpu, inner_seconds: j.seconds, max_rss_kb: t.maxRssKb };
    }]);
  }

  for (const [name, fn] of runners) {
    const samples = [];
    if (name.startsWith('browser') && !html) {
      const t = spawnSync(process.execPath, [path.join(ROOT, 'bench/runners/browser.mjs'), set.file, '--runs', String(n), ...fn],
        { encoding: 'utf8', maxBuffer: 1 << 26, cwd: ROOT, timeout: 3 * 3600e3 });
      const lines = (t.stdout ?? '').trim().split('\n').filter((x) => x.startsWith('{')).map((x) => JSON.parse(x));
      if (!lines.length) lines.push({ ok: false, error: `browser runner exit ${t.status ?? t.signal}: ${(t.stderr ?? '').slice(-300)}` });
      samples.push(...lines);
    } else {
      for (let i = 0; i < n; i++) {
        const s = fn();
        samples.push(s);
        if (!s.ok) break;  // a failure (by design for baseline A on big files) is not repeated
      }
    }
    for (const s of samples) log(`${name} ${set.format} ${set.size}: ${s.ok ? `${s.seconds?.toFixed(2)} s` : s.na ? s.error : `FAILED ${s.error}`}`);
    const ok = samples.filter((s) => s.ok);
    const counts = ok.length ? ok[ok.length - 1].link_records : null;
    const wrong = counts ? PLATFORMS.filter((p) => (counts[p] ?? 0) !== (refCounts[p] ?? 0)) : [];
    const rss = ok.map((s) => s.max_rss_kb).filter(Boolean);
    const heap = ok.map((s) => s.wasm_heap_bytes).filter(Boolean);
    const pss = ok.map((s) => s.chromium_pss_bytes).filter(Boolean);
    const seconds = median(ok.map((s) => s.seconds));
    results.push(row(name, {
      ok: ok.length === samples.length && ok.length > 0,
      status: (ok.length ? (wrong.length ? `WRONG COUNTS: ${wrong.join(',')}` : 'ok') : (samples[0].skipped ? samples[0].error : `failed: ${samples[0].error}`)).replace(/\s+/g, ' '),
      na: !!samples[0]?.na,
      runs: samples.length,
      seconds_median: seconds, seconds_all: ok.map((s) => s.seconds),
      cpu_seconds_median: median(ok.map((s) => s.cpu_seconds).filter((x) => x != null)),
      mb_per_s: seconds ? bytes / 1e6 / seconds : null,
      messages_per_s: seconds ? messages / seconds : null,
      max_rss_bytes: rss.length ? Math.max(...rss) * 1024 : null,
      chromium_pss_bytes: pss.length ? Math.max(...pss) : null,
      wasm_heap_bytes: heap.length ? Math.max(...heap) : null,
      first_partial_seconds: median(ok.map((s) => s.first_partial_seconds).filter((x) => x != null)),
      workers: ok.length ? ok[0].workers ?? null : null,
      link_records: counts, reference_link_records: refCounts, disagreeing_platforms: wrong,
    }));
  }
}

// ---- agreement ----------------------------------------------------------------------
let disagree = false;
for (const r of results) {
  if (r.disagreeing_platforms.length) {
    disagree = true;
    process.stdout.write(`\n!!!!!!!! DISAGREEMENT: ${r.runner} on ${r.size} counts link records differently from the native report:\n`);
    for (const p of r.disagreeing_platforms) {
      process.stdout.write(`!!!!!!!!   ${p}: ${r.runner} ${r.link_records[p] ?? 0}, native ${r.reference_link_records[p] ?? 0}\n`);
    }
  }
}

for (const c of formatChecks) {
  if (c.disagreeing_platforms.length) {
    disagree = true;
    process.stdout.write(`\n!!!!!!!! DISAGREEMENT: the HTML export of ${c.size} counts link records differently from the JSON export of the same messages:\n`);
    for (const p of c.disagreeing_platforms) process.stdout.write(`!!!!!!!!   ${p}: HTML ${c.html[p] ?? 0}, JSON ${c.json[p] ?? 0}\n`);
  }
  if (c.checked && c.html_messages !== c.json_messages) {
    process.stdout.write(`\nnote: ${c.size}: HTML ${c.html_messages} messages, JSON ${c.json_messages}\n`);
  }
}

// ---- table ----------------------------------------------------------------------------
const fmtN = (x, d = 1) => (x == null ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const fmtMiB = (b) => (b == null ? '—' : `${fmtN(b / MiB, 0)} MiB`);
for (const format of ['json', 'html']) {
  const rs = results.filter((r) => r.format === format);
  if (!rs.length) continue;
  const head = ['runner', 'size', 'runs', 'median s', 'cpu s', 'MB/s', 'messages/s', 'peak RSS', 'wasm heap', 'vs A', 'vs B', '1st chart s'];
  if (format === 'html') head.push('vs JSON', 'vs JSON cpu');
  head.push('counts');
  const rows = [head];
  const nNum = head.length - 2;  // numeric columns: 2 .. nNum
  for (const r of rs) {
    const base = (name) => results.find((x) => x.format === 'json' && x.size === r.size && x.runner === name && x.ok && !x.disagreeing_platforms.length);
    const ratio = (name) => { const b = base(name); return r.seconds_median && b ? `${(b.seconds_median / r.seconds_median).toFixed(2)}x` : '—'; };
    const mem = r.runner.startsWith('browser') ? (r.chromium_pss_bytes ? `${fmtMiB(r.chromium_pss_bytes)} PSS` : '—') : fmtMiB(r.max_rss_bytes);
    const row = [r.runner, r.size + (r.memory_run ? ' (mem)' : ''), String(r.runs), r.ok ? fmtN(r.seconds_median, 2) : '—',
      r.ok ? fmtN(r.cpu_seconds_median, 2) : '—', r.ok ? fmtN(r.mb_per_s) : '—', r.ok ? fmtN(r.messages_per_s, 0) : '—', r.ok ? mem : '—', fmtMiB(r.wasm_heap_bytes),
      format === 'html' ? 'n/a' : r.ok ? ratio('baseline-a') : '—', format === 'html' ? 'n/a' : r.ok ? ratio('baseline-b') : '—',
      r.first_partial_seconds == null ? '—' : fmtN(r.first_partial_seconds, 2)];
    if (format === 'html') {
      // MB/s of the HTML pages over MB/s of the JSON file of the same messages, same runner.
      const j = results.find((x) => x.format === 'json' && x.size === r.size && x.runner === r.runner && x.ok);
      row.push(r.ok && j && j.mb_per_s ? `${(r.mb_per_s / j.mb_per_s).toFixed(2)}x` : '—');
      // The same per CPU second (user+sys): steadier than wall time on a shared machine.
      const cr = r.ok && j && r.cpu_seconds_median && j.cpu_seconds_median
        ? (r.bytes / r.cpu_seconds_median) / (j.bytes / j.cpu_seconds_median) : null;
      row.push(cr == null ? '—' : `${cr.toFixed(2)}x`);
    }
    row.push(r.status.length > 120 ? `${r.status.slice(0, 117)}...` : r.status);  // in full in latest.json
    rows.push(row);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const num = (i) => i >= 2 && i <= nNum;
  const line = (x) => `| ${x.map((c, i) => (num(i) ? c.padStart(w[i]) : c.padEnd(w[i]))).join(' | ')} |`;
  process.stdout.write(`\n${format === 'html' ? 'HTML exports (the same messages as the JSON files)' : 'JSON exports'}\n`);
  process.stdout.write(`\n${line(rows[0])}\n|${w.map((x, i) => (num(i) ? `${'-'.repeat(x + 1)}:` : '-'.repeat(x + 2))).join('|')}|\n`);
  for (const x of rows.slice(1)) process.stdout.write(`${line(x)}\n`);
}
process.stdout.write('\nMB = 10^6 bytes; medians of the runs; cpu s: user+sys CPU seconds of the process (/usr/bin/time); "vs A"/"vs B": how many times faster than baseline A (Node JSON.parse + RegExp) / ' +
  'B (Python json.load + re) on the same file; peak RSS from /usr/bin/time (browser: PSS summed over chromium\'s processes); ' +
  'wasm heap: HEAPU8.length at the end (= peak; browser: the lead worker\'s, which holds the merged corpus); ' +
  '1st chart s: pick to the first partial report on screen. counts: per-platform link records vs the native report (ok = all 13 platforms equal).\n');
if (formatChecks.length) {
  process.stdout.write('HTML: MB/s = bytes of the pages read (messages*.html) / wall; "vs JSON": that MB/s over the same runner\'s MB/s on the JSON file ' +
    'of the same messages (above 1.00x: the HTML reader is faster per input byte); "vs JSON cpu": the same with bytes per CPU second.\n');
  for (const c of formatChecks) {
    const hs = results.find((r) => r.format === 'html' && r.size === c.size), js = jsonRefs[c.size];
    if (hs && js) process.stdout.write(`  ${c.size}: HTML ${fmtN(hs.bytes / 1e6, 1)} MB vs JSON ${fmtN(js.bytes / 1e6, 1)} MB (${(hs.bytes / js.bytes).toFixed(3)}x the bytes), ${fmtN(c.html_messages, 0)} messages\n`);
  }
  const bad = formatChecks.filter((c) => c.disagreeing_platforms.length);
  process.stdout.write(bad.length ? 'FORMATS: the HTML and JSON exports of the same messages DISAGREE (see the !!!!!!!! lines above)\n'
    : `FORMATS: the HTML exports give the same per-platform link-record counts as the JSON exports of the same messages${formatChecks.some((c) => !c.checked) ? ' (where a JSON file was given)' : ''}.\n`);
}
process.stdout.write(disagree ? '\nAGREEMENT: FAILED (see the !!!!!!!! lines above)\n' : '\nAGREEMENT: all runners that completed report the same per-platform link-record counts as the native CLI.\n');

const cpu = (/model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8')) ?? [])[1] ?? 'unknown';
const out = {
  date: new Date().toISOString(), machine: { nproc: os.cpus().length, cpu, ram_bytes: os.totalmem(), node: process.version },
  runs, skip_browser: skipBrowser, formats, agreement: !disagree, format_checks: formatChecks, results,
};
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(out, null, 1)}\n`);
log('wrote bench/results/latest.json');
process.exit(disagree ? 3 : 0);
