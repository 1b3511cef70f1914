// Data tables: a header (optionally with sort buttons) and a body built from
// column definitions. Cells are DOM nodes or text, never HTML.
import { h, replaceChildren } from './safe';

/** Orders texts (null as empty): a column sort for dates and names. */
export const byText = (a: string | null, b: string | null): number => (a ?? '').localeCompare(b ?? '');

export interface Col<T> { key: string; label: string; num?: boolean; sort?: (a: T, b: T) => number; cell: (row: T, i: number) => Node | string; }

export function head<T>(table: HTMLTableElement, cols: Col<T>[], sortable?: { key: string; dir: 1 | -1; onSort: (k: string) => void }): void {
  const tr = table.tHead!.rows[0];
  replaceChildren(tr, ...cols.map((c) => {
    if (!sortable || !c.sort) return h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.label);
    const active = sortable.key === c.key;
    const btn = h('button', { type: 'button', class: 'sort', 'data-sort': c.key }, c.label, active ? (sortable.dir > 0 ? ' ▲' : ' ▼') : '');
    btn.addEventListener('click', () => sortable.onSort(c.key));
    return h('th', { scope: 'col', class: c.num ? 'num' : '', 'aria-sort': active ? (sortable.dir > 0 ? 'ascending' : 'descending') : 'none' }, btn);
  }));
}

export function body<T>(table: HTMLTableElement, cols: Col<T>[], rows: T[], rowIndex: (r: T, i: number) => number = (_r, i) => i): void {
  const tb = table.tBodies[0];
  replaceChildren(tb, ...rows.map((r, i) => h('tr', { 'data-row': rowIndex(r, i) }, ...cols.map((c) => h('td', { class: c.num ? 'num' : '' }, c.cell(r, i))))));
}

/** A new filled table (class "data"); `caption` names it for screen readers. */
export function dataTable<T>(cols: Col<T>[], rows: T[], caption: string, attrs: Record<string, string> = {}): HTMLTableElement {
  const t = h('table', { class: 'data', ...attrs }, h('caption', { class: 'visually-hidden' }, caption), h('thead', {}, h('tr')), h('tbody'));
  head(t, cols);
  body(t, cols, rows);
  return t;
}
