#!/usr/bin/env python3
"""Baseline B: what an analyst's notebook does with a Telegram Desktop export.

    python3 bench/baselines/notebook.py FILE

`json.load` of the whole file, then one compiled combined `re` pattern per text
fragment, with a subset of linkdrift's classification rules (docs/classification.md)
that is exact on linkdrift-gen corpora: links with a scheme (http/https/tg) on any
host, scheme-less links only on the messenger hosts (t.me & co, discord, signal,
whatsapp, matrix.to, simplex.chat), `name.t.me`, bare v3/v2 onion hosts, `@mentions`,
`user@host` (XMPP on known servers or after a jabber/xmpp/jid label, else email),
Session/Tox hex IDs (Tox checksum checked), and the generator's defang markers
(`hxxp`, `[.]`, `[dot]`). Scheme-less *web* hosts in prose (`example.com`) are not
in the subset (the core finds none in generated corpora either).

Walks what the core walks: every chat's messages (`chats.list`, `left_chats.list`,
or a single chat's `messages`); per message the `text` (string or array of strings
and {type, text, href} parts; a text_link's href too), URL `inline_bot_buttons`,
and a poll's question and answers. Dedups per message by (platform, kind, target).

Prints one JSON line: {"runner", "ok", "seconds", "parse_seconds", "messages",
"link_records": {platform: n}} or {"ok": false, "error": ...}. Standard library only.
"""
import json
import re
import sys
import time
from urllib.parse import unquote

PLATFORMS = ['telegram', 'signal', 'discord', 'matrix', 'simplex', 'session', 'tox',
             'xmpp', 'whatsapp', 'threema', 'onion', 'email', 'web']

# Characters a URL may hold (ASCII only: a non-ASCII character ends it, which is the
# core's script-change rule for the hosts and names that matter here).
U = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
NB = r"(?<![A-Za-z0-9_.@/\-])"  # not glued to a preceding name/host/path
MSG_HOSTS = (r"(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog|discord\.gg|discord(?:app)?\.com|"
             r"signal\.group|signal\.me|chat\.whatsapp\.com|whatsapp\.com|wa\.me|matrix\.to|simplex\.chat)")
PATTERN = re.compile(
    r"(?P<url>(?:(?i:https?|tg)://|" + NB + r"(?i:" + MSG_HOSTS + r")/)" + U + r"*)"
    # name.t.me: a host label has no '_'; like the core, "soft_vip.t.me" names nothing
    r"|(?<![A-Za-z0-9_.@/\-])(?P<sub>[A-Za-z0-9\-]+)\.t\.me(?![A-Za-z0-9_.\-/])"
    r"|" + NB + r"(?P<onion>(?:[a-z2-7]{56}|[a-z2-7]{16})\.onion)(?![A-Za-z0-9_\-])"
    r"|(?<![A-Za-z0-9_.%+\-])(?P<email>[A-Za-z0-9_.%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"
    r"|(?<![A-Za-z0-9_@./])(?P<mention>@[A-Za-z][A-Za-z0-9_]{2,31})"
    r"|(?<![A-Za-z0-9_])(?P<hex>[0-9A-Fa-f]{64,})(?![A-Za-z0-9_])")
DEFANG = re.compile(r"\[\.\]|\[dot\]|(?i:\bhxxp)")
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,31}")
NAME_END_BAD = set("-@$%+~=&:")
RESERVED = {'joinchat', 'addlist', 'c', 's', 'proxy', 'socks', 'share', 'iv', 'login', 'addstickers',
            'addemoji', 'addtheme', 'boost', 'setlanguage', 'confirmphone', 'bg', 'contact',
            'giftcode', 'invoice', 'm', 'nft', 'call'}
XMPP_SERVERS = {'exploit.im', 'xmpp.jp', 'thesecure.biz', 'jabber.ru', 'jabber.org', 'jabb.im', 'xmpp.is',
                'jabber.de', 'jabber.at', 'jabber.cz', 'jabber.ccc.de', 'conversations.im', 'yax.im',
                '404.city', 'jabber.calyxinstitute.org', 'xmpp.ru'}
XMPP_LABEL = re.compile(r"(?i:jabber(?: id)?|xmpp(?: address)?|jid|jab)[ \t:：\-–—=]{1,3}$|"
                        r"(?:[Жж]аббер|[Дд]жаббер|ЖАББЕР|ДЖАББЕР|жабер|джабер)[ \t:：\-–—=]{1,3}$")
TRAIL = ".,;:!?'\"*"


def refang(s):
    return DEFANG.sub(lambda m: '.' if m.group(0)[0] == '[' else 'http', s)


def trim(u):
    while u:
        c = u[-1]
        if c in TRAIL or c in '([':
            u = u[:-1]
        elif c == ')' and '(' not in u:
            u = u[:-1]
        elif c == ']' and '[' not in u:
            u = u[:-1]
        else:
            break
    return u


def valid_name(n, min_len=3):
    return (len(n) >= min_len and '__' not in n and not n.endswith('_'))


