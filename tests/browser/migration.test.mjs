// The Migration view (issue 5). On the demo: one row per announcing chat with the
// outcome `linkdrift report --announcements` gives for the served demo file, the
// scripted stories among them (docs/demo-data.md), and a row's evidence (phrase,
// message id, destination, timeline) on keyboard selection. With a stubbed report
// (the events/graph sections as specified for the core, hostile strings included):
// the before/after panels, the chains and the graph render, as text. On
// tests/fixtures/hostile_announcements.json: the core's announcements of a hostile
// chat render as text and execute nothing. On tests/fixtures/migration_leaving.json: a
// departure without a destination shows as "leaving" with none named (issue 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  servedBrowserSuite, ROOT, tid, openPage, runDemo, uploadFiles, fixturePath, expected,
  demoFileFrom, allUrls, cliReport, isSameOrigin, elementShot, gotoApp,
} from './harness.mjs';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const env = servedBrowserSuite();

/** The Migration table: per row the chat cell's text, data-outcome and the two before→after cells. */
async function migrationRows(page) {
  return page.locator(`${tid('table-migration')} tbody tr`).evaluateAll((trs) => trs.map((tr) => ({
    chat: Number(tr.dataset.row),
    name: tr.querySelector('[data-testid="migration-select"]').innerText.trim(),
    outcome: tr.dataset.outcome,
    cells: [...tr.cells].map((c) => c.innerText.trim()),
  })));
}

