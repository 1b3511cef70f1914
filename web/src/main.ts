// The page: input, progress, controls, and rendering of the report JSON that
// the wasm core returns. No analysis happens here — every number on the page
// comes from Analyzer.report / linkRecords in the worker.
import './style.css';
import { wasmBytes, demoFile, buildKind } from 'ld-platform';
import type { ReadSettings, RecordQuery, GraphFormat } from './protocol';
import type { ReportOptions } from '../generated/options';
import { Pool, poolSize, type Input } from './pool';
import { collectDrop, fromInput, uniqueNames, type Picked } from './inputs';
import { FileList } from './filelist';
import { PLATFORMS, PLATFORM_LABEL, PLATFORM_COLOR, type Platform, type Report, type ReportChat, type RecordPage, type RecordRow } from './report';
import { h, append, replaceChildren, neutralise, safeLink, bdi, download, fmtInt, plural } from './safe';
import { Chart, baseOption, eventMarkLine, readTheme } from './charts';
import { loadEvents, saveEvents, DEFAULT_EVENTS, MAX_EVENTS } from './events';
import { type Col, head, body } from './table';
import { MigrationView } from './migration';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

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
  events: loadEvents(),
  shown: new Set<Platform>(PLATFORMS),
  chatSort: { key: 'messages', dir: -1 } as { key: string; dir: 1 | -1 },
  records: { offset: 0, limit: 50, platform: '', chat: '', kind: '', target: '' },
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
  S.records.offset = 0; S.records.chat = ''; S.records.kind = ''; S.records.target = '';
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
  $('records-range').textContent = 'Link records are listed when reading is done.';
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

/** The report options the controls set (the core's defaults for the rest). */
type ControlOptions = Pick<ReportOptions, 'bucket' | 'tz_offset_minutes' | 'include_forwarded' | 'exclude_signature' | 'top_targets' | 'from' | 'to' | 'events'>;

function options(): ControlOptions {
  return {
    bucket: $<HTMLSelectElement>('control-bucket').value as ReportOptions['bucket'],
    tz_offset_minutes: Number($<HTMLSelectElement>('control-tz').value),
    include_forwarded: $<HTMLInputElement>('control-forwarded').checked,
    exclude_signature: $<HTMLInputElement>('control-signature').checked,
    top_targets: 50,
    from: $<HTMLInputElement>('control-from').value || null,
    to: $<HTMLInputElement>('control-to').value || null,
    // The core validates dates; a marker being edited (empty date) is left out, not an error.
    events: S.events.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date)).slice(0, MAX_EVENTS),
  };
}

function recordQuery(offset: number, limit: number): RecordQuery {
  const o = options();
  const q: RecordQuery = { from: o.from, to: o.to, include_forwarded: o.include_forwarded, exclude_signature: o.exclude_signature, offset, limit };
  const r = S.records;
  if (r.platform) q.platform = r.platform;
  if (r.chat !== '') q.chat = Number(r.chat);
  if (r.kind) q.kind = r.kind;
  if (r.target) q.target = r.target;
  return q;
}

/** Settings of the run's Analyzers: the zone of offset-less HTML dates (changing it re-reads the files). */
function readSettings(): ReadSettings {
  return { html_utc_offset_minutes: Number($<HTMLSelectElement>('control-html-tz').value) };
}

/** The zone control of offset-less HTML dates: shown when a file's dates were read in an assumed zone, or it is not UTC. */
function showHtmlTz(r: Report | null): void {
  const sel = $<HTMLSelectElement>('control-html-tz');
  $('html-tz').hidden = sel.value === '0' && !r?.files.some((f) => f.assumed_utc_offset);
}

