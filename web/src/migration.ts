// The Migration view (issue 5): who announced a move or a backup channel, and
// what each announcing chat did next; the evidence behind a row; before/after
// panels per event; the successor graph with its exports.
// Renders the report's "announcements", "outcomes", "events" and "graph"
// sections as they are: every number and bucket comes from the core. The page
// only groups announcements by chat and lays out the graph. Export text is shown as text (bidi controls neutralised), and only
// http(s) URLs become links.
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import {
  PLATFORM_LABEL, PLATFORM_COLOR, type Report, type ReportChat, type Announcement, type ChatOutcome,
  type Outcome, type EventReport, type EventWindow, type GraphNode, type GraphEdge, type Platform,
} from './report';
import type { GraphFormat } from './protocol';
import { h, replaceChildren, neutralise, safeLink, bdi, fmtInt, plural, svg } from './safe';
import { Chart, baseOption, eventMarkLine, readTheme, type ChartMarker } from './charts';
import { type Col, body, dataTable, head } from './table';
import { $ } from './dom';

echarts.use([GraphChart]);

/** What the view needs from the page around it. */
export interface MigrationHost {
  chatLabel(c: ReportChat): string;
  /** Null when this wasm build cannot export the graph (the buttons stay disabled). */
  exportGraph: ((format: GraphFormat) => Promise<void>) | null;
}


export const OUTCOME_LABEL: Record<Outcome, string> = {
  stayed: 'stayed', paused_then_resumed: 'paused, then resumed', went_silent: 'went silent',
  continued_elsewhere: 'continued elsewhere', declined: 'declined',
};

const TYPE_LABEL: Record<string, string> = {
  move: 'move', backup: 'backup', new_channel: 'new channel', contact_elsewhere: 'contact elsewhere', leaving: 'leaving',
};

/** Why chat `continued_in` is taken to continue the announcing chat, in plain words. */
function continuationReason(o: ChatOutcome, r: Report): string {
  switch (o.continued_by) {
    case 'born_with_announcement':
      return `its first message came within ${r.options.successor_birth_days} days of the announcement, and it links the announced Telegram name more than any other chat does`;
    case 'same_name':
      return 'it carries this chat\'s name and posts after the announcement';
    case 'successor':
      return 'this chat ended and it is the best-ranked successor of its lifecycle (its name, links between the two, how soon it began)';
    default:
      return 'it is the announced destination (its name, or the link it signs its posts with)';
  }
}

/** A plain-language reading of an outcome, with the thresholds the core used (report.options). */
export function explainOutcome(o: ChatOutcome, r: Report, host: MigrationHost): string {
  const opt = r.options;
  const counts = `${fmtInt(o.messages_after_90d)} messages in the 90 days after the first announcement, ${fmtInt(o.messages_before_90d)} in the 90 days before`;
  const next = o.continued_in == null ? undefined : r.chats[o.continued_in];
  const alsoLoaded = next && o.outcome !== 'continued_elsewhere'
    ? ` “${host.chatLabel(next)}” is loaded too and looks like its continuation (${continuationReason(o, r)}), but this chat did not stop posting here.` : '';
  switch (o.outcome) {
    case 'stayed':
      return `Kept posting here: ${counts} (at least ${Math.round(opt.outcome_stayed_ratio * 100)}% of the earlier rate counts as staying).${alsoLoaded}`;
    case 'declined':
      return `Still posting here, but less: ${counts}.${alsoLoaded}`;
    case 'paused_then_resumed':
      return `Went quiet for ${fmtInt(o.longest_silence_days)} days after the announcement (a pause is ${opt.outcome_pause_days} days or more, ` +
        `and at least ${opt.outcome_pause_vs_before}× its longest silence in the year before: ${fmtInt(o.longest_silence_before_days ?? 0)} days), then posted here again.${alsoLoaded}`;
    case 'went_silent':
      return `Stopped posting here: its last message came at most ${opt.outcome_silent_within_days} days after the announcement, ` +
        `or at least ${opt.outcome_silent_end_days} days before the loaded data ends (last message ${o.last_date.slice(0, 10)}, ` +
        `${fmtInt(o.days_to_corpus_end)} days before the end).`;
    case 'continued_elsewhere':
      return `Stopped or slowed down here (last message ${o.last_date.slice(0, 10)}), and another loaded chat continues it` +
        `${next ? `: “${host.chatLabel(next)}”` : ''} — ${continuationReason(o, r)}.`;
  }
  return '';
}