/** Selects a Migration row with the keyboard (focus its button, Enter); returns the evidence panel's text. */
async function selectByKeyboard(page, rowChat) {
  const button = page.locator(`${tid('table-migration')} tr[data-row="${rowChat}"] ${tid('migration-select')}`);
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${tid('migration-evidence')}[data-chat="${rowChat}"]:not([hidden])`);
  await page.waitForSelector(`${tid('chart-migration-timeline')}[data-ready="true"]`);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  return page.locator(tid('migration-evidence')).innerText();
}

let demoRef;

test('demo: the Migration view lists every announcing chat with the CLI\'s outcome, and the scripted stories', async () => {
  const { page, rec } = await openPage(env.browser, { allow: (u) => isSameOrigin(u, env.server.origin) });
  await gotoApp(page, env.server.url);
  assert.equal(await runDemo(page), 'done');
  const files = demoFileFrom(allUrls(rec), env.server.origin);
  assert.equal(files.length, 1, 'the demo file fetched from web/dist');
  demoRef = cliReport(files, ['--announcements']);
  assert.ok(demoRef.outcomes.length >= 5, 'the demo has announcing chats (else this proves little)');

  const got = await migrationRows(page);
  assert.deepEqual(got.map((r) => [r.chat, r.name, r.outcome]),
    demoRef.outcomes.map((o) => [o.chat, o.chat_name, o.outcome]), 'rows = the CLI report\'s outcomes, in order');
  for (const [i, o] of demoRef.outcomes.entries()) {
    const text = got[i].cells.join(' | ');
    assert.ok(text.includes(o.first_announcement.slice(0, 10)), `first announcement date in ${text}`);
    assert.ok(text.includes(`${o.messages_before_30d} → ${o.messages_after_30d}`), `30-day counts in ${text}`);
    assert.ok(text.includes(`${o.messages_before_90d} → ${o.messages_after_90d}`), `90-day counts in ${text}`);
  }

  // The scripted stories (docs/demo-data.md), by name.
  const byName = new Map(got.map((r) => [r.name, r]));
  for (const name of ['Dark Carding Hub', 'Кардинг Центр | Carding Center', 'LeakBase Mirror'])
    assert.equal(byName.get(name)?.outcome, 'stayed', `story 1: ${name} announced Signal, kept posting`);
  const ghost = byName.get('Ghost Market');
  assert.equal(ghost?.outcome, 'continued_elsewhere', 'story 2: silence, then a new channel');
  assert.ok(ghost.cells.join(' ').includes('Ghost Market Reborn'), `story 2 names the continuation: ${ghost.cells.join(' | ')}`);
  assert.ok(ghost.cells.join(' ').includes('ghostmarket_reborn'), 'story 2 destination');
  const cyberwar = byName.get('CyberWar News');
  assert.equal(cyberwar?.outcome, 'continued_elsewhere', 'story 3: opened an Arabic mirror, then stopped here');
  assert.ok(cyberwar.cells.join(' ').includes('أخبار الحرب السيبرانية'), `story 3 names the Arabic mirror: ${cyberwar.cells.join(' | ')}`);
  for (const name of ['Схемы и Обнал', 'Cracked Soft Zone', 'قناة التسريبات العربية', 'اخبار امنیت سایبری'])
    assert.equal(byName.get(name)?.outcome, 'stayed', `story 4: ${name} announced a backup channel, did not move`);
  for (const name of ['Crypto Signals VIP', 'OSINT Daily', 'Ghost Market Reborn'])
    assert.ok(!byName.has(name), `${name} announced nothing (story 5 negatives; the continuation itself)`);
  // Outcome tooltips explain in words.
  const title = await page.locator(`${tid('table-migration')} tr[data-row="${ghost.chat}"] ${tid('migration-outcome')}`).getAttribute('title');
  assert.match(title, /continues it: “Ghost Market Reborn” — it is the announced destination/);
  const mirrorTitle = await page.locator(`${tid('table-migration')} tr[data-row="${cyberwar.chat}"] ${tid('migration-outcome')}`).getAttribute('title');
  assert.match(mirrorTitle, /within 14 days of the announcement, and it links the announced Telegram name more than any other chat/);

  // Evidence on keyboard selection: the phrase as text, message id, destination, timeline.
  const ev = await selectByKeyboard(page, ghost.chat);
  const ann = demoRef.announcements.find((a) => a.chat === ghost.chat);
  assert.ok(ev.includes(ann.phrase), `phrase ${ann.phrase} in the evidence:\n${ev}`);
  assert.ok(ev.includes(String(ann.message_id)) && ev.includes(ann.target) && ev.includes(ann.date.slice(0, 10)), `message id, destination and date:\n${ev}`);
  assert.equal(await page.locator(`${tid('migration-phrase')}`).first().textContent(), ann.phrase);
  const series = await page.locator(tid('chart-migration-timeline')).evaluate((el) => el.textContent);
  assert.ok(series.includes(`${ann.type} (msg ${ann.message_id})`), `the announcement is marked in the timeline: ${series.slice(0, 300)}`);
  assert.deepEqual(rec.pageErrors, []);
  await elementShot(page.locator(tid('migration')), 'migration-demo');
  await page.context().close();
});

// ----------------------------------------------------------- stubbed events/graph

const HOSTILE = '\u202E<script>window.__pwned=31</script><img src=x onerror=window.__pwned=32>';
const STUB = {
  events: [
    { date: '2024-09-23', label: `Policy change ${HOSTILE}`, months_before: ['2024-06', '2024-07', '2024-08'], months_after: ['2024-10', '2024-11', '2024-12'],
      overall: { messages_before: 100, messages_after: 150, messages_change_pct: 50,
        platforms: [{ platform: 'telegram', link_records_before: 0, link_records_after: 0, change_pct: null },
          { platform: 'signal', link_records_before: 2, link_records_after: 10, change_pct: 400 },
          { platform: 'discord', link_records_before: 0, link_records_after: 3, change_pct: null }] },
      chats: [{ chat: 999, chat_id: 1, chat_name: `Gone ${HOSTILE}`, messages_before: 9, messages_after: 3, messages_change_pct: -66.7,
        platforms: [{ platform: 'signal', link_records_before: 0, link_records_after: 1, change_pct: null }] }] },
    { date: '2024-08-24', label: 'Durov arrested', months_before: [], months_after: [],
      overall: { messages_before: 0, messages_after: 0, messages_change_pct: null, platforms: [] }, chats: [] },
  ],
  graph: {
    nodes: [
      { id: 0, type: 'chat', chat: 4, label: 'Ghost Market' },
      { id: 1, type: 'chat', chat: 5, label: 'Ghost Market Reborn' },
      { id: 2, type: 'target', platform: 'signal', kind: 'group', target: `evil${HOSTILE}`, url: 'javascript:window.__pwned=33', label: `evil${HOSTILE}` },
      { id: 3, type: 'chat', chat: 999, label: `Lost ${HOSTILE}` },
    ],
    edges: [
      { from: 0, to: 1, relation: 'announced', weight: 1, first: '2024-10-07T18:00:00Z', last: '2024-10-07T18:00:00Z', announcement_types: ['move'] },
      { from: 1, to: 0, relation: 'cross_link', weight: 3, first: '2024-11-11T12:05:00Z', last: '2025-01-02T10:00:00Z', announcement_types: [] },
      { from: 3, to: 2, relation: 'cross_link', weight: 2, first: '2024-05-01T00:00:00Z', last: '2024-06-01T00:00:00Z', announcement_types: [] },
    ],
  },
};

/** Test-only init script: wraps Worker so that answers to 'report' requests gain `extra`'s sections. */
function stubReports(extra) {
  return `(() => {
    const Native = window.Worker, extra = ${JSON.stringify(extra)};
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        const reports = new Set();
        let handler = null;
        const post = this.postMessage.bind(this);
        this.postMessage = (m, t) => { if (m && m.type === 'report') reports.add(m.id); return post(m, t); };
        Object.defineProperty(this, 'onmessage', { get: () => handler, set: (f) => { handler = f; } });
        super.addEventListener('message', (ev) => {
          let data = ev.data;
          if (data && data.type === 'bytes' && reports.delete(data.id)) {
            const r = Object.assign(JSON.parse(new TextDecoder().decode(data.bytes)), extra);
            data = { ...data, bytes: new TextEncoder().encode(JSON.stringify(r)).buffer };
          }
          handler?.call(this, new MessageEvent('message', { data }));
        });
      }
    };
  })();`;
}

/** Whether this build's wasm binding has graph export (the page enables the buttons only then). */
async function bindingHasGraphExport() {
  const require = createRequire(import.meta.url);
  const mod = await require(path.join(ROOT, 'build', 'wasm', 'dist', 'node-loader.cjs')).loadLinkdrift();
  return typeof mod.Analyzer.prototype.graphExport === 'function';
}

async function domSafety(page) {
  return page.evaluate((re) => {
    const rx = new RegExp(re);
    const attrs = [];
    for (const el of document.querySelectorAll('*')) for (const a of el.attributes) {
      if (/^on/i.test(a.name)) attrs.push(`${el.tagName}[${a.name}]`);
      if (rx.test(a.value)) attrs.push(`${el.tagName}[${a.name}] bidi`);
    }
    return {
      pwned: window.__pwned,
      anchors: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
      imgs: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => /__pwned/.test(s.textContent)).length,
      attrs, text: document.body.innerText,
    };
  }, BIDI.source);
}

test('stubbed report: event before/after panels, chains and graph render as text; export buttons follow the binding', async () => {
  const { page, rec, context } = await openPage(env.browser, { allow: (u) => isSameOrigin(u, env.server.origin) });
  await context.addInitScript(stubReports(STUB));
  await gotoApp(page, env.server.url);
  assert.equal(await runDemo(page), 'done');

  const panels = page.locator(tid('migration-event'));
  assert.equal(await panels.count(), 2);
  const overall = await panels.first().locator(`${tid('migration-event-overall')} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  assert.deepEqual(overall, [
    ['Messages', '100', '150', '+50%'],
    ['Signal link records', '2', '10', '+400%'],
    ['Discord link records', '0', '3', '–'],
  ], 'Telegram (0 → 0) is left out; a change from zero shows –');
  const head = await panels.first().locator('h3').innerText();
  assert.ok(head.includes('<script>window.__pwned=31</script>') && head.includes('\\u202E'), `the event label as text, the override visible: ${head}`);
  await panels.first().locator('summary').click();
  const chatRow = await panels.first().locator('details tbody tr').first().innerText();
  assert.ok(chatRow.includes('Gone') && chatRow.includes('−66.7%') && chatRow.includes('Signal 0 → 1'), chatRow);

  const chains = await page.locator(tid('migration-chains-list')).innerText();
  assert.match(chains, /Lost[\s\S]*cross-linked, 2 times, 2024-05-01 – 2024-06-01: evil/, `chains ordered by first date:\n${chains}`);
  assert.match(chains, /Ghost Market\s*→ announced \(move\), 1 time, 2024-10-07: Ghost Market Reborn\s*→ cross-linked, 3 times, 2024-11-11 – 2025-01-02: Ghost Market \(above\)/, chains);
  await page.waitForSelector(`${tid('chart-migration-graph')}[data-ready="true"]`);
  const graphText = await page.locator(tid('chart-migration-graph')).evaluate((el) => el.textContent);
  assert.ok(graphText.includes('Ghost Market Reborn') && !BIDI.test(graphText), `graph labels, no raw bidi: ${graphText.slice(0, 200)}`);

  const can = await bindingHasGraphExport();
  for (const f of ['csv', 'gexf', 'graphml'])
    assert.equal(await page.locator(tid(`export-graph-${f}`)).isDisabled(), !can, `export-graph-${f} enabled iff the binding has graphExport`);
  if (can) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('export-graph-gexf')).click()]);
    const xml = await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
    assert.match(xml, /<gexf[\s>]/, 'a GEXF document');
  } else {
    assert.match(await page.locator(tid('migration-graph-note')).innerText(), /no graph export/);
  }

  const dom = await domSafety(page);
  assert.equal(dom.pwned, undefined);
  assert.deepEqual(dom.anchors, [], 'the javascript: URL of a graph node is not a link');
  assert.deepEqual(dom.attrs, [], 'no on* attributes, no raw bidi in attributes');
  assert.equal(dom.imgs + dom.scripts, 0);
  assert.ok(!BIDI.test(dom.text), 'no raw bidi control in the page text');
  assert.deepEqual(rec.dialogs, []);
  assert.deepEqual(rec.pageErrors, []);
  await elementShot(page.locator('section[aria-labelledby="h-migration-events"]'), 'migration-stubbed-events');
  await elementShot(page.locator('section[aria-labelledby="h-migration-graph"]'), 'migration-stubbed-graph');
  await context.close();
});

