#!/usr/bin/env python3
"""Checks an HTML export of linkdrift-gen against the JSON export of the same messages.

    linkdrift-gen --size 5MB --out x.json
    linkdrift-gen --format html --json-size 5MB --out x.html.d
    python3 tools/generator/check_html.py x.json x.html.d [--tz +03:00] [--old-dates]

Parses every page with html.parser (stdlib; no DOM of the whole folder) and checks,
message by message, what tdesktop's HtmlWriter would have written for the JSON one:
  - pages: messages.html, messages2.html, ... with <= 1000 messages each (all but the
    last exactly 1000), "Previous messages"/"Next messages" links to the neighbours,
    the page head/css/js references, the chat name in div.page_header;
  - ids and order: div.message.default / div.message.service ids equal the JSON ids;
    date separators have ids -1, -2, ... (per chat, continuing across pages), one at
    the top of every page and one at every change of the local day;
  - dates: the title "DD.MM.YYYY HH:MM:SS UTC+HH:MM" (or without the offset with
    --old-dates) converts to date_unixtime; the visible HH:MM matches;
  - joined: the "joined" class exactly where tdesktop's messageNeedsWrap() says so
    (recomputed from the JSON), and then no userpic and no from_name;
  - text: div.text decoded (<br> = newline, entities) equals the JSON text; the <a href>s
    in it are the link/text_link/mention/email/phone entities' targets in order;
    hashtags/bot commands use onclick;
  - forwards (div.forwarded.body iff forwarded_from), replies (div.reply_to with a link
    to the replied id, on this or an earlier page), signatures (author), media
    placeholders (photo/file), inline bot buttons (the url buttons' data as href),
    reactions (emoji + count), service texts (pins link to the pinned id).
Exit status 0 if everything matches; prints the first problems otherwise.
"""
import html.parser
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone

MESSAGES_IN_FILE = 1000
JOIN_WITHIN = 900


