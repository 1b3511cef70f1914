// The Channels view: the chats table (sortable, filterable, each chat's links by
// platform and its signature links) and the top targets of a platform, each row
// opening its link records. Renders the report's "chats" and "top_targets" as they are.
import { PLATFORMS, PLATFORM_LABEL, PLATFORM_COLOR, type Platform, type Report, type ReportChat } from './report';
import { h, replaceChildren, neutralise, safeLink, bdi, fmtInt } from './safe';
import { type Col, byText, head, body } from './table';
import { $ } from './dom';

/** What the view needs from the page around it. */
export interface ChannelsHost {
  chatLabel(c: ReportChat): string;
  /** Opens the records view with these filters (chat: index into the report's chats). */
  showRecords(filter: { platform?: string; chat?: string; kind?: string; target?: string }): void;
}

type ChatRow = ReportChat & { _i: number };

export class ChannelsView {
  private report: Report | null = null;
  private chatSort: { key: string; dir: 1 | -1 } = { key: 'messages', dir: -1 };

  constructor(private readonly host: ChannelsHost) {
    $('chats-filter').addEventListener('input', () => this.renderChats());
    $('chats-platform').addEventListener('change', () => { this.chatSort = { key: 'platform', dir: -1 }; this.renderChats(); });
    $('targets-platform').addEventListener('change', () => this.renderTargets());
  }

  clear(): void {
    this.report = null;
    for (const id of ['table-chats', 'table-targets']) replaceChildren($(id).querySelector('tbody')!);
    for (const id of ['chats-foot', 'targets-foot']) $(id).textContent = '';
  }

  render(r: Report): void {
    this.report = r;
    this.renderChats();
    this.renderTargets();
  }

  private chatCols(p: Platform): Col<ChatRow>[] {
    const label = (c: ReportChat) => this.host.chatLabel(c);
    return [
      { key: 'name', label: 'Chat', sort: (a, b) => label(a).localeCompare(label(b)), cell: (c) => h('span', { class: 'chat-name' }, bdi(label(c))) },
      { key: 'type', label: 'Type', sort: (a, b) => a.type.localeCompare(b.type), cell: (c) => h('span', { class: 'nowrap' }, c.type.replace(/_/g, ' ')) },
      { key: 'messages', label: 'Messages', num: true, sort: (a, b) => a.messages - b.messages, cell: (c) => fmtInt(c.messages) },
      { key: 'platform', label: `${PLATFORM_LABEL[p]} links`, num: true, sort: (a, b) => (a.link_records[p] ?? 0) - (b.link_records[p] ?? 0), cell: (c) => fmtInt(c.link_records[p] ?? 0) },
      { key: 'first', label: 'First', sort: (a, b) => byText(a.first_date, b.first_date), cell: (c) => h('span', { class: 'nowrap' }, c.first_date?.slice(0, 10) ?? '–') },
      { key: 'last', label: 'Last', sort: (a, b) => byText(a.last_date, b.last_date), cell: (c) => h('span', { class: 'nowrap' }, c.last_date?.slice(0, 10) ?? '–') },
      { key: 'links', label: 'Links by platform', cell: (c) => platformList(c) },
      { key: 'sig', label: 'Signature (self-promotion)', cell: (c) => c.signature_targets.length
          ? h('span', {}, ...c.signature_targets.slice(0, 3).flatMap((s, i) => [i ? ', ' : '', h('bdi', {}, `${neutralise(s.target)}`), h('span', { class: 'muted' }, ` ${Math.round(s.share * 100)}%`)]))
          : h('span', { class: 'muted' }, '–') },
      { key: 'show', label: '', cell: (c) => {
          const b = h('button', { type: 'button', class: 'btn small', 'data-testid': 'chat-show-records' }, 'records');
          b.addEventListener('click', () => this.host.showRecords({ chat: String(c._i) }));
          return b;
        } },
    ];
  }

  private renderChats(): void {
    const r = this.report;
    if (!r) return;
    const p = $<HTMLSelectElement>('chats-platform').value as Platform;
    const cols = this.chatCols(p);
    const table = $<HTMLTableElement>('table-chats');
    const sort = this.chatSort;
    head(table, cols, { ...sort, onSort: (k) => {
      this.chatSort = { key: k, dir: sort.key === k ? (-sort.dir as 1 | -1) : (k === 'name' || k === 'type' ? 1 : -1) };
      this.renderChats();
    } });
    const f = $<HTMLInputElement>('chats-filter').value.trim().toLowerCase();
    let rows: ChatRow[] = r.chats.map((c, i) => ({ ...c, _i: i }));
    if (f) rows = rows.filter((c) => `${c.name} ${c.type} ${c.file} ${c.id}`.toLowerCase().includes(f));
    const col = cols.find((c) => c.key === sort.key);
    if (col?.sort) rows.sort((a, b) => col.sort!(a, b) * sort.dir || a._i - b._i);
    body(table, cols, rows, (c) => c._i);
    $('chats-foot').textContent = `${rows.length} of ${r.chats.length} chats${f ? ' match the filter' : ''}.`;
  }

  private renderTargets(): void {
    const r = this.report;
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
          b.addEventListener('click', () => this.host.showRecords({ platform: p, kind: t.kind, target: t.target }));
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
