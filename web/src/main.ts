// The page: what was picked (files, folders, drops, the demo), the runs of the
// worker pool and their progress, the report requests, and the exports. The
// views render the report (overview.ts, channels.ts, records.ts, migration.ts);
// controls.ts turns the controls into options. No analysis happens here — every
// number on the page comes from Analyzer.report / linkRecords in the worker.
import './style.css';
import { wasmBytes, demoFile, buildKind } from 'ld-platform';
import type { GraphFormat } from './protocol';
import { controlOptions, fillControls, readSettings, showHtmlTz, type ControlOptions } from './controls';
import { Pool, poolSize, type Input } from './pool';
import { collectDrop, fromInput, uniqueNames, type Picked } from './inputs';
import { FileList } from './filelist';
import type { Report, ReportChat } from './report';
import { append, replaceChildren, neutralise, download, fmtInt, plural } from './safe';
import { readTheme, type Chart } from './charts';
import { EventsEditor } from './events';
import { MigrationView } from './migration';
import { LifecycleView } from './lifecycle';
import { OverviewView } from './overview';
import { ChannelsView } from './channels';
import { RecordsView } from './records';
import { $ } from './dom';

// ------------------------------------------------------------------ workers

let wasmModule: Promise<WebAssembly.Module> | null = null;
let pool: Pool | null = null;
let poolStarting: Promise<Pool> | null = null;

function getWasm(): Promise<WebAssembly.Module> {
  wasmModule ??= wasmBytes().then((b) => WebAssembly.compile(b));
  return wasmModule;
}

/** The worker pool, started on first use (and again after a cancel or a crash). */
function getPool(): Promise<Pool> {
  poolStarting ??= (async () => {
    let created: Pool | null = null;  // a crash while starting rejects Pool.create instead
    const p = await Pool.create(await getWasm(), poolSize(), (msg) => {
      if (!created || pool !== created) return;
      discardPool();
      setState('error', `The analysis engine stopped: ${msg}`);
    });
    pool = created = p;
    const kind = $('build-kind');
    kind.dataset.workers = String(p.size);
    replaceChildren(kind, `${buildKind} build · ${plural(p.size, 'analysis worker')}`);
    return p;
  })().catch((e: unknown) => { poolStarting = null; throw e; });
  return poolStarting;
}

/** Stops every worker: the corpus they held is gone, so the inputs kept are read again by the next run. */
function discardPool(): void {
  pool?.terminate();
  pool = null;
  poolStarting = null;
  S.next = 0;
  S.hasCorpus = false;
}

// ------------------------------------------------------------------- state

type AppState = 'idle' | 'reading' | 'done' | 'cancelled' | 'error';

const S = {
  /** Everything added since the last Clear, in reading order; S.inputs[0 .. next) are in the lead's corpus or being read into it. */
  inputs: [] as Input[],
  next: 0,
  /** Bumped by Clear, Cancel and a re-read: what a run of an older generation finds is dropped. */
  gen: 0,
  /** Bumped by Clear and Cancel: a pick still being looked at is dropped. */
  clears: 0,
  report: null as Report | null,
  reportText: '',
  reportSeq: 0,
  hasCorpus: false,
  partial: false,  // S.report is a partial report (reading goes on)
};

function setState(state: AppState, text: string): void {
  const el = $('app-state');
  el.dataset.state = state;
  el.textContent = text;
  $<HTMLButtonElement>('cancel-button').disabled = state !== 'reading';
  document.body.dataset.state = state;
}

// ---------------------------------------------------------------- progress

const MB = 1e6;
let runStart = 0;
let runTotal = 0;
let runDone = 0;

function showProgress(done: number, total: number): void {
  runDone = done;
  if (S.partial) showPartialNote();
  const bar = $<HTMLProgressElement>('progress-bar');
  bar.value = total ? done / total : 0;
  const secs = (performance.now() - runStart) / 1000;
  const rate = secs > 0.05 ? done / MB / secs : 0;
  const left = rate > 0 ? (total - done) / MB / rate : NaN;
  const eta = Number.isFinite(left) && done < total ? fmtDuration(left) : done >= total && total > 0 ? '0:00' : '–';
  $('progress-text').textContent =
    `${(done / MB).toFixed(1)} MB of ${(total / MB).toFixed(1)} MB · ${rate.toFixed(1)} MB/s · ETA ${eta}`;
}

