// The Overview view: the cards (files, chats, messages, date range, link records per
// platform) and the three time charts (links per bucket by platform, which chats
// posted the chosen platform's links, chat activity), with the event markers the
// report places in its buckets. Renders the report as it is: every number comes
// from the core.
import { PLATFORMS, PLATFORM_LABEL, PLATFORM_COLOR, type Platform, type Report, type ReportChat } from './report';
import { h, replaceChildren, fmtInt, plural } from './safe';
import { Chart, baseOption, eventMarkLine, readTheme } from './charts';
import { $ } from './dom';

/** What the view needs from the page around it. */
export interface OverviewHost {
  chatLabel(c: ReportChat): string;
  /** Opens the records view filtered to a platform. */
  showRecords(filter: { platform: Platform }): void;
  /** The report's signature links are left out (the control): the cards show the counts without them. */
  excludeSignature(): boolean;
  /** The charts were redrawn (theme, options): other views redraw theirs. */
  redrawn(): void;
}

const CHART_IDS = ['links-per-month', 'platform-chats', 'chat-activity'] as const;
const CARD_IDS = ['card-files', 'card-chats', 'card-messages', 'card-date-range'];

export class OverviewView {
  readonly charts: Chart[];
  private report: Report | null = null;
  private partial = false;
  private shown = new Set<Platform>(PLATFORMS);

  constructor(private readonly host: OverviewHost) {
    this.charts = CHART_IDS.map((id) => new Chart($(`chart-${id}`), id));
    for (const id of ['control-log-scale', 'control-chart-style', 'activity-top', 'platform-chats-select'])
      $(id).addEventListener('change', () => this.redraw());
    $('platforms-all').addEventListener('click', () => this.setShown(PLATFORMS));
    $('platforms-nontelegram').addEventListener('click', () => this.setShown(PLATFORMS.filter((p) => p !== 'telegram')));
    $('platforms-messengers').addEventListener('click', () => this.setShown(PLATFORMS.filter((p) => !['telegram', 'web', 'email'].includes(p))));
    this.renderPlatformChecks();
  }

  clear(): void {
    this.report = null;
    for (const c of this.charts) c.clear();
    for (const id of CARD_IDS) {
      const card = $(id); card.dataset.value = '';
      card.querySelector('.card-value')!.textContent = '–';
      card.querySelector('.card-sub')!.textContent = '';
    }
    this.renderPlatformCards();
    for (const id of CHART_IDS) $(`chart-${id}`).classList.add('empty');
  }

  /** `partial`: the report covers what is read so far. */
  render(r: Report, partial: boolean): void {
    this.report = r;
    this.partial = partial;
    const t = r.totals;
    const fileNotes = [t.files_with_errors ? `${t.files_with_errors} with errors` : '', t.files_skipped ? `${t.files_skipped} skipped` : ''].filter(Boolean);
    setCard('card-files', t.files, fmtInt(t.files), fileNotes.join(' · ') || (this.partial ? 'still reading' : 'all read'));
    setCard('card-chats', t.chats, fmtInt(t.chats), '');
    setCard('card-messages', t.messages, fmtInt(t.messages), `${fmtInt(t.forwarded_messages)} forwarded · ${fmtInt(t.messages_with_links)} with links`);
    const d0 = t.first_date?.slice(0, 10), d1 = t.last_date?.slice(0, 10);
    setCard('card-date-range', d0 && d1 ? `${d0}/${d1}` : '', d0 && d1 ? `${d0} – ${d1}` : 'no messages', r.buckets.keys.length ? `${r.buckets.keys.length} ${r.buckets.unit}s` : '');
    this.renderPlatformCards();
    this.redraw();
  }

