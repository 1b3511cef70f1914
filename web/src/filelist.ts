// The file list: one status line per input of the analysis (a file, a file the
// folder plan skips, a folder with nothing readable, a ZIP archive followed by
// one line per entry). While reading a line says waiting / reading / read; once a
// report holds the file, the line says what the core reports for it (format,
// chats, messages, the error and its byte offset, the skip reason, a continued
// HTML page, the zone assumed for offset-less dates). Lines are updated one at a
// time: a folder of a thousand pages is not redrawn per page.
import type { Input } from './pool';
import type { Report, ReportFile } from './report';
import { h, replaceChildren, neutralise, bdi, fmtInt, plural } from './safe';

type Phase = 'waiting' | 'reading' | 'read';
type Status = 'reading' | 'ok' | 'error' | 'skipped';
/** What a line says: its status, the text, an error (shown as an alert) or a note (a skip reason). */
interface Said { status: Status; text: string; detail?: string; note?: string }

interface Line { input: Input; phase: Phase; readError?: string; li: HTMLLIElement; entries: HTMLLIElement[] }

const MB = 1e6;
const FORMAT: Record<string, string> = { json: 'JSON', html: 'HTML' };

const isArchive = (x: Input) => x.kind === 'read' && x.format === 'zip';

export class FileList {
  private lines: Line[] = [];

  constructor(private readonly el: HTMLElement) {}

  /** Appends a line per input (they are waiting to be read). */
  add(inputs: Input[]): void {
    for (const input of inputs) {
      const li = h('li', { 'data-testid': 'file-status-item', 'data-file': input.name, class: 'file-item' });
      const line: Line = { input, phase: 'waiting', li, entries: [] };
      this.lines.push(line);
      this.el.appendChild(li);
      this.draw(line);
    }
  }

  clear(): void {
    this.lines = [];
    replaceChildren(this.el);
  }

  /** Every input is read again (a new corpus). */
  restart(): void {
    for (const line of this.lines) {
      line.phase = 'waiting';
      line.readError = undefined;
      this.draw(line);
    }
  }

  start(i: number): void { this.set(i, 'reading'); }

  /** Every task of input `i` is read; `readError`: the browser could not read it. */
  done(i: number, readError?: string): void { this.set(i, 'read', readError); }

  /** The lines of the inputs read so far, from what `r` reports about their files. */
  show(r: Report): void {
    const byName = new Map(r.files.map((f) => [f.name, f]));
    for (const line of this.lines) {
      if (line.phase !== 'read') continue;
      const name = line.input.name;
      const entries = isArchive(line.input) ? r.files.filter((f) => f.name.startsWith(`${name}/`)) : [];
      this.draw(line, byName.get(name), entries);
    }
  }

  private set(i: number, phase: Phase, readError?: string): void {
    const line = this.lines[i];
    if (!line) return;
    line.phase = phase;
    line.readError = readError;
    this.draw(line);
  }

  private draw(line: Line, own?: ReportFile, entries: ReportFile[] = []): void {
    const { input, li } = line;
    const size = input.kind === 'unreadable' ? '' : `${(input.file.size / MB).toFixed(1)} MB`;
    const format = input.kind === 'read' ? input.format : '';
    let st: Said;
    if (input.kind === 'unreadable') st = { status: 'error', text: 'error · no Telegram export in this folder', detail: input.error };
    else if (line.readError) st = { status: 'error', text: 'error', detail: line.readError };
    else if (line.phase !== 'read') st = { status: 'reading', text: line.phase === 'waiting' ? 'waiting' : 'reading…' };
    else if (own) st = fileStatus(own);
    else if (isArchive(input) && entries.length) st = archiveStatus(entries);
    else st = { status: 'reading', text: 'read · waiting for the report' };
    fill(li, input.name, size, own?.format || format, st, own);

    for (const e of line.entries) e.remove();
    line.entries = entries.map((e) => {
      const el = h('li', { 'data-testid': 'file-status-item', 'data-file': e.name, 'data-archive': input.name, class: 'file-item archive-entry' });
      fill(el, e.name.slice(input.name.length + 1), `${(e.bytes / MB).toFixed(1)} MB`, e.format, fileStatus(e), e);
      return el;
    });
    li.after(...line.entries);
  }
}

function fill(li: HTMLElement, name: string, size: string, format: string, st: Said, f?: ReportFile): void {
  li.dataset.status = st.status;
  if (format) li.dataset.format = format; else delete li.dataset.format;
  if (f?.assumed_utc_offset) li.dataset.zone = f.assumed_utc_offset; else delete li.dataset.zone;
  replaceChildren(li,
    h('span', { class: 'file-name' }, bdi(name)),
    h('span', { class: 'file-size' }, size),
    h('span', { class: 'file-status' }, st.text),
    st.detail ? h('span', { class: 'file-error', role: 'alert' }, neutralise(st.detail)) : null,
    st.note ? h('span', { class: 'file-note' }, neutralise(st.note)) : null);
}

/** The line of one file of the report. */
function fileStatus(f: ReportFile): Said {
  const kind = FORMAT[f.format] ? ` · ${FORMAT[f.format]}` : '';
  if (f.status === 'skipped') return { status: 'skipped', text: `skipped${kind}`, note: f.skipped ?? '' };
  const parts = [`${f.status === 'error' ? 'error' : 'ok'}${kind}`, plural(f.chats, 'chat'), plural(f.messages, 'message')];
  if (f.continues_chat) parts.push('continues the chat of the page before');
  if (f.assumed_utc_offset) parts.push(`dates read as UTC${f.assumed_utc_offset} (the file gives no zone)`);
  const text = parts.join(' · ');
  if (f.status === 'error' && f.error)
    return { status: 'error', text, detail: `at byte ${fmtInt(f.error.offset)}: ${f.error.message} (everything before it is counted)` };
  return { status: f.status === 'error' ? 'error' : 'ok', text };
}

/** The line of an archive whose entries are in the report (each entry has its own line below it). */
function archiveStatus(entries: ReportFile[]): Said {
  const n = (s: ReportFile['status']) => entries.filter((e) => e.status === s).length;
  const parts = [`ok · ZIP archive · ${plural(n('ok') + n('error'), 'file')} read`];
  if (n('skipped')) parts.push(`${fmtInt(n('skipped'))} skipped`);
  if (n('error')) parts.push(`${fmtInt(n('error'))} with errors`);
  return { status: 'ok', text: parts.join(' · ') };
}
