// The single-file build (web/dist-single/linkdrift.html) opened from file://: the
// demo runs, the cards equal the served page's (and so the CLI's), and the page
// makes no request other than file:, data: or blob:.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  servedBrowserSuite, SINGLE, CHARTS, TABLES, tid, openPage, cards, rows, runDemo, waitChartsReady,
  isLocalFileUrl, allUrls, screenshot, fileStatuses, gotoApp,
} from './harness.mjs';

const env = servedBrowserSuite();

async function demoCards(url, allow) {
  const ctx = await openPage(env.browser, { allow });
  await gotoApp(ctx.page, url);
  const state = await runDemo(ctx.page);
  assert.equal(state, 'done', `demo on ${url} (statuses ${JSON.stringify(await fileStatuses(ctx.page))})`);
  await waitChartsReady(ctx.page);
  return { ctx, cards: await cards(ctx.page) };
}

test('single-file build from file://: demo cards equal the served page, only file:/data:/blob: requests', async () => {
  assert.ok(fs.existsSync(SINGLE), `missing ${SINGLE} (scripts/build-web.sh)`);
  // Reference: the served page (web/dist).
  const served = await demoCards(env.server.url, () => true);
  await served.ctx.context.close();

  const single = await demoCards(pathToFileURL(SINGLE).href, isLocalFileUrl);
  const { page, rec } = single.ctx;
  assert.deepEqual(single.cards, served.cards, 'cards: single-file vs served');
  for (const c of CHARTS) assert.equal(await page.locator(tid(c)).getAttribute('data-ready'), 'true', c);
  for (const t of TABLES) assert.ok((await rows(page, t)).length > 0, `${t} has rows`);
  await screenshot(page, 'single-file-demo-light');

  const urls = allUrls(rec);
  assert.deepEqual(urls.filter((u) => !isLocalFileUrl(u)), [], 'requests other than file:/data:/blob:');
  // Only the page itself from file:; no sibling files (it is one file).
  const files = urls.filter((u) => u.startsWith('file:'));
  assert.deepEqual([...new Set(files)], [pathToFileURL(SINGLE).href], 'the only file: URL is the page itself');
  assert.deepEqual(rec.pageErrors, [], 'no page errors');
});
