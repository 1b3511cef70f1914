// Event markers drawn in the time charts, editable and kept in localStorage.
import { REPORT_OPTIONS_DEFAULTS, REPORT_OPTIONS_ROWS, type ReportOptions } from '../generated/options';

/** An event marker as the page edits it (the core's option "events"). */
export type EventMarker = ReportOptions['events'][number];

/** The core's default events (its option table). */
export const DEFAULT_EVENTS: readonly EventMarker[] = REPORT_OPTIONS_DEFAULTS.events;
/** The most events the core accepts. */
export const MAX_EVENTS = REPORT_OPTIONS_ROWS.events.max_items;

const KEY = 'linkdrift.events.v1';

export function loadEvents(): EventMarker[] {
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

export function saveEvents(events: EventMarker[]): void {
  try { localStorage.setItem(KEY, JSON.stringify(events)); } catch { /* not persisted */ }
}
