// The Records view: one page of link records at a time (the core's record query:
// filters, paging, each row's probable permalink), filtered by platform, chat,
// kind and target from the other views. Rows are rendered as text; only http(s)
// URLs become links.
import { PLATFORM_LABEL, type Platform, type Report, type ReportChat, type RecordPage, type RecordRow } from './report';
import type { RecordQuery } from './protocol';
import { h, replaceChildren, neutralise, safeLink, bdi, fmtInt } from './safe';
import { type Col, head, body } from './table';
import { $ } from './dom';

/** What the view needs from the page around it. */
export interface RecordsHost {
  chatLabel(c: ReportChat): string;
  /** The report filters the records follow (the controls). */
  filter(): Pick<RecordQuery, 'from' | 'to' | 'include_forwarded' | 'exclude_signature'>;
  /** One page of records from the core (rejects with its error). */
  fetch(query: RecordQuery): Promise<RecordPage>;
}

export interface RecordFilter { platform?: string; chat?: string; kind?: string; target?: string }

export class RecordsView {
  private report: Report | null = null;
  private sel = { offset: 0, limit: 50, platform: '', chat: '', kind: '', target: '' };
  private seq = 0;  // the latest load: older answers are dropped

  constructor(private readonly host: RecordsHost) {
    $('records-platform').addEventListener('change', (e) => {
      Object.assign(this.sel, { platform: (e.target as HTMLSelectElement).value, kind: '', target: '', offset: 0 });
      void this.load();
    });
    $('records-chat').addEventListener('change', (e) => { Object.assign(this.sel, { chat: (e.target as HTMLSelectElement).value, offset: 0 }); void this.load(); });
    $('records-clear').addEventListener('click', () => this.show({}));
    $('records-prev').addEventListener('click', () => { this.sel.offset = Math.max(0, this.sel.offset - this.sel.limit); void this.load(); });
    $('records-next').addEventListener('click', () => { this.sel.offset += this.sel.limit; void this.load(); });
  }

  /** The query of the current selection: `limit` rows from `offset` (0: all). */
  query(offset: number, limit: number): RecordQuery {
    const q: RecordQuery = { ...this.host.filter(), offset, limit };
    const s = this.sel;
    if (s.platform) q.platform = s.platform;
    if (s.chat !== '') q.chat = Number(s.chat);
    if (s.kind) q.kind = s.kind;
    if (s.target) q.target = s.target;
    return q;
  }

  /** Back to the first page (the report's filters changed). */
  firstPage(): void { this.sel.offset = 0; }

  /** Forgets the chat, kind and target selection and the shown rows (a new analysis). */
  clear(): void {
    this.report = null;
    this.seq++;
    Object.assign(this.sel, { offset: 0, chat: '', kind: '', target: '' });
    replaceChildren($('table-records').querySelector('tbody')!);
    $('records-range').textContent = '';
  }

  /** A partial report is shown: records come with the final one. */
  waitForFinal(): void {
    this.report = null;
    $('records-range').textContent = 'Link records are listed when reading is done.';
  }

  /** The final report: its chats in the chat filter, and the current page loaded. */
  render(r: Report): void {
    this.report = r;
    replaceChildren($<HTMLSelectElement>('records-chat'), h('option', { value: '' }, 'all'),
      ...r.chats.map((c, i) => h('option', { value: i, selected: String(i) === this.sel.chat }, this.host.chatLabel(c))));
    void this.load();
  }

  /** Shows the records matching `f` (from a card, a chat or a target) and scrolls to them. */
  show(f: RecordFilter): void {
    Object.assign(this.sel, { offset: 0, platform: f.platform ?? '', chat: f.chat ?? '', kind: f.kind ?? '', target: f.target ?? '' });
    $<HTMLSelectElement>('records-platform').value = this.sel.platform;
    $<HTMLSelectElement>('records-chat').value = this.sel.chat;
    void this.load();
    $('h-records').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  async load(): Promise<void> {
    const r = this.report;
    if (!r) return;
    const seq = ++this.seq;
    let page: RecordPage;
    try {
      page = await this.host.fetch(this.query(this.sel.offset, this.sel.limit));
    } catch (e) {
      if (seq === this.seq) $('records-range').textContent = `Could not load records: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    if (seq !== this.seq) return;
    this.renderPage(r, page);
  }

  private renderPage(r: Report, page: RecordPage): void {
    const byChat = new Map<string, ReportChat>();
    for (const ch of r.chats) byChat.set(`${ch.file}\u0000${ch.id}`, ch);
    const chatOf = (x: RecordRow) =>
      x.chat_name || (byChat.get(`${x.file}\u0000${x.chat_id}`)?.type === 'saved_messages' ? 'Saved messages' : `chat ${x.chat_id}`);
    const cols: Col<RecordRow>[] = [
      { key: 'date', label: 'Date (UTC)', cell: (x) => h('span', { class: 'nowrap' }, x.date.slice(0, 10), h('br'), h('span', { class: 'muted' }, x.date.slice(11, 19))) },
      { key: 'chat', label: 'Chat', cell: (x) => h('span', { class: 'chat-name' }, bdi(chatOf(x))) },
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
    const s = this.sel, parts: string[] = [];
    if (s.platform) parts.push(PLATFORM_LABEL[s.platform as Platform]);
    if (s.kind) parts.push(s.kind);
    if (s.target) parts.push(`target “${neutralise(s.target)}”`);
    if (s.chat !== '') parts.push(`chat “${this.host.chatLabel(r.chats[Number(s.chat)])}”`);
    $('records-filter-text').textContent = parts.length ? `Showing: ${parts.join(' · ')}.` : 'Every link record, in file, chat and message order. “Probable permalink”: the chat looks public and its signature link names it, so t.me/<name>/<message id> probably opens the post.';
  }
}
