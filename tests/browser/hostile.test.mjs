// Hostile content executes nothing: tests/fixtures/hostile_html_bidi.json (and
// hostile_names_formula.json) carry <script>, <img onerror>, javascript: and data:
// URLs and U+202E overrides in chat names, message text and text_link hrefs; every
// payload would set window.__pwned or open a dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  servedBrowserSuite, PLATFORMS, CHARTS, TABLES, tid, openPage, cards, rows, uploadFiles,
  waitChartsReady, fixturePath, expected, expectedPlatformRecords, isSameOrigin, allUrls,
  screenshot, gotoApp,
} from './harness.mjs';

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

let ctx;
const env = servedBrowserSuite(async ({ browser, server }) => {
  ctx = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(ctx.page, server.url);
});

test('hostile HTML/bidi fixture: loads with the expected numbers and executes nothing', async () => {
  const { page, rec } = ctx;
  const files = ['hostile_html_bidi', 'hostile_names_formula'];
  const state = await uploadFiles(page, files.map(fixturePath));
  assert.equal(state, 'done');
  await waitChartsReady(page);

  // The numbers are the hand-written ones (the payloads did not break parsing or rendering).
  const got = await cards(page);
  const exps = files.map(expected);
  assert.equal(got['card-files'], 2);
  assert.equal(got['card-messages'], exps.reduce((a, e) => a + e.totals.messages, 0));
  for (const p of PLATFORMS) {
    assert.equal(got[`card-links-${p}`], exps.reduce((a, e) => a + expectedPlatformRecords(e)[p], 0), p);
  }

  // Interact with what shows names and links: hover rows, click chat rows.
  for (const t of TABLES) {
    const trs = page.locator(`${tid(t)} tr[data-row]`);
    const n = Math.min(await trs.count(), 5);
    for (let i = 0; i < n; i++) await trs.nth(i).hover().catch(() => {});
  }
  await page.waitForTimeout(300);

  assert.deepEqual(rec.dialogs, [], 'no dialog fired');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned stays unset');
  assert.deepEqual(rec.pageErrors, [], 'no uncaught page errors');

  const dom = await page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')]
      .filter((s) => /__pwned|alert\(/.test(s.textContent) || (s.src && !s.src.startsWith(location.origin)));
    const handlers = [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => /^on/i.test(a.name)));
    const imgs = [...document.querySelectorAll('img')].filter((i) => i.getAttribute('src') === 'x');
    const anchors = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))
      .filter((h) => /^\s*(javascript|data|vbscript|file):/i.test(h));
    const iframes = document.querySelectorAll('iframe, object, embed').length;
    return {
      scripts: scripts.map((s) => s.outerHTML.slice(0, 120)),
      handlers: handlers.map((e) => e.outerHTML.slice(0, 120)),
      imgs: imgs.length, anchors, iframes,
      text: document.body.innerText,
    };
  });
  assert.deepEqual(dom.scripts, [], '<script> from data in the DOM');
  assert.deepEqual(dom.handlers, [], 'elements with on* attributes');
  assert.equal(dom.imgs, 0, '<img src=x> from data in the DOM');
  assert.deepEqual(dom.anchors, [], 'anchors with javascript:/data: hrefs');
  assert.equal(dom.iframes, 0, 'iframes/objects');
  // The payloads are shown as text (escaped), not dropped: the chat name is visible.
  assert.ok(dom.text.includes('<script>window.__pwned=1</script>'),
    'the hostile chat name is displayed as literal text');

  // Displayed names: no raw bidi controls (U+202E & co.), in text or attributes.
  assert.ok(!BIDI.test(dom.text), `page text contains a raw bidi control near: ${JSON.stringify(dom.text.slice(Math.max(0, dom.text.search(BIDI) - 40), dom.text.search(BIDI) + 40))}`);
  const attrs = await page.evaluate((re) => {
    const rx = new RegExp(re);
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (rx.test(a.value)) out.push(`${el.tagName}[${a.name}]`);
    }
    return out;
  }, BIDI.source);
  assert.deepEqual(attrs, [], 'attributes (titles, data-*) with raw bidi controls');
  // Chart text is rendered by the chart library (SVG/canvas); SVG text must be clean too.
  for (const c of CHARTS) {
    const svgText = await page.locator(`${tid(c)}`).evaluate((el) => el.textContent);
    assert.ok(!BIDI.test(svgText), `${c} text has a raw bidi control`);
  }
  await screenshot(page, 'hostile-light');
  assert.deepEqual(allUrls(rec).filter((u) => !isSameOrigin(u, env.server.origin)), [], 'no request left the origin');
});

test('hostile fixture: the records table shows the expected link records', async () => {
  const { page } = ctx;
  const r = await rows(page, 'table-records');
  const text = r.map((cells) => cells.join(' | ')).join('\n');
  for (const [, platform, , target] of expected('hostile_html_bidi').links) {
    assert.ok(text.includes(target), `${platform} ${target} in the records table:\n${text}`);
  }
  assert.ok(!/javascript:|data:text/.test(text), `no javascript:/data: record:\n${text}`);
});
