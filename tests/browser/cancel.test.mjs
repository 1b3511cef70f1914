// Cancel during reading a large generated export (linkdrift-gen --size 400MB):
// the state becomes 'cancelled', and a new analysis (the demo) then works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  tid, openPage, appState, stateLog, runDemo, waitChartsReady,
  cards, isSameOrigin, allUrls, demoFileFrom, referenceReport, cardsOfReport, fileStatuses,
  gotoApp, generatedExportSuite,
} from './harness.mjs';

const env = generatedExportSuite('big-400MB.json', ['--size', '400MB']);

test('cancel while reading a 400 MB export, then the demo works', async () => {
  const { server, browser, file: big } = env;
  const { page, rec } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(page, server.url);
  const n0 = (await stateLog(page)).length;
  await page.locator(tid('file-input')).setInputFiles([big]);
  await page.waitForSelector(`${tid('app-state')}[data-state="reading"]`, { state: 'attached', timeout: 20000 });
  // Let it read a little (progress moves), then cancel.
  await page.waitForTimeout(200);
  assert.equal(await appState(page), 'reading', 'still reading 0.2 s in (400 MB takes longer)');
  await page.locator(tid('cancel-button')).click();
  await page.waitForSelector(`${tid('app-state')}[data-state="cancelled"]`, { state: 'attached', timeout: 10000 });
  const log = (await stateLog(page)).slice(n0);
  assert.deepEqual(log, ['reading', 'cancelled'], 'states from upload to cancel');
  // Stays cancelled: the discarded run does not come back as 'done' later.
  await page.waitForTimeout(1500);
  assert.equal(await appState(page), 'cancelled');

  const state = await runDemo(page);
  assert.equal(state, 'done', `demo after cancel (statuses ${JSON.stringify(await fileStatuses(page))})`);
  await waitChartsReady(page);
  const demo = demoFileFrom(allUrls(rec), server.origin);
  assert.equal(demo.length, 1, 'demo file fetched');
  assert.deepEqual(await cards(page), cardsOfReport(referenceReport(demo[0])), 'demo cards after a cancel (nothing of the big file left)');
});