def tg_name(rest):
    """A username at the start of rest, or None if the token is something else."""
    m = USERNAME.match(rest)
    if not m:
        return None, None
    name, after = m.group(0), rest[m.end():]
    if after[:1].isalnum() or after[:1] == '_':  # longer than 32
        return None, None
    if after and (after[0] in NAME_END_BAD or (after[0] == '.' and after[1:2].isalnum())):
        return None, None
    if not valid_name(name):
        return None, None
    return name, after


def telegram_path(path):
    """path after 't.me/' (no leading slash) -> (kind, target) or None."""
    if path.startswith('+'):
        m = re.match(r"[A-Za-z0-9_.\-]{1,64}", path[1:])
        if not m:
            return None
        h = m.group(0)
        return ('phone', h) if h.isdigit() else ('invite', h)
    low = path.lower()
    if low.startswith('joinchat/'):
        m = re.match(r"[A-Za-z0-9_.\-]{1,64}", path[9:])
        return ('invite', m.group(0)) if m else None
    if low.startswith('c/'):
        m = re.match(r"(\d+)/(?:thread/)?\d+", path[2:])
        return ('private_post', m.group(1)) if m else None
    if low.startswith('addlist/'):
        m = re.match(r"[A-Za-z0-9_\-]+", path[8:])
        return ('folder', m.group(0)) if m else None
    if low.startswith('proxy?') or low.startswith('socks?'):
        m = re.search(r"[?&]server=([^&#]+)", path)
        return ('proxy', m.group(1).lower()) if m else None
    if low.startswith('s/'):
        path = path[2:]
    name, after = tg_name(path)
    if name is None or name.lower() in RESERVED:
        return None
    if re.match(r"/(?:thread/)?\d+", after or ''):
        return ('post', name.lower())
    return ('bot' if name.lower().endswith('bot') else 'public', name.lower())


def classify_url(u):
    """a trimmed, refanged URL -> (platform, kind, target) or None."""
    low = u.lower()
    if low.startswith('tg://'):
        m = re.match(r"tg://resolve\?domain=([A-Za-z0-9_]+)", u, re.I)
        if not m:
            return None
        name, _ = tg_name(m.group(1))
        if name is None:
            return None
        return ('telegram', 'bot' if name.lower().endswith('bot') else 'public', name.lower())
    rest = re.sub(r"^https?://", '', u, flags=re.I)
    slash = re.search(r"[/?#]", rest)
    hostport = rest[:slash.start()] if slash else rest
    path = rest[slash.start():] if slash else ''
    host = hostport.rsplit('@', 1)[-1].split(':', 1)[0].lower()
    if host.startswith('www.'):
        host = host[4:]
    if host in ('t.me', 'telegram.me', 'telegram.dog'):
        r = telegram_path(path[1:]) if path.startswith('/') else None
        return ('telegram',) + r if r else None
    if '_' in host:  # not a host name (the core yields nothing, e.g. https://soft_vip.t.me)
        return None
    if host.endswith('.t.me'):
        name = host[:-5]
        if USERNAME.fullmatch(name) and valid_name(name) and name not in ('web', 'a', 'k', 'z'):
            m = re.match(r"/(\d+)", path)
            return ('telegram', 'post' if m else ('bot' if name.endswith('bot') else 'public'), name)
        return None
    if host.endswith('.onion'):
        label = host[:-6].rsplit('.', 1)[-1]
        if re.fullmatch(r"[a-z2-7]{55}d|[a-z2-7]{16}", label):
            return ('onion', 'site', label + '.onion')
        return None
    frag = path[path.find('#') + 1:] if '#' in path else ''
    if host == 'signal.group' and re.fullmatch(r"[A-Za-z0-9_\-]{8,}", frag):
        return ('signal', 'group', frag)
    if host == 'signal.me' and re.match(r"(?:p/\+\d{7,15}|eu/[A-Za-z0-9_\-]+)$", frag):
        return ('signal', 'contact', frag)
    if host in ('discord.gg', 'discord.com', 'discordapp.com'):
        m = re.match(r"/(?:invite/)?([A-Za-z0-9_\-]{2,255})$", path) if host == 'discord.gg' else \
            re.match(r"/invite/([A-Za-z0-9_\-]{2,255})$", path)
        if m:
            return ('discord', 'invite', m.group(1))
    if host == 'matrix.to' and path.startswith('/#/'):
        t = unquote(path[3:]).split('?', 1)[0]
        m = re.fullmatch(r"([#!@])([^:/]+):([A-Za-z0-9.\-]+(?::\d+)?)", t)
        if m:
            if m.group(1) == '@':
                return ('matrix', 'user', '@' + m.group(2).lower() + ':' + m.group(3))
            return ('matrix', 'room', t)
    if host == 'simplex.chat' and re.match(r"/(contact|invitation)#/\?", path):
        kind = 'contact' if path.startswith('/contact') else 'invitation'
        return ('simplex', kind, frag)
    if host == 'chat.whatsapp.com':
        m = re.match(r"/([A-Za-z0-9]{10,})$", path)
        if m:
            return ('whatsapp', 'group', m.group(1))
    if host == 'wa.me':
        m = re.match(r"/(\d{7,15})$", path)
        if m:
            return ('whatsapp', 'contact', m.group(1))
    if host == 'whatsapp.com':
        m = re.match(r"/channel/([A-Za-z0-9]+)$", path)
        if m:
            return ('whatsapp', 'channel', m.group(1))
    if '.' not in host:
        return None
    return ('web', 'link', host)


