// DOM helpers for hostile export text. Names, targets, URLs and message data
// from exports are only ever inserted as text (textContent / createTextNode),
// never as HTML. Bidi controls are shown as visible escapes so they cannot
// disguise a link or a name, and only http(s) URLs become clickable.

// U+202A–U+202E (embeddings/overrides) and U+2066–U+2069 (isolates).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text safe to display: bidi controls replaced by their visible escape, e.g. "\u202E". */
export function neutralise(s: string | null | undefined): string {
  if (s == null) return '';
  return s.replace(BIDI, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** createElement with attributes (set via setAttribute, values never parsed as HTML) and text/node children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, ...children);
  return e;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace all children (no innerHTML). */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A clickable link for http(s) URLs only; anything else (javascript:, data:, tg:, …) is plain text. */
export function safeLink(url: string, text?: string): HTMLElement {
  const shown = neutralise(text ?? url);
  let href: string | null = null;
  if (/^https?:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href;  // percent-encodes controls
    } catch { /* not a URL: plain text */ }
  }
  if (!href) return h('span', { class: 'url-text', dir: 'ltr' }, shown);
  return h('a', { href, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr', class: 'url' }, shown);
}

/** Text in an isolated bidi run (RTL chat names do not reorder the surrounding layout). */
export function bdi(text: string | null | undefined): HTMLElement {
  return h('bdi', {}, neutralise(text));
}

/** Save a Blob through a temporary Blob URL. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const fmtInt = (n: number) => n.toLocaleString('en-US');

export function plural(n: number, word: string): string { return `${fmtInt(n)} ${word}${n === 1 ? '' : 's'}`; }

/** An SVG element with attributes (values are set as attributes, never parsed as markup). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
