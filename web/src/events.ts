// The event markers: the report's "events" option (its before/after windows; the
// charts mark each event's bucket), edited in the page and kept in localStorage.
import { REPORT_OPTIONS_DEFAULTS, REPORT_OPTIONS_ROWS, type ReportOptions } from '../generated/options';
import { h, replaceChildren } from './safe';
import { $ } from './dom';

/** An event marker as the page edits it (the core's option "events"). */
export type EventMarker = ReportOptions['events'][number];

/** The core's default events (its option table). */
const DEFAULT_EVENTS: readonly EventMarker[] = REPORT_OPTIONS_DEFAULTS.events;
/** The most events the core accepts. */
const MAX_EVENTS = REPORT_OPTIONS_ROWS.events.max_items;

const KEY = 'linkdrift.events.v1';

function loadEvents(): EventMarker[] {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const v = JSON.parse(raw) as unknown;
      if (Array.isArray(v))
        return v.filter((e): e is EventMarker => !!e && typeof e.date === 'string' && typeof e.label === 'string').slice(0, MAX_EVENTS);
    }
  } catch { /* storage unavailable (file://, private mode): defaults */ }
  return DEFAULT_EVENTS.map((e) => ({ ...e }));
}

function saveEvents(events: EventMarker[]): void {
  try { localStorage.setItem(KEY, JSON.stringify(events)); } catch { /* not persisted */ }
}

/** The markers' editor (add, edit, remove, reset to the core's defaults); `changed` runs after every edit. */
export class EventsEditor {
  private events = loadEvents();

  constructor(private readonly changed: () => void) {
    $('events-add').addEventListener('click', () => this.edit(() => this.events.push({ date: new Date().toISOString().slice(0, 10), label: 'New marker' }), true));
    $('events-reset').addEventListener('click', () => this.edit(() => { this.events = DEFAULT_EVENTS.map((e) => ({ ...e })); }, true));
    this.render();
  }

  /** The markers to send: one being edited (a date input without a full date is '') is left out, not an error; the core validates the rest. */
  option(): EventMarker[] {
    return this.events.filter((e) => e.date !== '').slice(0, MAX_EVENTS);
  }

  private edit(change: () => void, rerender: boolean): void {
    change();
    saveEvents(this.events);
    if (rerender) this.render();
    this.changed();
  }

  private render(): void {
    $('events-count').textContent = String(this.events.length);
    replaceChildren($('events-list'), ...this.events.map((ev, i) => {
      const date = h('input', { type: 'date', value: ev.date, 'aria-label': `Marker ${i + 1} date`, 'data-testid': 'event-date' });
      const label = h('input', { type: 'text', value: ev.label, 'aria-label': `Marker ${i + 1} label`, 'data-testid': 'event-label', maxlength: 60 });
      const del = h('button', { type: 'button', class: 'btn small', 'aria-label': `Remove marker ${i + 1}`, 'data-testid': 'event-remove' }, 'Remove');
      const commit = () => this.edit(() => { this.events[i] = { date: date.value, label: label.value }; }, false);
      date.addEventListener('change', commit);
      label.addEventListener('input', commit);
      del.addEventListener('click', () => this.edit(() => { this.events.splice(i, 1); }, true));
      return h('li', { 'data-testid': 'event-item' }, date, label, del);
    }));
  }
}
