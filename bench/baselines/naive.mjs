// Baseline A: what a browser tool without wasm does with a Telegram Desktop export.
//   node bench/baselines/naive.mjs FILE [--dump OUT]
// The whole file read as one string, JSON.parse, then one compiled combined RegExp per
// text fragment, with the same subset of linkdrift's classification rules as baseline B
// (bench/baselines/notebook.py; see there for what the subset covers). Exact on
// linkdrift-gen corpora. Walks chats.list / left_chats.list / a single chat's messages;
// per message `text` (string or parts; text_link hrefs), URL inline_bot_buttons, poll
// question and answers; dedups per message by (platform, kind, target).
// A file over V8's maximum string length (2^29-24 characters, ~512 MiB) cannot be read
// this way: that is reported as {"ok": false, "error": ...}, by design.
// Prints one JSON line: {runner, ok, seconds, parse_seconds, messages, link_records}.
import fs from 'node:fs';

const PLATFORMS = ['telegram', 'signal', 'discord', 'matrix', 'simplex', 'session', 'tox',
  'xmpp', 'whatsapp', 'threema', 'onion', 'email', 'web'];

// Case-insensitive literal without the i flag (JS has no (?i:...) in Node 20).
const ci = (s) => s.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/\./g, '\\.');
const U = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";
const NB = '(?<![A-Za-z0-9_.@/\\-])';
const MSG_HOSTS = `(?:${ci('www.')})?(?:${['t.me', 'telegram.me', 'telegram.dog', 'discord.gg', 'discord.com',
  'discordapp.com', 'signal.group', 'signal.me', 'chat.whatsapp.com', 'whatsapp.com', 'wa.me', 'matrix.to',
  'simplex.chat'].map(ci).join('|')})`;
const PATTERN = new RegExp(
  `(?<url>(?:(?:${ci('http')}[sS]?|${ci('tg')})://|${NB}${MSG_HOSTS}/)${U}*)` +
  // name.t.me: a host label has no '_'; like the core, "soft_vip.t.me" names nothing
  `|(?<![A-Za-z0-9_.@/\\-])(?<sub>[A-Za-z0-9\\-]+)\\.t\\.me(?![A-Za-z0-9_.\\-/])` +
  `|${NB}(?<onion>(?:[a-z2-7]{56}|[a-z2-7]{16})\\.onion)(?![A-Za-z0-9_\\-])` +
  `|(?<![A-Za-z0-9_.%+\\-])(?<email>[A-Za-z0-9_.%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,})` +
  `|(?<![A-Za-z0-9_@./])(?<mention>@[A-Za-z][A-Za-z0-9_]{2,31})` +
  `|(?<![A-Za-z0-9_])(?<hex>[0-9A-Fa-f]{64,})(?![A-Za-z0-9_])`, 'g');
const DEFANG = /\[\.\]|\[dot\]|\b[hH][xX][xX][pP]/g;
const USERNAME = /^[A-Za-z][A-Za-z0-9_]{2,31}/;
const NAME_END_BAD = new Set('-@$%+~=&:');
const RESERVED = new Set(['joinchat', 'addlist', 'c', 's', 'proxy', 'socks', 'share', 'iv', 'login', 'addstickers',
  'addemoji', 'addtheme', 'boost', 'setlanguage', 'confirmphone', 'bg', 'contact', 'giftcode', 'invoice', 'm', 'nft', 'call']);
const XMPP_SERVERS = new Set(['exploit.im', 'xmpp.jp', 'thesecure.biz', 'jabber.ru', 'jabber.org', 'jabb.im', 'xmpp.is',
  'jabber.de', 'jabber.at', 'jabber.cz', 'jabber.ccc.de', 'conversations.im', 'yax.im', '404.city',
  'jabber.calyxinstitute.org', 'xmpp.ru']);