// ------------------------------------------------------------------ helpers

/** The first URL the core saw for a destination (graph node, else the top-targets table); null if unknown. */
function destinationUrl(r: Report, platform: Platform, kind: string, target: string): string | null {
  for (const n of r.graph?.nodes ?? [])
    if (n.type === 'target' && n.platform === platform && n.kind === kind && n.target === target) return n.url;
  return r.top_targets[platform]?.find((t) => t.kind === kind && t.target === target)?.url ?? null;
}

/** Platform · kind and the target as text; `full` adds the first URL seen (a link only if http(s)), else the target is clipped. */
function destination(r: Report, a: Announcement, full: boolean): HTMLElement {
  if (a.platform === null || a.kind === null || a.target === null) return h('span', { class: 'muted' }, 'none named');
  const url = full ? destinationUrl(r, a.platform, a.kind, a.target) : null;
  const target = neutralise(a.target);
  return h('span', { class: 'dest' },
    h('span', { class: 'nowrap' }, `${PLATFORM_LABEL[a.platform] ?? neutralise(a.platform)} · ${neutralise(a.kind)}`), h('br'),
    h('bdi', { class: full ? 'target' : 'target clip', title: full ? null : target }, target),
    url ? h('span', { class: 'dest-url' }, safeLink(url)) : null);
}