class Page(html.parser.HTMLParser):
    """One page -> header name, pagination links, a list of message records."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, classes) of open elements
        self.messages = []
        self.cur = None
        self.header = None
        self.grab = None  # (kind, depth) collecting text
        self.buf = []
        self.pagination = []
        self.head_links = []
        self.in_pagination = None

    def classes(self, attrs):
        return (dict(attrs).get('class') or '').split()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get('class') or '').split()
        if tag in ('br', 'img', 'meta', 'link'):
            if tag == 'br' and self.grab:
                self.buf.append('\x00')
            if tag == 'link':
                self.head_links.append(a.get('href'))
            return
        depth = len(self.stack)
        self.stack.append((tag, cls))
        if tag == 'script':
            self.head_links.append(a.get('src'))
        if tag == 'a' and 'pagination' in cls:
            self.in_pagination = [a.get('href'), '']
            return
        if tag == 'div' and 'message' in cls:
            mid = int(a['id'][len('message'):])
            self.cur = {'id': mid, 'classes': cls, 'depth': depth, 'hrefs': [], 'buttons': [],
                        'reactions': [], 'onclicks': []}
            self.messages.append(self.cur)
            return
        if self.cur is None:
            if tag == 'div' and 'text' in cls and 'bold' in cls:
                self.start_grab('header')
            return
        m = self.cur
        if tag == 'div':
            if 'userpic_wrap' in cls and 'forwarded' not in cls:
                m['userpic'] = True
            if 'forwarded' in cls and 'body' in cls:
                m['forwarded'] = True
            if 'date' in cls and 'pull_right' in cls:
                m['title'] = a.get('title')
                self.start_grab('time')
            elif 'from_name' in cls:
                self.start_grab('fwd_from' if m.get('forwarded') else 'from')
            elif cls == ['text']:
                self.start_grab('text')
            elif 'reply_to' in cls:
                self.start_grab('reply')
            elif 'signature' in cls:
                self.start_grab('signature')
            elif 'body' in cls and 'details' in cls:
                self.start_grab('service')
            elif 'title' in cls and 'bold' in cls:
                self.start_grab('media_title')
            elif 'status' in cls and 'details' in cls:
                self.start_grab('media_status')
            elif 'bot_button' in cls:
                m['buttons'].append(None)
        elif tag == 'a':
            if self.grab and self.grab[0] in ('text', 'reply', 'service'):
                key = {'text': 'hrefs', 'reply': 'reply_hrefs', 'service': 'service_hrefs'}[self.grab[0]]
                m.setdefault(key, []).append(a.get('href'))
                if a.get('onclick'):
                    m['onclicks'].append(a.get('onclick'))
            elif m['buttons'] and m['buttons'][-1] is None:
                m['buttons'][-1] = a.get('href')
        elif tag == 'span':
            if 'date' in cls and 'details' in cls and self.grab and self.grab[0] == 'fwd_from':
                m['fwd_title'] = a.get('title')
            if cls == ['count']:
                self.start_grab('count')
            elif cls == ['emoji']:
                self.start_grab('emoji')

    def start_grab(self, kind):
        self.grab = (kind, len(self.stack) - 1)
        self.buf = []

    def handle_endtag(self, tag):
        if tag in ('br', 'img', 'meta', 'link'):
            return
        if not self.stack:
            raise ValueError(f'unbalanced </{tag}>')
        t, cls = self.stack.pop()
        if t != tag:
            raise ValueError(f'</{tag}> closes <{t}>')
        depth = len(self.stack)
        if self.in_pagination is not None and tag == 'a':
            self.pagination.append((self.in_pagination[0], self.in_pagination[1].strip()))
            self.in_pagination = None
        if self.grab and depth == self.grab[1]:
            kind = self.grab[0]
            raw = ''.join(self.buf)
            self.grab = None
            if kind == 'header':
                self.header = raw
            elif self.cur is not None:
                self.cur.setdefault(kind, raw)
                if kind == 'emoji':
                    self.cur['reactions'].append([raw.strip(), None])
                elif kind == 'count':
                    self.cur['reactions'][-1][1] = int(raw.strip())
        if self.cur is not None and depth == self.cur['depth']:
            self.cur = None

    def handle_data(self, data):
        if self.in_pagination is not None:
            self.in_pagination[1] += data
        if self.grab:
            self.buf.append(data)


def block_text(raw):
    """The text of a block div: tdesktop writes "\\n" after the opening tag and
    "\\n" + indentation before the closing one; text newlines are <br>."""
    if not raw.startswith('\n'):
        raise ValueError(f'block text without leading newline: {raw[:40]!r}')
    raw = raw[1:]
    i = raw.rfind('\n')
    if i < 0 or raw[i + 1:].strip(' '):
        raise ValueError(f'block text without closing indentation: {raw[-40:]!r}')
    inner = raw[:i]
    if '\n' in inner:
        raise ValueError(f'raw newline inside text: {inner[:60]!r}')
    return inner.replace('\x00', '\n')


def json_text(msg):
    t = msg.get('text', '')
    if isinstance(t, str):
        return t
    return ''.join(p if isinstance(p, str) else p['text'] for p in t)


def expected_hrefs(msg):
    out = []
    for e in msg.get('text_entities', []):
        ty = e['type']
        if ty == 'link':
            out.append(e['text'])
        elif ty == 'text_link':
            h = e['href']
            out.append(h if re.match(r'[A-Za-z][A-Za-z0-9+.-]*:', h) else 'http://' + h)
        elif ty == 'mention':
            out.append('https://t.me/' + e['text'][1:])
        elif ty == 'email':
            out.append('mailto:' + e['text'])
        elif ty == 'phone':
            out.append('tel:' + e['text'])
        elif ty in ('hashtag', 'bot_command', 'cashtag'):
            out.append('')
    return out


def parse_offset(s):
    if s in ('UTC', '0'):
        return 0
    m = re.fullmatch(r'(?:UTC)?([+-])(\d{1,2})(?::(\d\d))?', s)
    sign = -1 if m.group(1) == '-' else 1
    return sign * (int(m.group(2)) * 60 + int(m.group(3) or 0))


def title_to_utc(title, tz_minutes, old):
    m = re.fullmatch(r'(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d):(\d\d)(?: UTC(?:([+-])(\d\d):(\d\d))?)?', title)
    if not m:
        raise ValueError(f'bad date title {title!r}')
    d, mo, y, h, mi, s = (int(x) for x in m.groups()[:6])
    has_zone = title.endswith(')') or ' UTC' in title
    if old == has_zone:
        raise ValueError(f'date title {title!r}: zone {"present" if has_zone else "missing"}')
    off = tz_minutes
    if has_zone:
        off = 0 if m.group(7) is None else (1 if m.group(7) == '+' else -1) * (int(m.group(8)) * 60 + int(m.group(9)))
        if off != tz_minutes:
            raise ValueError(f'date title {title!r}: offset {off} != {tz_minutes}')
    local = datetime(y, mo, d, h, mi, s, tzinfo=timezone.utc)
    return int((local - timedelta(minutes=off)).timestamp()), (h, mi)


def local_day(t, tz):
    return (t + tz * 60) // 86400


def needs_wrap(msg, prev, tz):
    """tdesktop's messageNeedsWrap() from JSON fields."""
    if prev is None or prev['type'] != 'message':
        return True
    if not msg.get('from_id') or prev.get('from_id') != msg.get('from_id'):
        return True
    d, pd = int(msg['date_unixtime']), int(prev['date_unixtime'])
    if local_day(d, tz) != local_day(pd, tz):
        return True
    fw, pfw = 'forwarded_from' in msg, 'forwarded_from' in prev
    if fw != pfw or msg.get('forwarded_from_id') != prev.get('forwarded_from_id') or \
            (msg.get('forwarded_from') or '') != (prev.get('forwarded_from') or ''):
        return True
    origin = msg.get('forwarded_from_id') or msg.get('forwarded_from')
    return abs(d - pd) > (1 if origin else JOIN_WITHIN)