const XMPP_LABEL = new RegExp(`(?:${ci('jabber')}(?: ${ci('id')})?|${ci('xmpp')}(?: ${ci('address')})?|${ci('jid')}|${ci('jab')})[ \\t:：\\-–—=]{1,3}$|` +
  '(?:[Жж]аббер|[Дд]жаббер|ЖАББЕР|ДЖАББЕР|жабер|джабер)[ \\t:：\\-–—=]{1,3}$');
const TRAIL = new Set(".,;:!?'\"*([");
const isAlnum = (c) => c !== undefined && /[A-Za-z0-9]/.test(c);

function trim(u) {
  let e = u.length;
  while (e > 0) {
    const c = u[e - 1];
    if (TRAIL.has(c) || (c === ')' && !u.slice(0, e).includes('(')) || (c === ']' && !u.slice(0, e).includes('['))) e--;
    else break;
  }
  return e === u.length ? u : u.slice(0, e);
}
const validName = (n, min = 3) => n.length >= min && !n.includes('__') && !n.endsWith('_');

function tgName(rest) {
  const m = USERNAME.exec(rest);
  if (!m) return [null, null];
  const name = m[0], after = rest.slice(name.length);
  if (isAlnum(after[0]) || after[0] === '_') return [null, null];
  if (after && (NAME_END_BAD.has(after[0]) || (after[0] === '.' && isAlnum(after[1])))) return [null, null];
  if (!validName(name)) return [null, null];
  return [name, after];
}