function fmtDuration(s: number): string {
  const t = Math.ceil(s);
  const m = Math.floor(t / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}` : `${m}:${String(t % 60).padStart(2, '0')}`;
}

// -------------------------------------------------------------- analysing

let files: FileList;
let drivingGen = -1;  // the generation whose inputs are being read (-1: no run)

const running = () => drivingGen !== -1;

/** Adds what was picked to the analysis: the core plans folders and sniffs formats (in a worker), then it is read after what is already there. */
async function add(picked: Picked[], label: string): Promise<void> {
  if (!picked.length) { setState(S.report ? 'done' : 'idle', 'Nothing to read in what you picked.'); return; }
  const clears = S.clears;
  setState('reading', `Looking at ${label}…`);
  let inputs: Input[];
  try {
    inputs = await (await getPool()).prepare(picked);
  } catch (e) {
    if (clears === S.clears) setState('error', `Could not look at what you picked: ${errText(e)}`);
    return;
  }
  if (clears !== S.clears) return;  // cleared meanwhile
  const named = uniqueNames(inputs, new Set(S.inputs.map((x) => x.name)));
  S.inputs.push(...named);
  files.add(named);
  $<HTMLButtonElement>('clear-button').disabled = false;
  await drive();
}

/** Reads the inputs not read yet, batch after batch (files added while reading form the next batch). */
async function drive(): Promise<void> {
  if (drivingGen === S.gen) return;  // this generation's loop takes the new inputs too
  const gen = drivingGen = S.gen;
  try {
    while (gen === S.gen && S.next < S.inputs.length && await runBatch(gen)) { /* the next batch */ }
  } finally {
    if (drivingGen === gen) drivingGen = -1;
  }
}

/** Reads S.inputs[next ..] into the lead's corpus (appended to what it holds); the final report once nothing is left. False: stopped. */
async function runBatch(gen: number): Promise<boolean> {
  const from = S.next;
  const batch = S.inputs.slice(from);
  S.next = S.inputs.length;
  const toRead = batch.flatMap((x) => (x.kind === 'read' ? [x.file.size] : []));
  runTotal = toRead.reduce((a, b) => a + b, 0);
  runStart = performance.now();
  setState('reading', `Reading ${plural(toRead.length, 'file')} (${(runTotal / MB).toFixed(1)} MB)…`);
  S.partial = S.report !== null;  // what is shown no longer covers everything
  showProgress(0, runTotal);
  let p: Pool;
  try {
    p = await getPool();
  } catch (e) {
    if (gen === S.gen) setState('error', `Could not start the analysis engine: ${errText(e)}`);
    return false;
  }
  if (gen !== S.gen) return false;
  runStart = performance.now();
  try {
    await p.run(batch, { append: from > 0, settings: readSettings(), partial: options() }, {
      fileStart: (i) => files.start(from + i),
      fileDone: (i, readError) => files.done(from + i, readError),
      progress: (bytes) => showProgress(bytes, runTotal),
      partial: (report) => { if (gen === S.gen) showPartial(report); },
    });
  } catch (e) {
    if (gen !== S.gen || pool !== p) return false;  // cleared, cancelled or re-read: the run was discarded
    discardPool();  // the workers' state is unknown: start afresh next time
    setState('error', `Analysis failed: ${errText(e)}. Adding files reads everything again; Clear starts over.`);
    return false;
  }
  if (gen !== S.gen) return false;
  showProgress(runTotal, runTotal);
  S.hasCorpus = true;
  if (S.next === S.inputs.length) await refreshReport(true);
  return true;
}

/** Forgets the analysis (Clear, Cancel): every input, the corpus, the results. */
function forget(): void {
  if (running()) {
    discardPool();
    void getPool().catch(() => {});  // warm fresh workers for the next run
  }
  S.gen++; S.clears++;
  S.inputs = []; S.next = 0;
  S.hasCorpus = false; S.report = null; S.reportText = ''; S.partial = false;
  files.clear();
  clearResults();
  showHtmlTz(null);
  $<HTMLButtonElement>('clear-button').disabled = true;
}

/** Reads every input again into a fresh corpus (the read settings changed: dates are parsed while reading). */
function rereadAll(): void {
  if (!S.inputs.length) return;
  if (running()) discardPool();
  S.gen++;
  S.next = 0; S.hasCorpus = false; S.report = null; S.reportText = ''; S.partial = false;
  files.restart();
  clearResults();
  void drive();
}

/** A report of what is read so far (computed by the core in the lead worker): shown, marked partial, until the final one. */
function showPartial(bytes: ArrayBuffer): void {
  if (document.body.dataset.state !== 'reading') return;
  S.report = JSON.parse(new TextDecoder().decode(bytes)) as Report;
  S.partial = true;
  files.show(S.report);
  renderAll();
  showPartialNote();
  views.records.waitForFinal();
}

function showPartialNote(): void {
  const note = $('partial-note');
  note.hidden = !S.partial;
  note.textContent = S.partial ? `Partial — still reading (${Math.floor(runDone / Math.max(runTotal, 1) * 100)}%). These numbers cover what is read so far; the final report replaces them.` : '';
}

function cancelRun(): void {
  forget();
  setState('cancelled', 'Cancelled. The analysis was discarded (including files already read); pick files again to start over.');
}

function clearAll(): void {
  forget();
  setState('idle', 'Cleared. Drop exports, choose files or a folder, or try the demo data.');
}

function errText(e: unknown): string { return e instanceof Error ? e.message : String(e); }

// ---------------------------------------------------------------- controls

/** The report options of the controls and the event markers. */
function options(): ControlOptions { return controlOptions(views.events.option()); }

// --------------------------------------------------------------- reporting

let reportTimer = 0;
function scheduleReport(): void {
  if (document.body.dataset.state === 'reading') pool?.setPartialOptions(options());  // the next partial report uses them
  clearTimeout(reportTimer);
  reportTimer = window.setTimeout(() => void refreshReport(false), 60);
}

/** The report for the current options; `first`: the final report of a run (other calls wait for it while reading). */
async function refreshReport(first: boolean): Promise<void> {
  if (!S.hasCorpus || !pool || (!first && running())) return;
  const seq = ++S.reportSeq;
  const c = pool;
  let text: string;
  try {
    text = await c.text({ type: 'report', id: 0, options: options() });
  } catch (e) {
    if (seq !== S.reportSeq || c !== pool) return;
    if (first) { setState('error', `Could not build the report: ${errText(e)}`); return; }
    setState('done', `The report could not be built with these settings: ${errText(e)}`);
    return;
  }
  if (seq !== S.reportSeq || c !== pool) return;
  S.reportText = text;
  S.report = JSON.parse(text) as Report;
  S.partial = false;
  showPartialNote();
  files.show(S.report);
  showHtmlTz(S.report);
  const t = S.report.totals;
  // A folder with no export is a file with an error in the report (as in the CLI's): named apart here.
  const unreadable = S.inputs.filter((x) => x.kind === 'unreadable').length;
  const withErrors = t.files_with_errors - unreadable;
  const issues = [
    withErrors ? `${plural(withErrors, 'file')} with errors` : '',
    unreadable ? `${plural(unreadable, 'folder')} with no Telegram export` : '',
    t.files_skipped ? `${fmtInt(t.files_skipped)} skipped` : '',
  ].filter(Boolean);
  if (t.files === unreadable && issues.length) setState('error', `Nothing read: ${issues.join(', ')} (see the file list).`);
  else setState('done', `Done: ${plural(t.files, 'file')}, ${fmtInt(t.chats)} chats, ${fmtInt(t.messages)} messages, ${fmtInt(t.link_records)} link records` +
    (issues.length ? ` — ${issues.join(', ')} (see the file list; everything else is counted).` : '.'));
  renderAll();
}

function clearResults(): void {
  showPartialNote();
  views.overview.clear();
  views.channels.clear();
  views.records.clear();
  views.migration.clear();
  views.lifecycle.clear();
}

function renderAll(): void {
  const r = S.report;
  if (!r) return;
  for (const w of document.querySelectorAll('.bucket-word')) w.textContent = r.buckets.unit;
  views.overview.render(r, S.partial);
  views.channels.render(r);
  if (!S.partial) views.records.render(r);  // records come with the final report
  views.migration.render(r, {
    chatLabel,
    exportGraph: pool?.features.graphExport && !S.partial ? exportGraph : null,
  });
  views.lifecycle.render(r, { chatLabel });
}

// ------------------------------------------------------------------- views

function chatLabel(c: ReportChat): string {
  const name = c.name || (c.type === 'saved_messages' ? 'Saved messages' : `chat ${c.id}`);
  return neutralise(name) + (c.partial ? ' (partial)' : '');
}

/** The views, made by init() once the page's elements exist. */
let views: { overview: OverviewView; channels: ChannelsView; records: RecordsView; migration: MigrationView; lifecycle: LifecycleView; events: EventsEditor };

function makeViews(): typeof views {
  const migration = new MigrationView();
  const records = new RecordsView({
    chatLabel,
    filter: () => { const o = options(); return { from: o.from, to: o.to, include_forwarded: o.include_forwarded, exclude_signature: o.exclude_signature }; },
    fetch: (query) => (pool ? pool.json({ type: 'records', id: 0, query }) : Promise.reject(new Error('no analysis'))),
  });
  const showRecords = (f: Parameters<RecordsView['show']>[0]) => records.show(f);
  return {
    overview: new OverviewView({
      chatLabel, showRecords, redrawn: () => migration.redraw(),
      excludeSignature: () => $<HTMLInputElement>('control-signature').checked,
    }),
    channels: new ChannelsView({ chatLabel, showRecords }),
    records, migration,
    lifecycle: new LifecycleView(),
    events: new EventsEditor(() => scheduleReport()),
  };
}

// ----------------------------------------------------------------- exports

async function exportCsv(): Promise<void> {
  if (!pool || !S.report || S.partial) return;
  const btn = $<HTMLButtonElement>('export-csv');
  btn.disabled = true;
  try {
    const r = await pool.send({ type: 'csv', id: 0, query: views.records.query(0, 0), excelSafe: $<HTMLInputElement>('export-excel-safe').checked });
    download(new Blob([r.bytes], { type: 'text/csv;charset=utf-8' }), 'linkdrift-links.csv');
  } catch (e) {
    setState('done', `CSV export failed: ${errText(e)}`);
  } finally { btn.disabled = false; }
}

const GRAPH_FILE: Record<GraphFormat, [string, string]> = {
  csv: ['text/csv;charset=utf-8', 'linkdrift-graph-edges.csv'],
  gexf: ['application/xml', 'linkdrift-graph.gexf'],
  graphml: ['application/xml', 'linkdrift-graph.graphml'],
};

async function exportGraph(format: GraphFormat): Promise<void> {
  if (!pool || !S.report || S.partial) return;
  try {
    const r = await pool.send({ type: 'graph', id: 0, format, options: options() });
    download(new Blob([r.bytes], { type: GRAPH_FILE[format][0] }), GRAPH_FILE[format][1]);
  } catch (e) {
    setState('done', `Graph export failed: ${errText(e)}`);
  }
}

function exportJson(): void {
  if (!S.reportText) return;
  download(new Blob([S.reportText], { type: 'application/json' }), 'linkdrift-report.json');
}

// -------------------------------------------------------------------- wire

function wire(): void {
  const fileInput = $<HTMLInputElement>('file-input');
  const folderInput = $<HTMLInputElement>('folder-input');
  $('pick-files').addEventListener('click', () => fileInput.click());
  $('pick-folder').addEventListener('click', () => folderInput.click());
  fileInput.addEventListener('change', () => { const f = fromInput(fileInput.files, false); fileInput.value = ''; void add(f, pickLabel(f)); });
  folderInput.addEventListener('change', () => { const f = fromInput(folderInput.files, true); folderInput.value = ''; void add(f, pickLabel(f)); });
  $('demo-button').addEventListener('click', async () => {
    try {
      const file = await demoFile();
      forget();  // the demo starts over: synthetic data mixed with real exports would mean nothing
      await add([{ kind: 'file', name: file.name, file }], 'the demo export (synthetic data)');
    } catch (e) { setState('error', `Could not load the demo: ${errText(e)}`); }
  });
  $('cancel-button').addEventListener('click', () => cancelRun());
  $('clear-button').addEventListener('click', () => clearAll());
  $('control-html-tz').addEventListener('change', () => rereadAll());

  const drop = $('drop-zone');
  let depth = 0;
  document.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; drop.classList.add('over'); e.preventDefault(); } });
  document.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; drop.classList.remove('over'); } });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer!.dropEffect = 'copy'; } });
  document.addEventListener('drop', async (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0; drop.classList.remove('over');
    try {
      const f = await collectDrop(e.dataTransfer!);
      void add(f, pickLabel(f));
    } catch (err) { setState('error', `Could not read what was dropped: ${errText(err)}`); }
  });

  for (const id of ['control-bucket', 'control-tz', 'control-from', 'control-to', 'control-forwarded', 'control-signature'])
    $(id).addEventListener('change', () => { views.records.firstPage(); scheduleReport(); });

  $('export-csv').addEventListener('click', () => void exportCsv());
  $('export-json').addEventListener('click', exportJson);
  const charts = new Map<string, Chart>([...views.overview.charts, views.migration.timeline, views.migration.graph].map((c) => [c.id, c]));
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    b.addEventListener('click', () => {
      const c = charts.get(b.dataset.chart!);
      if (!c) return;
      if (b.dataset.export === 'svg') c.exportSvg(); else c.exportPng(readTheme().bg);
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => views.overview.redraw());
}

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

function pickLabel(picked: Picked[]): string {
  const folders = picked.filter((p) => p.kind === 'folder').length;
  return [picked.length - folders ? plural(picked.length - folders, 'file') : '', folders ? plural(folders, 'folder') : ''].filter(Boolean).join(' and ');
}

function init(): void {
  views = makeViews();
  files = new FileList($('file-list'));
  fillControls();
  clearResults();
  append($('build-kind'), `${buildKind} build`);
  wire();
  setState('idle', 'Loading the analysis engine…');
  getPool().then(
    () => { if (document.body.dataset.state === 'idle') setState('idle', 'Ready. Drop exports, choose files or a folder, or try the demo data.'); },
    (e) => setState('error', `The analysis engine could not be loaded: ${errText(e)}`),
  );
}

init();