def check_chat(chat, folder, tz, old, problems, stats, account):
    msgs = chat['messages']
    pages = []
    i = 1
    while True:
        name = 'messages.html' if i == 1 else f'messages{i}.html'
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            break
        p = Page()
        with open(path, encoding='utf-8') as f:
            p.feed(f.read())
        p.close()
        if p.stack:
            problems.append(f'{path}: {len(p.stack)} tags left open')
        pages.append((path, p))
        i += 1
    if not pages:
        problems.append(f'{folder}: no messages.html')
        return
    base = '../../' if account else ''
    want_name = chat.get('name', '') + ' '
    if chat['type'] == 'saved_messages':
        want_name = 'Demo Analyst'
    date_id = 0
    k = 0  # index into msgs
    for pi, (path, p) in enumerate(pages):
        if p.head_links != [base + 'css/style.css', base + 'js/script.js']:
            problems.append(f'{path}: head links {p.head_links}')
        if block_text(p.header) != want_name:
            problems.append(f'{path}: header {p.header!r} != {want_name!r}')
        want_pag = []
        if pi > 0:
            want_pag.append(('messages.html' if pi == 1 else f'messages{pi}.html', 'Previous messages'))
        if pi + 1 < len(pages):
            want_pag.append((f'messages{pi + 2}.html', 'Next messages'))
        if p.pagination != want_pag:
            problems.append(f'{path}: pagination {p.pagination} != {want_pag}')
        real = [m for m in p.messages if m['id'] > 0]
        if len(real) > MESSAGES_IN_FILE or (pi + 1 < len(pages) and len(real) != MESSAGES_IN_FILE):
            problems.append(f'{path}: {len(real)} messages on the page')
        prev = None
        for hm in p.messages:
            if len(problems) > 30:
                return
            if hm['id'] < 0:
                date_id -= 1
                if hm['id'] != date_id:
                    problems.append(f'{path}: date separator id {hm["id"]} != {date_id}')
                hm_next = k < len(msgs) and msgs[k]
                want = None
                if hm_next:
                    t = int(hm_next['date_unixtime']) + tz * 60
                    dt = datetime.fromtimestamp(t, timezone.utc)
                    want = f'{dt.day} {dt.strftime("%B")} {dt.year}'
                if block_text(hm['service']) != want:
                    problems.append(f'{path}: separator {hm["service"]!r} != {want!r}')
                if prev is not None and local_day(int(prev['date_unixtime']), tz) == local_day(int(hm_next['date_unixtime']), tz):
                    problems.append(f'{path}: separator {hm["id"]} without a day change')
                stats['separators'] += 1
                continue
            if k >= len(msgs):
                problems.append(f'{path}: message {hm["id"]} beyond the JSON ones')
                return
            jm = msgs[k]
            k += 1
            where = f'{path} message {jm["id"]}'
            if hm['id'] != jm['id']:
                problems.append(f'{where}: HTML id {hm["id"]}')
                return
            if prev is None or local_day(int(prev['date_unixtime']), tz) != local_day(int(jm['date_unixtime']), tz):
                # the previous HTML element must have been a separator
                idx = p.messages.index(hm)
                if idx == 0 or p.messages[idx - 1]['id'] >= 0:
                    problems.append(f'{where}: no date separator before it')
            stats['messages'] += 1
            if jm['type'] == 'service':
                if 'service' not in hm['classes']:
                    problems.append(f'{where}: not a service div')
                txt = block_text(hm['service'])
                if jm['action'] == 'pin_message':
                    hrefs = hm.get('service_hrefs', [])
                    if not hrefs or not hrefs[0].endswith(f'#go_to_message{jm["message_id"]}'):
                        problems.append(f'{where}: pin link {hrefs}')
                elif jm['action'] == 'create_channel' and txt != f'Channel «{jm["title"]}» created':
                    problems.append(f'{where}: service text {txt!r}')
                stats['service'] += 1
                prev = jm
                continue
            wrap = needs_wrap(jm, prev, tz)
            joined = 'joined' in hm['classes']
            if joined == wrap:
                problems.append(f'{where}: joined={joined}, tdesktop would join={not wrap}')
            if wrap != bool(hm.get('userpic')) or wrap != ('from' in hm):
                problems.append(f'{where}: userpic/from_name presence wrong (wrap={wrap})')
            stats['joined'] += joined
            utc, (hh, mi) = title_to_utc(hm['title'], tz, old)
            if utc != int(jm['date_unixtime']):
                problems.append(f'{where}: title {hm["title"]} -> {utc} != {jm["date_unixtime"]}')
            if block_text(hm['time']) != f'{hh:02d}:{mi:02d}':
                problems.append(f'{where}: time {hm["time"]!r}')
            if wrap:
                fn = block_text(hm['from'])
                want = jm['from'] + (' ' if jm['from_id'].startswith('channel') or ' ' not in jm['from'] else '')
                if fn != want:
                    problems.append(f'{where}: from_name {fn!r} != {want!r}')
            if ('forwarded_from' in jm) != bool(hm.get('forwarded')):
                problems.append(f'{where}: forwarded {hm.get("forwarded")}')
            if 'forwarded_from' in jm:
                stats['forwarded'] += 1
                if 'fwd_title' not in hm:
                    problems.append(f'{where}: forwarded without its from_name/date')
                else:
                    title_to_utc(hm['fwd_title'], tz, old)
                    name = block_text(hm['fwd_from']).split('<')[0]
                    src = jm['forwarded_from'] or ''
                    if src and not name.startswith(src):
                        problems.append(f'{where}: forwarded name {name!r} vs {src!r}')
                    if not src and not name.startswith('Deleted Account'):
                        problems.append(f'{where}: hidden forward shows {name!r}')
            if 'reply_to_message_id' in jm:
                hrefs = hm.get('reply_hrefs', [])
                rid = jm['reply_to_message_id']
                if not hrefs or not hrefs[0].endswith(f'#go_to_message{rid}'):
                    problems.append(f'{where}: reply link {hrefs}')
                stats['replies'] += 1
            elif 'reply' in hm:
                problems.append(f'{where}: unexpected reply_to')
            text = json_text(jm)
            if text:
                got = block_text(hm.get('text', '\n\n'))
                if got != text:
                    problems.append(f'{where}: text differs\n  html {got[:200]!r}\n  json {text[:200]!r}')
                want_h = expected_hrefs(jm)
                if hm['hrefs'] != want_h:
                    problems.append(f'{where}: hrefs {hm["hrefs"]} != {want_h}')
                stats['hrefs'] += len(want_h)
            elif 'text' in hm:
                problems.append(f'{where}: text div without JSON text')
            if jm.get('author', '') != (block_text(hm['signature']) if 'signature' in hm else ''):
                problems.append(f'{where}: signature {hm.get("signature")!r}')
            want_b = [b.get('data') for row in jm.get('inline_bot_buttons', []) for b in row]
            if hm['buttons'] != want_b:
                problems.append(f'{where}: buttons {hm["buttons"]} != {want_b}')
            stats['buttons'] += len(want_b)
            want_r = [[r['emoji'], r['count']] for r in jm.get('reactions', [])]
            if hm['reactions'] != want_r:
                problems.append(f'{where}: reactions {hm["reactions"]} != {want_r}')
            if 'photo' in jm:
                if block_text(hm.get('media_title', '\n\n')) != 'Photo':
                    problems.append(f'{where}: photo placeholder {hm.get("media_title")!r}')
                st = block_text(hm['media_status'])
                if not st.startswith(f'{jm["width"]}×{jm["height"]}, '):
                    problems.append(f'{where}: photo status {st!r}')
                stats['media'] += 1
            elif 'file' in jm:
                t = block_text(hm.get('media_title', '\n\n'))
                want = 'Video file' if jm.get('media_type') == 'video_file' else jm.get('file_name', 'File')
                if t != want:
                    problems.append(f'{where}: file placeholder {t!r} != {want!r}')
                stats['media'] += 1
            elif 'media_title' in hm:
                problems.append(f'{where}: unexpected media block')
            prev = jm
    if k != len(msgs):
        problems.append(f'{folder}: {k} of {len(msgs)} JSON messages found in the pages')
    stats['pages'] += len(pages)
    stats['chats'] += 1


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    tz = 180
    old = '--old-dates' in args
    if '--tz' in args:
        tz = parse_offset(args[args.index('--tz') + 1])
    with open(args[0], encoding='utf-8') as f:
        data = json.load(f)
    folder = args[1]
    problems = []
    stats = dict.fromkeys(['chats', 'pages', 'messages', 'service', 'separators', 'joined', 'forwarded',
                           'replies', 'hrefs', 'buttons', 'media'], 0)
    if 'chats' in data:
        chats = data['chats']['list']
        total = len(chats) + len(data.get('left_chats', {}).get('list', []))
        digits = len(str(max(total - 1, 0)))
        for i, chat in enumerate(chats):
            d = os.path.join(folder, 'chats', f'chat_{i + 1:0{digits}d}')
            if not chat['messages']:
                if os.path.exists(d):
                    problems.append(f'{d}: folder for a chat without messages')
                continue
            check_chat(chat, d, tz, old, problems, stats, True)
        for must in ('export_results.html', 'lists/chats.html'):
            p = Page()
            with open(os.path.join(folder, must), encoding='utf-8') as f:
                p.feed(f.read())
            if p.stack:
                problems.append(f'{must}: {len(p.stack)} tags left open')
    else:
        check_chat(data, folder, tz, old, problems, stats, False)
    print(json.dumps(stats))
    for pr in problems[:30]:
        print('PROBLEM', pr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