def tox_ok(h):
    b = bytes.fromhex(h)
    c0 = c1 = 0
    for i in range(0, 36, 2):
        c0 ^= b[i]
        c1 ^= b[i + 1]
    return c0 == b[36] and c1 == b[37]


def scan(text, mention_entity, out):
    if '[' in text or 'hxx' in text or 'HXX' in text:
        text = refang(text)
    for m in PATTERN.finditer(text):
        g = m.lastgroup
        if g == 'url':
            u = trim(m.group('url'))
            r = classify_url(u)
        elif g == 'sub':
            name = m.group('sub')
            r = ('telegram', 'bot' if name.lower().endswith('bot') else 'public', name.lower()) \
                if USERNAME.fullmatch(name) and valid_name(name) else None
        elif g == 'onion':
            label = m.group('onion')[:-6]
            r = ('onion', 'site', m.group('onion')) if len(label) == 16 or label.endswith('d') else None
        elif g == 'email':
            e = trim(m.group('email'))
            local, host = e.rsplit('@', 1)
            host = host.lower()
            if host in XMPP_SERVERS or XMPP_LABEL.search(text, 0, m.start()):
                r = ('xmpp', 'jid', local.lower() + '@' + host)
            else:
                r = ('email', 'address', local.lower() + '@' + host)
        elif g == 'mention':
            name = m.group('mention')[1:]
            after = text[m.end():m.end() + 2]
            if after[:1] in NAME_END_BAD and after[:1] != '' or (after[:1] == '.' and after[1:2].isalnum()):
                r = None
            else:
                r = ('telegram', 'mention', name.lower()) if valid_name(name, 3 if mention_entity else 4) else None
        else:
            h = m.group('hex')
            if len(h) == 66 and h.startswith('05'):
                r = ('session', 'id', h.lower())
            elif len(h) == 76 and tox_ok(h):
                r = ('tox', 'id', h.upper())
            else:
                r = None
        if r:
            out.add(r)


def scan_text(value, out):
    if isinstance(value, str):
        if value:
            scan(value, False, out)
    elif isinstance(value, list):
        for part in value:
            if isinstance(part, str):
                if part:
                    scan(part, False, out)
            elif isinstance(part, dict):
                t = part.get('text')
                if t:
                    scan(t, part.get('type') == 'mention', out)
                if part.get('type') == 'text_link' and part.get('href'):
                    scan(part['href'], False, out)


def chats_of(doc):
    if 'messages' in doc:
        yield doc
    for key in ('chats', 'left_chats'):
        for chat in (doc.get(key) or {}).get('list') or []:
            yield chat


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    try:
        with open(path, 'rb') as f:
            doc = json.load(f)
    except (MemoryError, ValueError, OSError) as e:
        print(json.dumps({"runner": "baseline-b", "ok": False, "error": f"{type(e).__name__}: {e}"[:300],
                          "seconds": time.perf_counter() - t0}))
        return 1
    t1 = time.perf_counter()
    counts = dict.fromkeys(PLATFORMS, 0)
    # --dump OUT: one line per record (chat id, message id, platform, kind, target), to diff
    # against `linkdrift links --format jsonl` when a count disagrees.
    dump = open(sys.argv[3], 'w') if len(sys.argv) > 3 and sys.argv[2] == '--dump' else None
    messages = 0
    found = set()
    for chat in chats_of(doc):
        for msg in chat.get('messages') or []:
            if msg.get('type') != 'service':
                messages += 1
            found.clear()
            scan_text(msg.get('text'), found)
            for row in msg.get('inline_bot_buttons') or []:
                for b in row:
                    if b.get('type') in ('url', 'auth', 'web_view', 'simple_web_view') and isinstance(b.get('data'), str):
                        scan(b['data'], False, found)
            poll = msg.get('poll')
            if poll:
                scan_text(poll.get('question'), found)
                for a in poll.get('answers') or []:
                    scan_text(a.get('text'), found)
            for platform, _, _ in found:
                counts[platform] += 1
            if dump:
                for r in found:
                    dump.write(f"{chat.get('id')}\t{msg.get('id')}\t{msg.get('date')}\t{r[0]}\t{r[1]}\t{r[2]}\n")
    t2 = time.perf_counter()
    print(json.dumps({"runner": "baseline-b", "ok": True, "seconds": t2 - t0, "parse_seconds": t1 - t0,
                      "messages": messages, "link_records": counts}))
    return 0


if __name__ == '__main__':
    sys.exit(main())
