// The Lifecycles view (issue 12): every chat's active span, longest silence,
// whether it ended before the loaded data does, the ranked chats that may
// continue it, and the backup channels it announced. A sortable table and
// swimlanes (one lane per chat: its active span, its longest silence, its
// announcements, an arrow to its best successor). Renders the report's
// chats[].lifecycle and announcements as they are: the core decides what ended
// and who succeeds whom; the page only sorts, filters and draws.
import { type Report, type ReportChat, type SuccessorEvidence } from './report';
import { h, replaceChildren, bdi, fmtInt, svg } from './safe';
import { type Col, body, byText, head } from './table';
import { $ } from './dom';

/** What the view needs from the page around it. */
export interface LifecycleHost { chatLabel(c: ReportChat): string; }

interface Row { i: number; chat: ReportChat; }

const EVIDENCE_LABEL: Record<SuccessorEvidence, string> = {
  announced: 'announced it', name: 'same name', cross_link: 'links between them',
};
const MAX_LANES = 60;
const DAY = 86_400_000;

export class LifecycleView {
  private report: Report | null = null;
  private host: LifecycleHost | null = null;
  private sort: { key: string; dir: 1 | -1 } = { key: 'ended', dir: -1 };

  constructor() {
    $('lifecycle-filter').addEventListener('change', () => this.renderAll());
  }

  clear(): void {
    this.report = null;
    replaceChildren($<HTMLTableElement>('table-lifecycle').tBodies[0]);
    replaceChildren($('lifecycle-foot'));
    replaceChildren($('lifecycle-lanes'));
  }

  render(r: Report, host: LifecycleHost): void {
    this.report = r;
    this.host = host;
    this.renderAll();
  }

  private rows(): Row[] {
    const r = this.report!;
    const endedOnly = $<HTMLSelectElement>('lifecycle-filter').value === 'ended';
    return r.chats.map((chat, i) => ({ i, chat })).filter((x) => x.chat.lifecycle && (!endedOnly || x.chat.lifecycle.ended));
  }

  private renderAll(): void {
    if (!this.report) return;
    const rows = this.rows();
    this.renderTable(rows);
    this.renderLanes(rows);
  }

  private cols(): Col<Row>[] {
    const r = this.report!, host = this.host!;
    const lc = (x: Row) => x.chat.lifecycle!;
    const num = (f: (x: Row) => number) => (a: Row, b: Row) => f(a) - f(b);
    return [
      { key: 'chat', label: 'Chat', sort: (a, b) => host.chatLabel(a.chat).localeCompare(host.chatLabel(b.chat)),
        cell: (x) => h('span', { class: 'chat-name' }, bdi(host.chatLabel(x.chat))) },
      { key: 'first', label: 'First', sort: (a, b) => byText(a.chat.first_date, b.chat.first_date),
        cell: (x) => h('span', { class: 'nowrap' }, x.chat.first_date?.slice(0, 10) ?? '–') },
      { key: 'last', label: 'Last', sort: (a, b) => byText(a.chat.last_date, b.chat.last_date),
        cell: (x) => h('span', { class: 'nowrap' }, x.chat.last_date?.slice(0, 10) ?? '–') },
      { key: 'active', label: 'Active days', num: true, sort: num((x) => lc(x).active_days), cell: (x) => fmtInt(lc(x).active_days) },
      { key: 'silence', label: 'Longest silence', num: true, sort: num((x) => lc(x).longest_silence_days),
        cell: (x) => h('span', { class: 'nowrap' }, `${fmtInt(lc(x).longest_silence_days)} d`,
          lc(x).longest_silence_from ? h('span', { class: 'muted' }, ` from ${lc(x).longest_silence_from!.slice(0, 10)}`) : null) },
      { key: 'ended', label: 'Ended', sort: num((x) => (lc(x).ended ? 1 : 0) * 1e6 + lc(x).days_to_corpus_end),
        cell: (x) => h('span', { class: lc(x).ended ? 'outcome outcome-went_silent' : 'muted', 'data-testid': 'lifecycle-ended' },
          lc(x).ended ? `ended ${fmtInt(lc(x).days_to_corpus_end)} d before the data` : 'active') },
      { key: 'successors', label: 'May be continued by', sort: num((x) => lc(x).successors[0]?.score ?? 0),
        cell: (x) => lc(x).successors.length
          ? h('ol', { class: 'successors', 'data-testid': 'lifecycle-successors' }, ...lc(x).successors.map((s) => h('li', {},
              bdi(host.chatLabel(r.chats[s.chat])),
              h('span', { class: 'muted' }, ` score ${s.score}: ${s.evidence.map((e) => EVIDENCE_LABEL[e] ?? e).join(', ')}; began ${gap(s.gap_days)}`))))
          : h('span', { class: 'muted' }, '–') },
      { key: 'backups', label: 'Backup channels', sort: num((x) => lc(x).backups.length),
        cell: (x) => lc(x).backups.length
          ? h('span', {}, ...lc(x).backups.flatMap((b, k) => [k ? ', ' : '', h('bdi', {}, b.target),
              h('span', { class: 'muted' }, b.chat == null ? ' (not loaded)' : b.posting_moved ? ' (posting moved there)' : ' (loaded)')]))
          : h('span', { class: 'muted' }, '–') },
    ];
  }