test('hostile_announcements fixture: the announcements of a hostile chat render as text and execute nothing', async () => {
  const { page, rec, context } = await openPage(env.browser, { allow: (u) => isSameOrigin(u, env.server.origin) });
  await gotoApp(page, env.server.url);
  assert.equal(await uploadFiles(page, [fixturePath('hostile_announcements')]), 'done');
  const exp = expected('hostile_announcements');
  const got = await migrationRows(page);
  assert.deepEqual(got.map((r) => [r.chat, r.outcome]), exp.outcomes.map((o) => [o.chat, o.outcome]));
  assert.ok(got[0].name.includes('<script>window.__pwned=21</script>') && got[0].name.startsWith('\\u202E'), `name as text: ${got[0].name}`);
  const ev = await selectByKeyboard(page, 0);
  const phrases = await page.locator(tid('migration-phrase')).allTextContents();
  assert.deepEqual(phrases, exp.announcements.map((a) => a.phrase));
  assert.ok(ev.includes('old_market_backup') && ev.includes(exp.announcements[0].target), ev);
  // The Signal destination's URL is a real https link (the core saw it), nothing else is.
  const hrefs = await page.locator(`${tid('migration-evidence')} a[href]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('https://')), JSON.stringify(hrefs));
  const dom = await domSafety(page);
  assert.equal(dom.pwned, undefined);
  assert.deepEqual(dom.anchors, []);
  assert.deepEqual(dom.attrs, []);
  assert.equal(dom.imgs + dom.scripts, 0);
  assert.ok(!BIDI.test(dom.text));
  assert.deepEqual(rec.dialogs, []);
  assert.deepEqual(rec.pageErrors, []);
  await context.close();
});

test('migration_leaving fixture: a departure without a destination is listed as leaving, with none named, and its continuation', async () => {
  const { page, rec, context } = await openPage(env.browser, { allow: (u) => isSameOrigin(u, env.server.origin) });
  await gotoApp(page, env.server.url);
  assert.equal(await uploadFiles(page, [fixturePath('migration_leaving')]), 'done');
  const exp = expected('migration_leaving');
  const got = await migrationRows(page);
  assert.deepEqual(got.map((r) => [r.chat, r.outcome]), exp.outcomes.map((o) => [o.chat, o.outcome]));
  const crimson = got.find((r) => r.chat === 0);
  assert.ok(crimson.cells.some((c) => c === 'leaving'), `type cell: ${JSON.stringify(crimson.cells)}`);
  assert.ok(crimson.cells.some((c) => c.includes('none named')), `destination cell: ${JSON.stringify(crimson.cells)}`);
  assert.ok(crimson.cells.some((c) => c.includes('Crimson Gang Official')), `continuation: ${JSON.stringify(crimson.cells)}`);
  const ev = await selectByKeyboard(page, 0);
  assert.deepEqual(await page.locator(tid('migration-phrase')).allTextContents(), ['we are leaving Telegram']);
  assert.ok(ev.includes('none named'), ev);
  assert.deepEqual(rec.pageErrors, []);
  await context.close();
});