const pct = (v: number | null) => (v == null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`);
const day = (iso: string) => iso.slice(0, 10);

/** A small inline SVG of a chat's messages per bucket, with the announcement buckets marked. */
function sparkline(r: Report, chat: ReportChat, marks: string[]): SVGSVGElement {
  const keys = r.buckets.keys;
  const W = 110, H = 30, pad = 2;
  const vals = keys.map((k) => chat.messages_per_bucket[k] ?? 0);
  const max = Math.max(1, ...vals);
  const x = (i: number) => pad + (keys.length > 1 ? (i * (W - 2 * pad)) / (keys.length - 1) : (W - 2 * pad) / 2);
  const y = (v: number) => H - pad - (v / max) * (H - 2 * pad);
  const s = svg('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'spark', role: 'img' });
  const title = svg('title', {});
  title.textContent = `Messages per ${r.buckets.unit}, at most ${fmtInt(max)}; announcement${marks.length === 1 ? '' : 's'} in ${marks.join(', ') || 'no shown bucket'}`;
  s.appendChild(title);
  s.setAttribute('aria-label', title.textContent);
  for (const m of new Set(marks)) {
    const i = keys.indexOf(m);
    if (i >= 0) s.appendChild(svg('line', { x1: x(i), x2: x(i), y1: 0, y2: H, class: 'spark-mark' }));
  }
  s.appendChild(svg('polyline', { points: vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '), class: 'spark-line' }));
  return s;
}

// --------------------------------------------------------------------- view

interface Row { o: ChatOutcome; chat: ReportChat; anns: Announcement[] }

/** The announcement the outcome is dated from (first_announcement: the first move, backup or new
 *  channel; an earlier contact line does not count), else the first. */
const atA = (x: Row): Announcement => x.anns.find((a) => a.date === x.o.first_announcement) ?? x.anns[0];

/** The Migration view; one instance bound to the static skeleton in index.html. */
export class MigrationView {
  readonly timeline: Chart;
  readonly graph: Chart;
  private report: Report | null = null;
  private host: MigrationHost | null = null;
  private rows: Row[] = [];
  private selected = -1;   // index into rows

  constructor() {
    this.timeline = new Chart($('chart-migration-timeline'), 'migration-timeline');
    this.graph = new Chart($('chart-migration-graph'), 'migration-graph');
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-graph-export]')) {
      b.addEventListener('click', async () => {
        const run = this.host?.exportGraph;
        if (!run) return;
        b.disabled = true;
        try { await run(b.dataset.graphExport as GraphFormat); } finally { b.disabled = false; }
      });
    }
  }

  clear(): void {
    this.report = null;
    this.rows = [];
    this.selected = -1;
    this.timeline.clear();
    this.graph.clear();
    replaceChildren($('table-migration').querySelector('tbody')!);
    replaceChildren($('migration-foot'));
    replaceChildren($('migration-events'));
    replaceChildren($('migration-chains'));
    $('migration-evidence').hidden = true;
    $('chart-migration-graph').classList.add('empty');
    this.setExportButtons(false, '');
  }

  render(r: Report, host: MigrationHost): void {
    const keep = this.selected >= 0 ? this.rows[this.selected]?.o.chat : undefined;
    this.report = r;
    this.host = host;
    this.rows = (r.outcomes ?? []).filter((o) => r.chats[o.chat]).map((o) => ({
      o, chat: r.chats[o.chat], anns: (r.announcements ?? []).filter((a) => a.chat === o.chat),
    }));
    this.renderTable();
    this.select(this.rows.findIndex((x) => x.o.chat === keep), false);
    this.renderEvents();
    this.renderChains();
    this.redraw();
    const can = host.exportGraph !== null && r.graph !== undefined;
    this.setExportButtons(can, can ? '' : host.exportGraph === null
      ? 'This build of the analysis engine has no graph export yet.'
      : 'This report has no successor graph.');
  }

  /** Charts only (theme or bucket changed). */
  redraw(): void {
    if (!this.report) return;
    this.drawTimeline();
    this.drawGraph();
  }

  private setExportButtons(enabled: boolean, why: string): void {
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-graph-export]')) {
      b.disabled = !enabled;
      if (why) b.title = why; else b.removeAttribute('title');
    }
    $('migration-graph-note').textContent = why;
  }

  // ---------------------------------------------------------------- table

  private renderTable(): void {
    const r = this.report!, host = this.host!;
    const cols: Col<Row>[] = [
      { key: 'chat', label: 'Chat', cell: (x, i) => {
          const b = h('button', { type: 'button', class: 'linkish chat-name', 'data-testid': 'migration-select',
            'aria-controls': 'migration-evidence', 'aria-expanded': 'false' }, bdi(host.chatLabel(x.chat)));
          b.addEventListener('click', (e) => { e.stopPropagation(); this.select(i, true); });
          return b;
        } },
      { key: 'first', label: 'Announced', cell: (x) => h('span', { class: 'nowrap' }, day(x.o.first_announcement)) },
      { key: 'type', label: 'Type', cell: (x) => [...new Set(x.anns.map((a) => TYPE_LABEL[a.type] ?? a.type))].join(', ') || '–' },
      { key: 'dest', label: 'Destination', cell: (x) => x.anns.length
          ? h('span', {}, destination(r, atA(x), false), x.anns.length > 1 ? h('span', { class: 'muted' }, ` (+${x.anns.length - 1} more)`) : null)
          : h('span', { class: 'muted' }, '–') },
      { key: 'outcome', label: 'Outcome', cell: (x) => {
          const next = x.o.continued_in == null || x.o.outcome !== 'continued_elsewhere' ? undefined : r.chats[x.o.continued_in];
          return h('span', {},
            h('span', { class: `outcome outcome-${x.o.outcome}`, title: explainOutcome(x.o, r, host), 'data-testid': 'migration-outcome' }, OUTCOME_LABEL[x.o.outcome] ?? x.o.outcome),
            next ? h('span', { class: 'muted' }, ' → ', bdi(host.chatLabel(next))) : null);
        } },
      { key: 'msgs', label: 'Messages before → after', num: true, cell: (x) => h('span', { class: 'nowrap' },
          `30 days: ${fmtInt(x.o.messages_before_30d)} → ${fmtInt(x.o.messages_after_30d)}`, h('br'),
          `90 days: ${fmtInt(x.o.messages_before_90d)} → ${fmtInt(x.o.messages_after_90d)}`) },
      { key: 'spark', label: `Messages per ${r.buckets.unit}`, cell: (x) =>
          sparkline(r, x.chat, x.anns.map((a) => a.bucket).filter((k) => r.buckets.keys.includes(k))) },
    ];
    const table = $<HTMLTableElement>('table-migration');
    head(table, cols);
    body(table, cols, this.rows, (x) => x.o.chat);
    [...table.tBodies[0].rows].forEach((tr, i) => {
      tr.dataset.outcome = this.rows[i].o.outcome;
      tr.classList.add('selectable');
      tr.addEventListener('click', () => this.select(i, true));
    });
    const n = r.announcements?.length ?? 0;
    $('migration-foot').textContent = r.outcomes === undefined
      ? 'Announcement detection is off in this report.'
      : this.rows.length
        ? `${fmtInt(this.rows.length)} chat${this.rows.length === 1 ? '' : 's'} announced a move, a backup or new channel, or a contact elsewhere (${fmtInt(n)} announcement${n === 1 ? '' : 's'}). Select a chat for the evidence.`
        : 'No chat announced a move, a backup or new channel, or a contact elsewhere in the selected range.';
  }

  private select(i: number, scroll: boolean): void {
    this.selected = i >= 0 && i < this.rows.length ? i : -1;
    const table = $<HTMLTableElement>('table-migration');
    [...table.tBodies[0].rows].forEach((tr, j) => {
      const on = j === this.selected;
      if (on) tr.setAttribute('aria-current', 'true'); else tr.removeAttribute('aria-current');
      tr.querySelector('[data-testid="migration-select"]')?.setAttribute('aria-expanded', String(on));
    });
    const panel = $('migration-evidence');
    panel.hidden = this.selected < 0;
    if (this.selected < 0) { this.timeline.clear(); return; }
    this.renderEvidence();
    this.drawTimeline();
    if (scroll) panel.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  // ------------------------------------------------------------- evidence

  private renderEvidence(): void {
    const r = this.report!, host = this.host!;
    const { o, chat, anns } = this.rows[this.selected];
    const panel = $('migration-evidence');
    panel.dataset.chat = String(o.chat);
    replaceChildren($('migration-evidence-title'), 'Evidence: ', bdi(host.chatLabel(chat)));
    replaceChildren($('migration-evidence-outcome'),
      h('span', { class: `outcome outcome-${o.outcome}` }, OUTCOME_LABEL[o.outcome] ?? o.outcome), ' ', explainOutcome(o, r, host));
    const cols: Col<Announcement>[] = [
      { key: 'date', label: 'Date (UTC)', cell: (a) => h('span', { class: 'nowrap' }, day(a.date), h('br'), h('span', { class: 'muted' }, a.date.slice(11, 19))) },
      { key: 'msg', label: 'Message id', num: true, cell: (a) => String(a.message_id) },
      { key: 'type', label: 'Type', cell: (a) => TYPE_LABEL[a.type] ?? a.type },
      { key: 'phrase', label: 'Matched phrase', cell: (a) => h('q', { class: 'phrase', 'data-testid': 'migration-phrase', lang: /^[a-z]{2,3}$/.test(a.language) ? a.language : null, dir: 'auto' }, neutralise(a.phrase)) },
      { key: 'dest', label: 'Destination', cell: (a) => destination(r, a, true) },
    ];
    replaceChildren($('migration-evidence-list'), dataTable(cols, anns, 'Announcement messages of this chat', { 'data-testid': 'table-migration-evidence' }));
  }

  private drawTimeline(): void {
    if (this.selected < 0 || !this.report) return;
    const r = this.report, host = this.host!;
    const { o, chat, anns } = this.rows[this.selected];
    const t = readTheme();
    const keys = r.buckets.keys;
    const marks: ChartMarker[] = anns.map((a) => ({ bucket: a.bucket, label: `${TYPE_LABEL[a.type] ?? a.type} (msg ${a.message_id})` }));
    const series: object[] = [{
      name: host.chatLabel(chat), type: 'bar', color: PLATFORM_COLOR.telegram,
      data: keys.map((k) => chat.messages_per_bucket[k] ?? 0), markLine: eventMarkLine(marks, keys, t),
    }];
    const next = o.continued_in == null ? undefined : r.chats[o.continued_in];
    if (next) series.push({ name: `${host.chatLabel(next)} (continuation)`, type: 'bar', color: '#59a14f', data: keys.map((k) => next.messages_per_bucket[k] ?? 0) });
    const opt = baseOption(t, keys, false, 'messages') as Record<string, unknown>;
    this.timeline.el.classList.toggle('empty', keys.length === 0);
    this.timeline.render({ ...opt, grid: { left: 56, right: 20, top: 72, bottom: 56 }, series });
  }

  // --------------------------------------------------------------- events

  private renderEvents(): void {
    const r = this.report!, host = this.host!;
    const box = $('migration-events');
    if (!r.events) {
      replaceChildren(box, h('p', { class: 'hint' }, 'This report has no event windows (the analysis engine of this build does not compute them yet).'));
      return;
    }
    if (!r.events.length) { replaceChildren(box, h('p', { class: 'hint' }, 'No event dates.')); return; }
    replaceChildren(box, ...r.events.map((ev, i) => this.eventPanel(ev, i, r, host)));
  }

  private eventPanel(ev: EventReport, i: number, r: Report, host: MigrationHost): HTMLElement {
    type P = EventWindow['platforms'][number];
    const change = (v: number | null) => h('span', { class: v == null ? 'muted' : v > 0 ? 'up' : v < 0 ? 'down' : '' }, pct(v));
    const moved = (p: P) => p.link_records_before > 0 || p.link_records_after > 0;
    const overallCols: Col<{ name: string; before: number; after: number; change: number | null }>[] = [
      { key: 'what', label: 'What', cell: (x) => x.name },
      { key: 'before', label: 'Before', num: true, cell: (x) => fmtInt(x.before) },
      { key: 'after', label: 'After', num: true, cell: (x) => fmtInt(x.after) },
      { key: 'change', label: 'Change', num: true, cell: (x) => change(x.change) },
    ];
    const overall = [
      { name: 'Messages', before: ev.overall.messages_before, after: ev.overall.messages_after, change: ev.overall.messages_change_pct },
      ...ev.overall.platforms.filter(moved).map((p) => ({
        name: `${PLATFORM_LABEL[p.platform] ?? neutralise(p.platform)} link records`, before: p.link_records_before, after: p.link_records_after, change: p.change_pct })),
    ];
    type C = EventReport['chats'][number];
    const chatName = (c: C) => (r.chats[c.chat] ? host.chatLabel(r.chats[c.chat]) : neutralise(c.chat_name));
    const chatCols: Col<C>[] = [
      { key: 'chat', label: 'Chat', cell: (c) => h('span', { class: 'chat-name' }, bdi(chatName(c))) },
      { key: 'before', label: 'Messages before', num: true, cell: (c) => fmtInt(c.messages_before) },
      { key: 'after', label: 'after', num: true, cell: (c) => fmtInt(c.messages_after) },
      { key: 'change', label: 'Change', num: true, cell: (c) => change(c.messages_change_pct) },
      { key: 'links', label: 'Link records before → after', cell: (c) => {
          const ps = c.platforms.filter(moved);
          return ps.length ? h('span', { class: 'plist' }, ...ps.map((p) => h('span', { class: 'pitem' },
            `${PLATFORM_LABEL[p.platform] ?? neutralise(p.platform)} ${fmtInt(p.link_records_before)} → ${fmtInt(p.link_records_after)}`)))
            : h('span', { class: 'muted' }, 'none');
        } },
    ];
    const LIMIT = 100;
    const chats = [...ev.chats].sort((a, b) => (b.messages_before + b.messages_after) - (a.messages_before + a.messages_after)).slice(0, LIMIT);
    const span = (m: string[]) => (m.length ? `${m[0]} – ${m[m.length - 1]}` : 'none');
    return h('article', { class: 'event-panel', 'data-testid': 'migration-event', 'aria-labelledby': `h-event-${i}` },
      h('h3', { id: `h-event-${i}` }, bdi(ev.label), ' ', h('span', { class: 'muted' }, `(${ev.date})`)),
      h('p', { class: 'hint' }, `Months before: ${span(ev.months_before)}; after: ${span(ev.months_after)}. Change in % of before (– when before is zero).`),
      h('div', { class: 'table-wrap' }, dataTable(overallCols, overall, `All chats around ${neutralise(ev.label)}`, { 'data-testid': 'migration-event-overall' })),
      h('details', { class: 'event-chats' },
        h('summary', {}, `Per chat (${fmtInt(ev.chats.length)}${ev.chats.length > LIMIT ? `, the ${LIMIT} most active shown` : ''})`),
        h('div', { class: 'table-wrap' }, dataTable(chatCols, chats, `Chats around ${neutralise(ev.label)}`))));
  }

  // ---------------------------------------------------------------- graph

  private nodeName(n: GraphNode | undefined): string {
    if (!n) return '?';
    if (n.type === 'chat') return this.report!.chats[n.chat] ? this.host!.chatLabel(this.report!.chats[n.chat]) : neutralise(n.label);
    return neutralise(n.label || n.target);
  }

  /** Ordered chains: each chat with outgoing edges, its destinations by first date, nested where a destination is a chat. */
  private renderChains(): void {
    const g = this.report!.graph;
    const box = $('migration-chains');
    if (!g) { replaceChildren(box, h('p', { class: 'hint' }, 'This report has no successor graph (the analysis engine of this build does not compute it yet).')); return; }
    const nodes = new Map(g.nodes.map((n) => [n.id, n]));
    const out = new Map<number, GraphEdge[]>();
    for (const e of g.edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e);
    for (const list of out.values()) list.sort((a, b) => a.first.localeCompare(b.first) || b.weight - a.weight);
    const seen = new Set<number>();
    const item = (id: number, depth: number): HTMLElement => {
      seen.add(id);
      const n = nodes.get(id);
      const edges = out.get(id) ?? [];
      const li = h('li', { 'data-testid': 'migration-chain-node' }, h('span', { class: n?.type === 'chat' ? 'chat-name' : 'target' }, bdi(this.nodeName(n))));
      if (n?.type === 'target') li.append(' ', h('span', { class: 'muted' }, `${PLATFORM_LABEL[n.platform] ?? neutralise(n.platform)} · ${neutralise(n.kind)}`));
      if (edges.length && depth < 6) {
        li.appendChild(h('ul', {}, ...edges.map((e) => {
          const what = e.relation === 'announced' ? `announced (${e.announcement_types.map((t) => TYPE_LABEL[t] ?? t).join(', ')})` : 'cross-linked';
          const sub = seen.has(e.to) ? h('li', {}, bdi(this.nodeName(nodes.get(e.to))), h('span', { class: 'muted' }, ' (above)')) : item(e.to, depth + 1);
          sub.prepend(h('span', { class: `rel rel-${e.relation}` }, `→ ${what}, ${plural(e.weight, 'time')}, ${day(e.first)}${e.last !== e.first ? ` – ${day(e.last)}` : ''}: `));
          return sub;
        })));
      }
      return li;
    };
    const roots = g.nodes.filter((n) => n.type === 'chat' && out.has(n.id))
      .sort((a, b) => out.get(a.id)![0].first.localeCompare(out.get(b.id)![0].first));
    const LIMIT = 100;
    const items: HTMLElement[] = [];
    let cut = false;
    for (const n of roots) {
      if (seen.has(n.id)) continue;
      if (items.length === LIMIT) { cut = true; break; }
      items.push(item(n.id, 0));
    }
    replaceChildren(box, items.length
      ? h('ol', { class: 'chains', 'data-testid': 'migration-chains-list' }, ...items)
      : h('p', { class: 'hint' }, 'No successor edges.'),
      cut ? h('p', { class: 'hint' }, `The first ${items.length} chains by date are listed.`) : null);
  }

  private drawGraph(): void {
    const g = this.report?.graph;
    const el = $('chart-migration-graph');
    if (!g || !g.edges.length) { this.graph.clear(); el.classList.add('empty'); el.dataset.empty = 'true'; return; }
    el.classList.remove('empty');
    el.dataset.empty = 'false';
    const t = readTheme();
    const edges = [...g.edges].sort((a, b) => b.weight - a.weight).slice(0, 300);
    const used = new Set(edges.flatMap((e) => [e.from, e.to]));
    const nodes = g.nodes.filter((n) => used.has(n.id));
    this.graph.render({
      animation: false,
      backgroundColor: 'transparent',
      textStyle: { color: t.fg },
      tooltip: { confine: true, backgroundColor: t.bg, borderColor: t.grid, textStyle: { color: t.fg }, formatter: (p: unknown) => this.graphTooltip(p, g.nodes) },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        force: { repulsion: 140, edgeLength: [40, 110], gravity: 0.08 },
        categories: [{ name: 'chat', itemStyle: { color: t.accent } }, { name: 'target' }],
        label: { show: true, position: 'right', color: t.fg, fontSize: 11 },
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
        data: nodes.map((n) => ({
          id: String(n.id), name: this.nodeName(n), category: n.type === 'chat' ? 0 : 1,
          symbolSize: n.type === 'chat' ? 16 : 10,
          itemStyle: n.type === 'target' ? { color: PLATFORM_COLOR[n.platform] ?? t.muted } : undefined,
          label: { show: n.type === 'chat' },
        })),
        links: edges.map((e) => ({
          source: String(e.from), target: String(e.to), value: e.weight,
          lineStyle: { color: t.muted, width: 1 + Math.log2(e.weight), type: e.relation === 'announced' ? 'solid' : 'dashed', opacity: 0.8 },
        })),
      }],
    });
  }

  private graphTooltip(p: unknown, all: GraphNode[]): HTMLElement {
    const q = p as { dataType?: string; data?: { id?: string; source?: string; target?: string; value?: number } };
    const byId = (s: string | undefined) => all.find((n) => String(n.id) === s);
    if (q.dataType === 'edge') {
      return h('div', { class: 'tt' }, h('div', { class: 'tt-head' }, bdi(this.nodeName(byId(q.data?.source)))),
        h('div', {}, '→ ', bdi(this.nodeName(byId(q.data?.target)))), h('div', { class: 'muted' }, plural(q.data?.value ?? 0, 'time')));
    }
    const n = byId(q.data?.id);
    return h('div', { class: 'tt' }, h('div', { class: 'tt-head' }, bdi(this.nodeName(n))),
      n?.type === 'target' ? h('div', { class: 'muted' }, `${PLATFORM_LABEL[n.platform] ?? neutralise(n.platform)} · ${neutralise(n.kind)}`) : h('div', { class: 'muted' }, 'chat'));
  }
}