  private renderTable(rows: Row[]): void {
    const cols = this.cols();
    const table = $<HTMLTableElement>('table-lifecycle');
    const sort = this.sort;
    head(table, cols, { ...sort, onSort: (k) => {
      this.sort = { key: k, dir: sort.key === k ? (-sort.dir as 1 | -1) : (k === 'chat' || k === 'first' ? 1 : -1) };
      this.renderAll();
    } });
    const col = cols.find((c) => c.key === sort.key);
    if (col?.sort) rows.sort((a, b) => col.sort!(a, b) * sort.dir || a.i - b.i);
    body(table, cols, rows, (x) => x.i);
    const all = this.report!.chats.filter((c) => c.lifecycle);
    const ended = all.filter((c) => c.lifecycle!.ended).length;
    $('lifecycle-foot').textContent = `${fmtInt(rows.length)} of ${fmtInt(all.length)} chats shown; ${fmtInt(ended)} ended at least ` +
      `${this.report!.options.outcome_silent_end_days} days before the loaded data ends.`;
  }

  /** One lane per chat in the table's order (at most MAX_LANES). */
  private renderLanes(rows: Row[]): void {
    const r = this.report!, host = this.host!;
    const box = $('lifecycle-lanes');
    const lanes = rows.filter((x) => x.chat.first_date && x.chat.last_date).slice(0, MAX_LANES);
    if (!lanes.length || !r.totals.first_date || !r.totals.last_date) { replaceChildren(box); return; }
    const t0 = Date.parse(r.totals.first_date), t1 = Math.max(Date.parse(r.totals.last_date), t0 + DAY);
    const LABEL = 180, W = 900, LANE = 16, TOP = 18;
    const x = (iso: string) => LABEL + ((Date.parse(iso) - t0) / (t1 - t0)) * (W - LABEL - 10);
    const s = svg('svg', { viewBox: `0 0 ${W} ${TOP + lanes.length * LANE + 4}`, class: 'lanes', role: 'img',
      'aria-label': `Swimlanes of ${lanes.length} chats from ${r.totals.first_date.slice(0, 10)} to ${r.totals.last_date.slice(0, 10)}: active span, longest silence, announcements, best successor (details in the table)` });
    const axis = (iso: string, anchor: string) => {
      const t = svg('text', { x: x(iso), y: 11, class: 'lane-axis', 'text-anchor': anchor });
      t.textContent = iso.slice(0, 10);
      s.appendChild(t);
    };
    axis(r.totals.first_date, 'start');
    axis(r.totals.last_date, 'end');
    const laneOf = new Map(lanes.map((l, k) => [l.i, k]));
    lanes.forEach((l, k) => {
      const lc = l.chat.lifecycle!, y = TOP + k * LANE + LANE / 2;
      const name = svg('text', { x: LABEL - 6, y: y + 4, class: 'lane-name', 'text-anchor': 'end' });
      name.textContent = host.chatLabel(l.chat).slice(0, 28);
      s.appendChild(name);
      const bar = svg('line', { x1: x(l.chat.first_date!), x2: Math.max(x(l.chat.last_date!), x(l.chat.first_date!) + 1), y1: y, y2: y,
        class: lc.ended ? 'lane-bar lane-ended' : 'lane-bar' });
      const tip = svg('title', {});
      tip.textContent = `${host.chatLabel(l.chat)}: ${l.chat.first_date!.slice(0, 10)} – ${l.chat.last_date!.slice(0, 10)}${lc.ended ? ', ended' : ''}`;
      bar.appendChild(tip);
      s.appendChild(bar);
      if (lc.longest_silence_from && lc.longest_silence_days > 0) {
        const from = lc.longest_silence_from;
        const to = new Date(Date.parse(from) + lc.longest_silence_days * DAY).toISOString();
        s.appendChild(svg('line', { x1: x(from), x2: x(to), y1: y, y2: y, class: 'lane-silence' }));
      }
      for (const a of (r.announcements ?? []).filter((a) => a.chat === l.i))
        s.appendChild(svg('circle', { cx: x(a.date), cy: y, r: 3.5, class: `lane-ann lane-ann-${a.type}` }));
      const best = lc.successors[0];
      const to = best === undefined ? undefined : laneOf.get(best.chat);
      if (best !== undefined && to !== undefined) {
        const target = lanes[to].chat;
        s.appendChild(svg('line', { x1: x(l.chat.last_date!), y1: y, x2: x(target.first_date!), y2: TOP + to * LANE + LANE / 2, class: 'lane-successor' }));
      }
    });
    replaceChildren(box, s, lanes.length < rows.length
      ? h('p', { class: 'hint' }, `The first ${MAX_LANES} chats of the table are drawn; sort or filter it to choose others.`) : null);
  }
}

function gap(days: number): string {
  if (days === 0) return 'the same day it ended';
  return days > 0 ? `${fmtInt(days)} d after it ended` : `${fmtInt(-days)} d before it ended`;
}