function telegramPath(path) {
  if (path.startsWith('+')) {
    const m = /^[A-Za-z0-9_.\-]{1,64}/.exec(path.slice(1));
    if (!m) return null;
    return /^\d+$/.test(m[0]) ? ['phone', m[0]] : ['invite', m[0]];
  }
  const low = path.toLowerCase();
  if (low.startsWith('joinchat/')) {
    const m = /^[A-Za-z0-9_.\-]{1,64}/.exec(path.slice(9));
    return m ? ['invite', m[0]] : null;
  }
  if (low.startsWith('c/')) {
    const m = /^(\d+)\/(?:thread\/)?\d+/.exec(path.slice(2));
    return m ? ['private_post', m[1]] : null;
  }
  if (low.startsWith('addlist/')) {
    const m = /^[A-Za-z0-9_\-]+/.exec(path.slice(8));
    return m ? ['folder', m[0]] : null;
  }
  if (low.startsWith('proxy?') || low.startsWith('socks?')) {
    const m = /[?&]server=([^&#]+)/.exec(path);
    return m ? ['proxy', m[1].toLowerCase()] : null;
  }
  if (low.startsWith('s/')) path = path.slice(2);
  const [name, after] = tgName(path);
  if (name === null || RESERVED.has(name.toLowerCase())) return null;
  const n = name.toLowerCase();
  if (/^\/(?:thread\/)?\d+/.test(after)) return ['post', n];
  return [n.endsWith('bot') ? 'bot' : 'public', n];
}

function classifyUrl(u) {
  const low = u.toLowerCase();
  if (low.startsWith('tg://')) {
    const m = /^tg:\/\/resolve\?domain=([A-Za-z0-9_]+)/i.exec(u);
    if (!m) return null;
    const [name] = tgName(m[1]);
    if (name === null) return null;
    const n = name.toLowerCase();
    return ['telegram', n.endsWith('bot') ? 'bot' : 'public', n];
  }
  const rest = u.replace(/^https?:\/\//i, '');
  const cut = rest.search(/[/?#]/);
  const hostport = cut >= 0 ? rest.slice(0, cut) : rest;
  const path = cut >= 0 ? rest.slice(cut) : '';
  let host = hostport.slice(hostport.lastIndexOf('@') + 1).split(':', 1)[0].toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === 't.me' || host === 'telegram.me' || host === 'telegram.dog') {
    const r = path.startsWith('/') ? telegramPath(path.slice(1)) : null;
    return r ? ['telegram', ...r] : null;
  }
  if (host.includes('_')) return null;  // not a host name (the core yields nothing)
  if (host.endsWith('.t.me')) {
    const name = host.slice(0, -5);
    if (/^[A-Za-z][A-Za-z0-9_]{2,31}$/.test(name) && validName(name) && !['web', 'a', 'k', 'z'].includes(name)) {
      return ['telegram', /^\/\d+/.test(path) ? 'post' : (name.endsWith('bot') ? 'bot' : 'public'), name];
    }
    return null;
  }
  if (host.endsWith('.onion')) {
    const labels = host.slice(0, -6).split('.');
    const label = labels[labels.length - 1];
    return /^(?:[a-z2-7]{55}d|[a-z2-7]{16})$/.test(label) ? ['onion', 'site', `${label}.onion`] : null;
  }
  const hash = path.indexOf('#');
  const frag = hash >= 0 ? path.slice(hash + 1) : '';
  let m;
  if (host === 'signal.group' && /^[A-Za-z0-9_\-]{8,}$/.test(frag)) return ['signal', 'group', frag];
  if (host === 'signal.me' && /^(?:p\/\+\d{7,15}|eu\/[A-Za-z0-9_\-]+)$/.test(frag)) return ['signal', 'contact', frag];
  if (host === 'discord.gg' && (m = /^\/(?:invite\/)?([A-Za-z0-9_\-]{2,255})$/.exec(path))) return ['discord', 'invite', m[1]];
  if ((host === 'discord.com' || host === 'discordapp.com') && (m = /^\/invite\/([A-Za-z0-9_\-]{2,255})$/.exec(path))) {
    return ['discord', 'invite', m[1]];
  }
  if (host === 'matrix.to' && path.startsWith('/#/')) {
    let t;
    try { t = decodeURIComponent(path.slice(3)).split('?', 1)[0]; } catch { t = ''; }
    if ((m = /^([#!@])([^:/]+):([A-Za-z0-9.\-]+(?::\d+)?)$/.exec(t))) {
      return m[1] === '@' ? ['matrix', 'user', `@${m[2].toLowerCase()}:${m[3]}`] : ['matrix', 'room', t];
    }
  }
  if (host === 'simplex.chat' && (m = /^\/(contact|invitation)#\/\?/.exec(path))) return ['simplex', m[1], frag];
  if (host === 'chat.whatsapp.com' && (m = /^\/([A-Za-z0-9]{10,})$/.exec(path))) return ['whatsapp', 'group', m[1]];
  if (host === 'wa.me' && (m = /^\/(\d{7,15})$/.exec(path))) return ['whatsapp', 'contact', m[1]];
  if (host === 'whatsapp.com' && (m = /^\/channel\/([A-Za-z0-9]+)$/.exec(path))) return ['whatsapp', 'channel', m[1]];
  if (!host.includes('.')) return null;
  return ['web', 'link', host];
}

function toxOk(h) {
  let c0 = 0, c1 = 0;
  for (let i = 0; i < 36; i += 2) {
    c0 ^= parseInt(h.substr(2 * i, 2), 16);
    c1 ^= parseInt(h.substr(2 * i + 2, 2), 16);
  }
  return c0 === parseInt(h.substr(72, 2), 16) && c1 === parseInt(h.substr(74, 2), 16);
}

function scan(text, mentionEntity, out) {
  if (text.includes('[') || text.includes('hxx') || text.includes('HXX')) {
    text = text.replace(DEFANG, (s) => (s[0] === '[' ? '.' : 'http'));
  }
  PATTERN.lastIndex = 0;
  let m;
  while ((m = PATTERN.exec(text)) !== null) {
    const g = m.groups;
    let r = null;
    if (g.url !== undefined) {
      r = classifyUrl(trim(g.url));
    } else if (g.sub !== undefined) {
      const n = g.sub;
      if (/^[A-Za-z][A-Za-z0-9_]{2,31}$/.test(n) && validName(n)) {
        const low = n.toLowerCase();
        r = ['telegram', low.endsWith('bot') ? 'bot' : 'public', low];
      }
    } else if (g.onion !== undefined) {
      const label = g.onion.slice(0, -6);
      if (label.length === 16 || label.endsWith('d')) r = ['onion', 'site', g.onion];
    } else if (g.email !== undefined) {
      const e = trim(g.email);
      const at = e.lastIndexOf('@');
      const local = e.slice(0, at).toLowerCase(), host = e.slice(at + 1).toLowerCase();
      const jid = XMPP_SERVERS.has(host) || XMPP_LABEL.test(text.slice(Math.max(0, m.index - 40), m.index));
      r = [jid ? 'xmpp' : 'email', jid ? 'jid' : 'address', `${local}@${host}`];
    } else if (g.mention !== undefined) {
      const name = g.mention.slice(1);
      const a0 = text[m.index + g.mention.length], a1 = text[m.index + g.mention.length + 1];
      if (!((a0 !== undefined && NAME_END_BAD.has(a0)) || (a0 === '.' && isAlnum(a1))) && validName(name, mentionEntity ? 3 : 4)) {
        r = ['telegram', 'mention', name.toLowerCase()];
      }
    } else {
      const h = g.hex;
      if (h.length === 66 && h.startsWith('05')) r = ['session', 'id', h.toLowerCase()];
      else if (h.length === 76 && toxOk(h)) r = ['tox', 'id', h.toUpperCase()];
    }
    if (r) out.set(`${r[0]}\u0000${r[1]}\u0000${r[2]}`, r);
  }
}

function scanText(value, out) {
  if (typeof value === 'string') {
    if (value) scan(value, false, out);
  } else if (Array.isArray(value)) {
    for (const part of value) {
      if (typeof part === 'string') {
        if (part) scan(part, false, out);
      } else if (part && typeof part === 'object') {
        if (typeof part.text === 'string' && part.text) scan(part.text, part.type === 'mention', out);
        if (part.type === 'text_link' && typeof part.href === 'string' && part.href) scan(part.href, false, out);
      }
    }
  }
}

function* chatsOf(doc) {
  if (Array.isArray(doc.messages)) yield doc;
  for (const key of ['chats', 'left_chats']) for (const c of doc[key]?.list ?? []) yield c;
}

const [file, ...rest] = process.argv.slice(2);
const dumpPath = rest[0] === '--dump' ? rest[1] : null;
const t0 = performance.now();
let doc;
try {
  doc = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.log(JSON.stringify({ runner: 'baseline-a', ok: false, error: `${e.code ?? e.name}: ${e.message}`.slice(0, 300),
    seconds: (performance.now() - t0) / 1000 }));
  process.exit(1);
}
const t1 = performance.now();
const counts = Object.fromEntries(PLATFORMS.map((p) => [p, 0]));
let messages = 0;
const found = new Map();
const dump = dumpPath ? [] : null;
for (const chat of chatsOf(doc)) {
  for (const msg of chat.messages ?? []) {
    if (msg.type !== 'service') messages++;
    found.clear();
    scanText(msg.text, found);
    for (const row of msg.inline_bot_buttons ?? []) {
      for (const b of row) {
        if (['url', 'auth', 'web_view', 'simple_web_view'].includes(b.type) && typeof b.data === 'string') scan(b.data, false, found);
      }
    }
    if (msg.poll) {
      scanText(msg.poll.question, found);
      for (const a of msg.poll.answers ?? []) scanText(a.text, found);
    }
    for (const r of found.values()) {
      counts[r[0]]++;
      if (dump) dump.push(`${chat.id}\t${msg.id}\t${msg.date}\t${r.join('\t')}\n`);
    }
  }
}
const t2 = performance.now();
if (dump) fs.writeFileSync(dumpPath, dump.join(''));
console.log(JSON.stringify({ runner: 'baseline-a', ok: true, seconds: (t2 - t0) / 1000, parse_seconds: (t1 - t0) / 1000,
  messages, link_records: counts }));
