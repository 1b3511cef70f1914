// Event markers drawn in the time charts, editable and kept in localStorage.
import type { EventMarker } from './charts';

export const DEFAULT_EVENTS: readonly EventMarker[] = [
  { date: '2024-08-24', label: 'Durov arrested' },
  { date: '2024-09-23', label: 'Telegram policy change' },
];

const KEY = 'linkdrift.events.v1';

export function loadEvents(): EventMarker[] {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const v = JSON.parse(raw) as unknown;
      if (Array.isArray(v))
        return v.filter((e): e is EventMarker => !!e && typeof e.date === 'string' && typeof e.label === 'string').slice(0, 50);
    }
  } catch { /* storage unavailable (file://, private mode): defaults */ }
  return DEFAULT_EVENTS.map((e) => ({ ...e }));
}

export function saveEvents(events: EventMarker[]): void {
  try { localStorage.setItem(KEY, JSON.stringify(events)); } catch { /* not persisted */ }
}