/** UTC offsets −12:00 … +14:00 (values: minutes east of UTC), UTC selected. */
function fillTzSelect(sel: HTMLSelectElement): void {
  const offs = [-720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840];
  const local = -new Date().getTimezoneOffset();
  for (const m of offs) {
    const sign = m < 0 ? '−' : '+';
    const a = Math.abs(m);
    const txt = m === 0 ? 'UTC' : `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    sel.appendChild(h('option', { value: m, selected: m === 0 }, txt + (m === local && m !== 0 ? ' (this computer)' : '')));
  }
}

function fillPlatformSelect(sel: HTMLSelectElement, withAll: boolean, selected: string): void {
  replaceChildren(sel, withAll ? h('option', { value: '' }, 'all') : null,
    ...PLATFORMS.map((p) => h('option', { value: p, selected: p === selected }, PLATFORM_LABEL[p])));
}

function renderPlatformChecks(): void {
  replaceChildren($('platform-checks'), ...PLATFORMS.map((p) => {
    const box = h('input', { type: 'checkbox', value: p, 'data-testid': `control-platform-${p}`, checked: S.shown.has(p) });
    box.addEventListener('change', () => { if (box.checked) S.shown.add(p); else S.shown.delete(p); renderCharts(); });
    const sw = h('span', { class: 'swatch' }); sw.style.background = PLATFORM_COLOR[p];
    return h('label', { class: 'check platform-check' }, box, sw, PLATFORM_LABEL[p]);
  }));
}

function setShown(list: readonly Platform[]): void {
  S.shown = new Set(list);
  renderPlatformChecks();
  renderCharts();
}

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
  await loadRecords();
}

function clearResults(): void {
  showPartialNote();
  for (const c of charts.values()) c.clear();
  for (const id of ['card-files', 'card-chats', 'card-messages', 'card-date-range']) {
    const card = $(id); card.dataset.value = '';
    card.querySelector('.card-value')!.textContent = '–';
    card.querySelector('.card-sub')!.textContent = '';
  }
  renderPlatformCards(null);
  for (const id of ['table-chats', 'table-targets', 'table-records']) replaceChildren($(id).querySelector('tbody')!);
  for (const id of ['chats-foot', 'targets-foot', 'records-range']) $(id).textContent = '';
  for (const id of ['chart-links-per-month', 'chart-platform-chats', 'chart-chat-activity']) $(id).classList.add('empty');
  migration.clear();
}

function renderAll(): void {
  const r = S.report;
  if (!r) return;
  for (const w of document.querySelectorAll('.bucket-word')) w.textContent = r.buckets.unit;
  const fileNotes = [r.totals.files_with_errors ? `${r.totals.files_with_errors} with errors` : '', r.totals.files_skipped ? `${r.totals.files_skipped} skipped` : ''].filter(Boolean);
  setCard('card-files', r.totals.files, fmtInt(r.totals.files), fileNotes.join(' · ') || (S.partial ? 'still reading' : 'all read'));
  setCard('card-chats', r.totals.chats, fmtInt(r.totals.chats), '');
  setCard('card-messages', r.totals.messages, fmtInt(r.totals.messages),
    `${fmtInt(r.totals.forwarded_messages)} forwarded · ${fmtInt(r.totals.messages_with_links)} with links`);
  const d0 = r.totals.first_date?.slice(0, 10), d1 = r.totals.last_date?.slice(0, 10);
  setCard('card-date-range', d0 && d1 ? `${d0}/${d1}` : '', d0 && d1 ? `${d0} – ${d1}` : 'no messages', r.buckets.keys.length ? `${r.buckets.keys.length} ${r.buckets.unit}s` : '');
  renderPlatformCards(r);
  renderCharts();
  renderChatsTable();
  renderTargetsTable();
  fillRecordChatSelect();
  migration.render(r, {
    chatLabel,
    exportGraph: pool?.features.graphExport && !S.partial ? exportGraph : null,
  });
}

function setCard(id: string, value: number | string, text: string, sub: string): void {
  const card = $(id);
  card.dataset.value = String(value);
  card.querySelector('.card-value')!.textContent = text;
  card.querySelector('.card-sub')!.textContent = sub;
}

function renderPlatformCards(r: Report | null): void {
  const excl = $<HTMLInputElement>('control-signature').checked;
  replaceChildren($('platform-cards'), ...PLATFORMS.map((p) => {
    const row = r?.platforms.find((x) => x.platform === p);
    const c = row ? (excl ? row.without_signature : row) : null;
    const sw = h('span', { class: 'swatch' }); sw.style.background = PLATFORM_COLOR[p];
    const card = h('button', { type: 'button', class: 'card platform-card' + (c && c.link_records ? '' : ' zero'), 'data-testid': `card-links-${p}`,
      'data-value': c ? c.link_records : '', title: `Show ${PLATFORM_LABEL[p]} link records` },
      h('span', { class: 'card-label' }, sw, PLATFORM_LABEL[p]),
      h('span', { class: 'card-value' }, c ? fmtInt(c.link_records) : '–'),
      h('span', { class: 'card-sub' }, c ? `${plural(c.messages, 'msg')} · ${plural(c.targets, 'target')}` : ''));
    card.addEventListener('click', () => { if (r) showRecords({ platform: p }); });
    return card;
  }));
}

// ------------------------------------------------------------------ charts

const charts = new Map<string, Chart>();
let migration: MigrationView;

function chatLabel(c: ReportChat): string {
  const name = c.name || (c.type === 'saved_messages' ? 'Saved messages' : `chat ${c.id}`);
  return neutralise(name) + (c.partial ? ' (partial)' : '');
}

function renderCharts(): void {
  const r = S.report;
  if (!r) return;
  const t = readTheme();
  const keys = r.buckets.keys;
  const log = $<HTMLInputElement>('control-log-scale').checked;
  const bars = $<HTMLSelectElement>('control-chart-style').value === 'bar';
  const unit = r.buckets.unit;
  const marks = (): object | undefined => eventMarkLine(r.events ?? [], keys, t);
  const val = (v: number) => (log && v <= 0 ? null : v);

  // 1. links per bucket by platform
  {
    const series: object[] = PLATFORMS.filter((p) => S.shown.has(p)).map((p) => ({
      name: PLATFORM_LABEL[p], type: bars ? 'bar' : 'line', stack: bars && !log ? 'all' : undefined,
      showSymbol: !bars, symbolSize: 4, connectNulls: false, color: PLATFORM_COLOR[p],
      emphasis: { focus: 'series' },
      data: (r.buckets.platforms[p]?.link_records ?? keys.map(() => 0)).map(val),
    }));
    attachMarks(series, marks());
    const opt = baseOption(t, keys, log, 'link records') as Record<string, any>;
    opt.legend = { ...opt.legend, type: 'plain' };  // 13 platforms: wrap instead of paging
    draw('links-per-month', series, opt, keys.length > 0);
  }

  // 2. which chats share the chosen platform's links
  {
    const p = $<HTMLSelectElement>('platform-chats-select').value as Platform;
    $('platform-chats-word').textContent = PLATFORM_LABEL[p];
    const chats = r.chats.filter((c) => (c.link_records[p] ?? 0) > 0)
      .sort((a, b) => (b.link_records[p] ?? 0) - (a.link_records[p] ?? 0));
    const shown = chats.slice(0, 25);
    $('platform-chats-hint').textContent = chats.length
      ? `${PLATFORM_LABEL[p]} link records per ${unit}, stacked by the chat that posted them — ${chats.length} chat${chats.length === 1 ? '' : 's'}` +
        (chats.length > shown.length ? ` (the ${shown.length} with most links shown)` : '') + '. Click a legend entry to hide a chat.'
      : `No chat posted ${PLATFORM_LABEL[p]} links with the current settings.`;
    const series: object[] = shown.map((c) => ({
      name: chatLabel(c), type: 'bar', stack: 'chats', emphasis: { focus: 'series' },
      data: keys.map((k) => c.link_records_per_bucket[p]?.[k] ?? 0),
    }));
    attachMarks(series, marks());
    draw('platform-chats', series, baseOption(t, keys, false, `${PLATFORM_LABEL[p]} link records`), shown.length > 0);
  }

  // 3. chat activity
  {
    const n = Number($<HTMLSelectElement>('activity-top').value);
    const top = [...r.chats].sort((a, b) => b.messages - a.messages).slice(0, n).filter((c) => c.messages > 0);
    const series: object[] = top.map((c) => ({
      name: chatLabel(c), type: 'line', showSymbol: false, emphasis: { focus: 'series' },
      data: keys.map((k) => c.messages_per_bucket[k] ?? 0),
    }));
    attachMarks(series, marks());
    draw('chat-activity', series, baseOption(t, keys, false, 'messages'), top.length > 0);
  }
  migration.redraw();
}

function attachMarks(series: object[], ml: object | undefined): void {
  if (ml && series.length) (series[0] as Record<string, unknown>).markLine = ml;
}

function draw(id: string, series: object[], opt: Record<string, unknown>, hasData: boolean): void {
  const chart = charts.get(id)!;
  chart.el.classList.toggle('empty', !hasData);
  chart.el.dataset.empty = hasData ? 'false' : 'true';
  chart.render({ ...opt, series });
}

// ------------------------------------------------------------------ tables

function chatCols(p: Platform): Col<ReportChat & { _i: number }>[] {
  const str = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
  return [
    { key: 'name', label: 'Chat', sort: (a, b) => chatLabel(a).localeCompare(chatLabel(b)), cell: (c) => h('span', { class: 'chat-name' }, bdi(chatLabel(c))) },
    { key: 'type', label: 'Type', sort: (a, b) => a.type.localeCompare(b.type), cell: (c) => h('span', { class: 'nowrap' }, c.type.replace(/_/g, ' ')) },
    { key: 'messages', label: 'Messages', num: true, sort: (a, b) => a.messages - b.messages, cell: (c) => fmtInt(c.messages) },
    { key: 'platform', label: `${PLATFORM_LABEL[p]} links`, num: true, sort: (a, b) => (a.link_records[p] ?? 0) - (b.link_records[p] ?? 0), cell: (c) => fmtInt(c.link_records[p] ?? 0) },
    { key: 'first', label: 'First', sort: (a, b) => str(a.first_date, b.first_date), cell: (c) => h('span', { class: 'nowrap' }, c.first_date?.slice(0, 10) ?? '–') },
    { key: 'last', label: 'Last', sort: (a, b) => str(a.last_date, b.last_date), cell: (c) => h('span', { class: 'nowrap' }, c.last_date?.slice(0, 10) ?? '–') },
    { key: 'links', label: 'Links by platform', cell: (c) => platformList(c) },
    { key: 'sig', label: 'Signature (self-promotion)', cell: (c) => c.signature_targets.length
        ? h('span', {}, ...c.signature_targets.slice(0, 3).flatMap((s, i) => [i ? ', ' : '', h('bdi', {}, `${neutralise(s.target)}`), h('span', { class: 'muted' }, ` ${Math.round(s.share * 100)}%`)]))
        : h('span', { class: 'muted' }, '–') },
    { key: 'show', label: '', cell: (c) => {
        const b = h('button', { type: 'button', class: 'btn small', 'data-testid': 'chat-show-records' }, 'records');
        b.addEventListener('click', () => showRecords({ chat: String(c._i) }));
        return b;
      } },
  ];
}

function platformList(c: ReportChat): HTMLElement {
  const span = h('span', { class: 'plist' });
  for (const p of PLATFORMS) {
    const n = c.link_records[p];
    if (!n) continue;
    const sw = h('span', { class: 'swatch' }); sw.style.background = PLATFORM_COLOR[p];
    span.appendChild(h('span', { class: 'pitem' }, sw, `${PLATFORM_LABEL[p]} ${fmtInt(n)}`));
  }
  if (!span.childNodes.length) span.appendChild(h('span', { class: 'muted' }, 'none'));
  return span;
}

function renderChatsTable(): void {
  const r = S.report;
  if (!r) return;
  const p = $<HTMLSelectElement>('chats-platform').value as Platform;
  const cols = chatCols(p);
  const table = $<HTMLTableElement>('table-chats');
  head(table, cols, { ...S.chatSort, onSort: (k) => {
    S.chatSort = { key: k, dir: S.chatSort.key === k ? (-S.chatSort.dir as 1 | -1) : (k === 'name' || k === 'type' ? 1 : -1) };
    renderChatsTable();
  } });
  const f = $<HTMLInputElement>('chats-filter').value.trim().toLowerCase();
  let rows = r.chats.map((c, i) => ({ ...c, _i: i }));
  if (f) rows = rows.filter((c) => `${c.name} ${c.type} ${c.file} ${c.id}`.toLowerCase().includes(f));
  const col = cols.find((c) => c.key === S.chatSort.key);
  if (col?.sort) rows.sort((a, b) => col.sort!(a, b) * S.chatSort.dir || a._i - b._i);
  body(table, cols, rows, (c) => c._i);
  $('chats-foot').textContent = `${rows.length} of ${r.chats.length} chats${f ? ' match the filter' : ''}.`;
}

function renderTargetsTable(): void {
  const r = S.report;
  if (!r) return;
  const p = $<HTMLSelectElement>('targets-platform').value as Platform;
  const rows = r.top_targets[p] ?? [];
  type T = (typeof rows)[number];
  const cols: Col<T>[] = [
    { key: 'kind', label: 'Kind', cell: (t) => h('span', { class: 'nowrap' }, t.kind) },
    { key: 'target', label: 'Target', cell: (t) => h('bdi', { class: 'target' }, neutralise(t.target)) },
    { key: 'url', label: 'First URL seen', cell: (t) => safeLink(t.url) },
    { key: 'n', label: 'Link records', num: true, cell: (t) => fmtInt(t.link_records) },
    { key: 'chats', label: 'Chats', num: true, cell: (t) => fmtInt(t.chats) },
    { key: 'sig', label: 'As signature in', num: true, cell: (t) => fmtInt(t.signature_chats) },
    { key: 'first', label: 'First seen', cell: (t) => h('span', { class: 'nowrap' }, t.first_seen.slice(0, 10)) },
    { key: 'last', label: 'Last seen', cell: (t) => h('span', { class: 'nowrap' }, t.last_seen.slice(0, 10)) },
    { key: 'show', label: '', cell: (t) => {
        const b = h('button', { type: 'button', class: 'btn small' }, 'records');
        b.addEventListener('click', () => showRecords({ platform: p, kind: t.kind, target: t.target }));
        return b;
      } },
  ];
  const table = $<HTMLTableElement>('table-targets');
  head(table, cols);
  body(table, cols, rows);
  $('targets-foot').textContent = rows.length
    ? `Top ${rows.length} ${PLATFORM_LABEL[p]} targets by link records.`
    : `No ${PLATFORM_LABEL[p]} targets with the current settings.`;
}

// ----------------------------------------------------------------- records

function showRecords(f: { platform?: string; chat?: string; kind?: string; target?: string }): void {
  S.records = { ...S.records, offset: 0, platform: f.platform ?? '', chat: f.chat ?? '', kind: f.kind ?? '', target: f.target ?? '' };
  $<HTMLSelectElement>('records-platform').value = S.records.platform;
  $<HTMLSelectElement>('records-chat').value = S.records.chat;
  void loadRecords();
  $('h-records').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function fillRecordChatSelect(): void {
  const r = S.report!;
  const sel = $<HTMLSelectElement>('records-chat');
  replaceChildren(sel, h('option', { value: '' }, 'all'), ...r.chats.map((c, i) => h('option', { value: i, selected: String(i) === S.records.chat }, chatLabel(c))));
}

let recordSeq = 0;
async function loadRecords(): Promise<void> {
  const r = S.report;
  if (!r || !pool || S.partial) return;  // records come with the final report
  const seq = ++recordSeq;
  const c = pool;
  let page: RecordPage;
  try {
    page = await c.json({ type: 'records', id: 0, query: recordQuery(S.records.offset, S.records.limit) });
  } catch (e) {
    if (seq === recordSeq) $('records-range').textContent = `Could not load records: ${errText(e)}`;
    return;
  }
  if (seq !== recordSeq || c !== pool) return;
  const byChat = new Map<string, ReportChat>();
  for (const ch of r.chats) byChat.set(`${ch.file}\u0000${ch.id}`, ch);
  const cols: Col<RecordRow>[] = [
    { key: 'date', label: 'Date (UTC)', cell: (x) => h('span', { class: 'nowrap' }, x.date.slice(0, 10), h('br'), h('span', { class: 'muted' }, x.date.slice(11, 19))) },
    { key: 'chat', label: 'Chat', cell: (x) => h('span', { class: 'chat-name' }, bdi(x.chat_name || (byChat.get(`${x.file}\u0000${x.chat_id}`)?.type === 'saved_messages' ? 'Saved messages' : `chat ${x.chat_id}`))) },
    { key: 'msg', label: 'Msg', num: true, cell: (x) => String(x.message_id) },
    { key: 'platform', label: 'Platform · kind', cell: (x) => h('span', { class: 'nowrap' }, PLATFORM_LABEL[x.platform] ?? x.platform, h('br'), h('span', { class: 'muted' }, x.kind)) },
    { key: 'target', label: 'Target', cell: (x) => h('bdi', { class: 'target' }, neutralise(x.target)) },
    { key: 'url', label: 'As written', cell: (x) => safeLink(x.url) },
    { key: 'source', label: 'Source', cell: (x) => h('span', { class: 'nowrap' }, x.source, x.forwarded ? h('br') : null, x.forwarded ? h('span', { class: 'muted' }, 'forwarded') : null) },
    { key: 'perma', label: 'Probable permalink', cell: (x) =>
        x.permalink ? safeLink(x.permalink, x.permalink.replace(/^https:\/\//, '')) : h('span', { class: 'muted' }, '–') },
  ];
  const table = $<HTMLTableElement>('table-records');
  head(table, cols);
  body(table, cols, page.rows, (_x, i) => page.offset + i);
  const end = page.offset + page.rows.length;
  $('records-range').textContent = page.total
    ? `${fmtInt(page.offset + 1)}–${fmtInt(end)} of ${fmtInt(page.total)}`
    : 'No link records match.';
  $<HTMLButtonElement>('records-prev').disabled = page.offset <= 0;
  $<HTMLButtonElement>('records-next').disabled = end >= page.total;
  const parts: string[] = [];
  if (S.records.platform) parts.push(PLATFORM_LABEL[S.records.platform as Platform]);
  if (S.records.kind) parts.push(S.records.kind);
  if (S.records.target) parts.push(`target “${neutralise(S.records.target)}”`);
  if (S.records.chat !== '') parts.push(`chat “${chatLabel(r.chats[Number(S.records.chat)])}”`);
  $('records-filter-text').textContent = parts.length ? `Showing: ${parts.join(' · ')}.` : 'Every link record, in file, chat and message order. “Probable permalink”: the chat looks public and its signature link names it, so t.me/<name>/<message id> probably opens the post.';
}

// ----------------------------------------------------------------- exports

async function exportCsv(): Promise<void> {
  if (!pool || !S.report || S.partial) return;
  const btn = $<HTMLButtonElement>('export-csv');
  btn.disabled = true;
  try {
    const r = await pool.send({ type: 'csv', id: 0, query: recordQuery(0, 0), excelSafe: $<HTMLInputElement>('export-excel-safe').checked });
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

// ------------------------------------------------------------------ events

function renderEvents(): void {
  $('events-count').textContent = String(S.events.length);
  replaceChildren($('events-list'), ...S.events.map((ev, i) => {
    const date = h('input', { type: 'date', value: ev.date, 'aria-label': `Marker ${i + 1} date`, 'data-testid': 'event-date' });
    const label = h('input', { type: 'text', value: ev.label, 'aria-label': `Marker ${i + 1} label`, 'data-testid': 'event-label', maxlength: 60 });
    const del = h('button', { type: 'button', class: 'btn small', 'aria-label': `Remove marker ${i + 1}`, 'data-testid': 'event-remove' }, 'Remove');
    const commit = () => { S.events[i] = { date: date.value, label: label.value }; saveEvents(S.events); scheduleReport(); };
    date.addEventListener('change', commit);
    label.addEventListener('input', commit);
    del.addEventListener('click', () => { S.events.splice(i, 1); saveEvents(S.events); renderEvents(); scheduleReport(); });
    return h('li', { 'data-testid': 'event-item' }, date, label, del);
  }));
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
    $(id).addEventListener('change', () => { S.records.offset = 0; scheduleReport(); });
  for (const id of ['control-log-scale', 'control-chart-style', 'activity-top', 'platform-chats-select'])
    $(id).addEventListener('change', () => renderCharts());
  $('platforms-all').addEventListener('click', () => setShown(PLATFORMS));
  $('platforms-nontelegram').addEventListener('click', () => setShown(PLATFORMS.filter((p) => p !== 'telegram')));
  $('platforms-messengers').addEventListener('click', () => setShown(PLATFORMS.filter((p) => !['telegram', 'web', 'email'].includes(p))));
  $('events-add').addEventListener('click', () => { S.events.push({ date: new Date().toISOString().slice(0, 10), label: 'New marker' }); saveEvents(S.events); renderEvents(); scheduleReport(); });
  $('events-reset').addEventListener('click', () => { S.events = DEFAULT_EVENTS.map((e) => ({ ...e })); saveEvents(S.events); renderEvents(); scheduleReport(); });

  $('chats-filter').addEventListener('input', () => renderChatsTable());
  $('chats-platform').addEventListener('change', () => { S.chatSort = { key: 'platform', dir: -1 }; renderChatsTable(); });
  $('targets-platform').addEventListener('change', () => renderTargetsTable());
  $('records-platform').addEventListener('change', (e) => { S.records.platform = (e.target as HTMLSelectElement).value; S.records.kind = ''; S.records.target = ''; S.records.offset = 0; void loadRecords(); });
  $('records-chat').addEventListener('change', (e) => { S.records.chat = (e.target as HTMLSelectElement).value; S.records.offset = 0; void loadRecords(); });
  $('records-clear').addEventListener('click', () => showRecords({}));
  $('records-prev').addEventListener('click', () => { S.records.offset = Math.max(0, S.records.offset - S.records.limit); void loadRecords(); });
  $('records-next').addEventListener('click', () => { S.records.offset += S.records.limit; void loadRecords(); });

  $('export-csv').addEventListener('click', () => void exportCsv());
  $('export-json').addEventListener('click', exportJson);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    b.addEventListener('click', () => {
      const c = charts.get(b.dataset.chart!);
      if (!c) return;
      if (b.dataset.export === 'svg') c.exportSvg(); else c.exportPng(readTheme().bg);
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => renderCharts());
}

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

function pickLabel(picked: Picked[]): string {
  const folders = picked.filter((p) => p.kind === 'folder').length;
  return [picked.length - folders ? plural(picked.length - folders, 'file') : '', folders ? plural(folders, 'folder') : ''].filter(Boolean).join(' and ');
}

function init(): void {
  for (const id of ['links-per-month', 'platform-chats', 'chat-activity']) charts.set(id, new Chart($(`chart-${id}`), id));
  migration = new MigrationView();
  for (const c of [migration.timeline, migration.graph]) charts.set(c.id, c);
  files = new FileList($('file-list'));
  fillTzSelect($('control-tz'));
  fillTzSelect($('control-html-tz'));
  fillPlatformSelect($('platform-chats-select'), false, 'signal');
  fillPlatformSelect($('chats-platform'), false, 'signal');
  fillPlatformSelect($('targets-platform'), false, 'signal');
  fillPlatformSelect($('records-platform'), true, '');
  renderPlatformChecks();
  renderEvents();
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