  /** Draws the charts again (controls, theme). */
  redraw(): void {
    const r = this.report;
    if (!r) return;
    const t = readTheme();
    const keys = r.buckets.keys;
    const log = $<HTMLInputElement>('control-log-scale').checked;
    const bars = $<HTMLSelectElement>('control-chart-style').value === 'bar';
    const unit = r.buckets.unit;
    const marks = (): object | undefined => eventMarkLine(r.events ?? [], keys, t);
    const val = (v: number) => (log && v <= 0 ? null : v);
    const label = (c: ReportChat) => this.host.chatLabel(c);

    // 1. links per bucket by platform
    {
      const series: object[] = PLATFORMS.filter((p) => this.shown.has(p)).map((p) => ({
        name: PLATFORM_LABEL[p], type: bars ? 'bar' : 'line', stack: bars && !log ? 'all' : undefined,
        showSymbol: !bars, symbolSize: 4, connectNulls: false, color: PLATFORM_COLOR[p],
        emphasis: { focus: 'series' },
        data: (r.buckets.platforms[p]?.link_records ?? keys.map(() => 0)).map(val),
      }));
      attachMarks(series, marks());
      const opt = baseOption(t, keys, log, 'link records') as Record<string, any>;
      opt.legend = { ...opt.legend, type: 'plain' };  // 13 platforms: wrap instead of paging
      this.draw(0, series, opt, keys.length > 0);
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
        name: label(c), type: 'bar', stack: 'chats', emphasis: { focus: 'series' },
        data: keys.map((k) => c.link_records_per_bucket[p]?.[k] ?? 0),
      }));
      attachMarks(series, marks());
      this.draw(1, series, baseOption(t, keys, false, `${PLATFORM_LABEL[p]} link records`), shown.length > 0);
    }

    // 3. chat activity
    {
      const n = Number($<HTMLSelectElement>('activity-top').value);
      const top = [...r.chats].sort((a, b) => b.messages - a.messages).slice(0, n).filter((c) => c.messages > 0);
      const series: object[] = top.map((c) => ({
        name: label(c), type: 'line', showSymbol: false, emphasis: { focus: 'series' },
        data: keys.map((k) => c.messages_per_bucket[k] ?? 0),
      }));
      attachMarks(series, marks());
      this.draw(2, series, baseOption(t, keys, false, 'messages'), top.length > 0);
    }
    this.host.redrawn();
  }

  private draw(index: number, series: object[], opt: Record<string, unknown>, hasData: boolean): void {
    const chart = this.charts[index];
    chart.el.classList.toggle('empty', !hasData);
    chart.el.dataset.empty = hasData ? 'false' : 'true';
    chart.render({ ...opt, series });
  }

  private renderPlatformCards(): void {
    const r = this.report, excl = this.host.excludeSignature();
    replaceChildren($('platform-cards'), ...PLATFORMS.map((p) => {
      const row = r?.platforms.find((x) => x.platform === p);
      const c = row ? (excl ? row.without_signature : row) : null;
      const sw = h('span', { class: 'swatch' }); sw.style.background = PLATFORM_COLOR[p];
      const card = h('button', { type: 'button', class: 'card platform-card' + (c && c.link_records ? '' : ' zero'), 'data-testid': `card-links-${p}`,
        'data-value': c ? c.link_records : '', title: `Show ${PLATFORM_LABEL[p]} link records` },
        h('span', { class: 'card-label' }, sw, PLATFORM_LABEL[p]),
        h('span', { class: 'card-value' }, c ? fmtInt(c.link_records) : '–'),
        h('span', { class: 'card-sub' }, c ? `${plural(c.messages, 'msg')} · ${plural(c.targets, 'target')}` : ''));
      card.addEventListener('click', () => { if (this.report) this.host.showRecords({ platform: p }); });
      return card;
    }));
  }

  private renderPlatformChecks(): void {
    replaceChildren($('platform-checks'), ...PLATFORMS.map((p) => {
      const box = h('input', { type: 'checkbox', value: p, 'data-testid': `control-platform-${p}`, checked: this.shown.has(p) });
      box.addEventListener('change', () => { if (box.checked) this.shown.add(p); else this.shown.delete(p); this.redraw(); });
      const sw = h('span', { class: 'swatch' }); sw.style.background = PLATFORM_COLOR[p];
      return h('label', { class: 'check platform-check' }, box, sw, PLATFORM_LABEL[p]);
    }));
  }

  private setShown(list: readonly Platform[]): void {
    this.shown = new Set(list);
    this.renderPlatformChecks();
    this.redraw();
  }
}

function setCard(id: string, value: number | string, text: string, sub: string): void {
  const card = $(id);
  card.dataset.value = String(value);
  card.querySelector('.card-value')!.textContent = text;
  card.querySelector('.card-sub')!.textContent = sub;
}

function attachMarks(series: object[], ml: object | undefined): void {
  if (ml && series.length) (series[0] as Record<string, unknown>).markLine = ml;
}
