// The demo button on the served page: every view renders, the cards equal the
// native CLI's report of the same demo file, nothing leaves the origin, the CSP
// names no remote origin; screenshots of every view in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  servedBrowserSuite, PLATFORMS, CHARTS, TABLES, tid, openPage, cards, rows, runDemo,
  waitChartsReady, isSameOrigin, allUrls, screenshot, elementShot, fileStatuses, demoFileFrom,
  referenceReport, cardsOfReport, gotoApp,
} from './harness.mjs';

const env = servedBrowserSuite();
const served = {};  // colorScheme -> {ctx, cards}

for (const colorScheme of ['light', 'dark']) {
  test(`demo (${colorScheme}): every view renders and the cards equal the native CLI's report`, async () => {
    const ctx = await openPage(env.browser, { colorScheme, allow: () => true });  // record, don't block
    served[colorScheme] = { ctx };
    const { page } = ctx;
    await gotoApp(page, env.server.url);
    const state = await runDemo(page);
    assert.equal(state, 'done', `app-state (file statuses ${JSON.stringify(await fileStatuses(page))})`);
    await waitChartsReady(page);
    for (const c of CHARTS) {
      assert.equal(await page.locator(tid(c)).getAttribute('data-ready'), 'true', c);
      const box = await page.locator(tid(c)).boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, `${c} has a visible size: ${JSON.stringify(box)}`);
    }
    for (const t of TABLES) assert.ok((await rows(page, t)).length > 0, `${t} has rows`);

    const demoFiles = demoFileFrom(allUrls(ctx.rec), env.server.origin);
    assert.equal(demoFiles.length, 1, `one demo file fetched from web/dist: ${JSON.stringify(demoFiles)} of ${JSON.stringify(allUrls(ctx.rec))}`);
    const ref = referenceReport(demoFiles[0]);
    const want = cardsOfReport(ref);
    const got = await cards(page);
    served[colorScheme].cards = got;
    assert.deepEqual(got, want, `cards vs linkdrift report ${demoFiles[0]}`);
    assert.ok(ref.totals.link_records > 0 && PLATFORMS.some((p) => p !== 'telegram' && want[`card-links-${p}`] > 0),
      'the demo has links beyond Telegram (else this comparison proves little)');

    // Screenshots: whole page and each view.
    await screenshot(page, `demo-${colorScheme}-page`);
    for (const id of [...CHARTS, ...TABLES]) await elementShot(page.locator(tid(id)), `demo-${colorScheme}-${id}`);
  });
}

test('light and dark themes differ and show the same numbers', async () => {
  assert.ok(served.light?.cards && served.dark?.cards, 'both demo runs completed');
  assert.deepEqual(served.dark.cards, served.light.cards);
  const bg = async (page) => page.evaluate(() => {
    let el = document.body;
    let c = getComputedStyle(el).backgroundColor;
    if (c === 'rgba(0, 0, 0, 0)') c = getComputedStyle(document.documentElement).backgroundColor;
    return c;
  });
  const light = await bg(served.light.ctx.page);
  const dark = await bg(served.dark.ctx.page);
  assert.notEqual(light, dark, `page background light=${light} dark=${dark}`);
});

test('zero network beyond the origin (page and worker requests), CSP names no remote origin', async () => {
  assert.ok(served.light?.ctx, 'the demo run completed');
  const { page, rec } = served.light.ctx;
  const urls = allUrls(rec);
  assert.ok(urls.some((u) => u.endsWith('.wasm')), `the wasm module was fetched (and recorded): ${JSON.stringify(urls)}`);
  const bad = urls.filter((u) => !isSameOrigin(u, env.server.origin));
  assert.deepEqual(bad, [], 'requests outside the origin');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy" i]').evaluateAll((ms) => ms.map((m) => m.content));
  assert.equal(csp.length, 1, 'one CSP meta tag');
  const policy = csp[0];
  const sources = policy.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
  const remote = sources.filter((s) => /^(https?:|wss?:|ftp:|\*)/i.test(s) || /^[a-z0-9.-]+\.[a-z]{2,}/i.test(s) || s.includes('*'));
  assert.deepEqual(remote, [], `CSP sources naming remote origins: ${policy}`);
  assert.ok(/default-src\s+'none'|default-src\s+'self'/.test(policy), `default-src is 'none' or 'self': ${policy}`);
});
