// The page's controls as options for the core: the report options they set
// (the core's defaults for the rest, web/generated/options.ts), the analyzers'
// read settings, and the choices they offer (time zones, platforms).
import type { ReadSettings } from './protocol';
import type { ReportOptions } from '../generated/options';
import { PLATFORMS, PLATFORM_LABEL, type Report } from './report';
import type { EventMarker } from './events';
import { h, replaceChildren } from './safe';
import { $ } from './dom';

/** The report options the controls set (the core's defaults for the rest). */
export type ControlOptions = Pick<ReportOptions, 'bucket' | 'tz_offset_minutes' | 'include_forwarded' | 'exclude_signature' | 'top_targets' | 'from' | 'to' | 'events'>;

/** The controls' report options, with these event markers. */
export function controlOptions(events: EventMarker[]): ControlOptions {
  return {
    bucket: $<HTMLSelectElement>('control-bucket').value as ReportOptions['bucket'],
    tz_offset_minutes: Number($<HTMLSelectElement>('control-tz').value),
    include_forwarded: $<HTMLInputElement>('control-forwarded').checked,
    exclude_signature: $<HTMLInputElement>('control-signature').checked,
    top_targets: 50,
    from: $<HTMLInputElement>('control-from').value || null,
    to: $<HTMLInputElement>('control-to').value || null,
    events,
  };
}

/** Settings of the run's Analyzers: the zone of offset-less HTML dates (changing it re-reads the files). */
export function readSettings(): ReadSettings {
  return { html_utc_offset_minutes: Number($<HTMLSelectElement>('control-html-tz').value) };
}

/** The zone control of offset-less HTML dates: shown when a file's dates were read in an assumed zone, or it is not UTC. */
export function showHtmlTz(r: Report | null): void {
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

/** Fills the zone and platform selects. */
export function fillControls(): void {
  fillTzSelect($('control-tz'));
  fillTzSelect($('control-html-tz'));
  fillPlatformSelect($('platform-chats-select'), false, 'signal');
  fillPlatformSelect($('chats-platform'), false, 'signal');
  fillPlatformSelect($('targets-platform'), false, 'signal');
  fillPlatformSelect($('records-platform'), true, '');
}
