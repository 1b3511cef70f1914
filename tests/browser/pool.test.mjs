// The worker pool (web/src/pool.ts), forced with ?workers=N: a generated 100 MB export
// (>= SPLIT_MIN_BYTES, so split across the workers at message boundaries) and several
// files with a broken one (spread across the workers, merged in file order) give the
// same cards and byte-identical report JSON exports with 2 workers as with 1; Cancel
// stops every worker of the pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  tid, openPage, uploadFiles, cards, cliReport, cardsOfReport, isSameOrigin, gotoApp, appUrl,
  fileStatuses, fixturePath, expected, waitChartsReady, appState, generatedExportSuite,
} from './harness.mjs';

const env = generatedExportSuite('big-100MB.json', ['--size', '100MB', '--seed', '3', '--layout', 'account']);
const MIX = ['account_2chats_1left', 'fail_truncated', 'signature_and_forwarded', 'every_platform_row', 'old_format_2020'];

/** Opens the page with `workers`, analyses `files`; the pool size, state, cards, statuses and the exported report JSON. */
async function runWith(workers, files) {
  const { server, browser } = env;
  const { page, context } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  try {
    await gotoApp(page, appUrl(server.url, workers));
    await page.waitForSelector(`${tid('build-kind')}[data-workers]`, { state: 'attached', timeout: 30000 });
    const size = Number(await page.locator(tid('build-kind')).getAttribute('data-workers'));
    const state = await uploadFiles(page, files, 180000);
    await waitChartsReady(page, 60000);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('export-json')).click()]);
    const json = fs.readFileSync(await download.path());
    return { size, state, cards: await cards(page), statuses: await fileStatuses(page), json };
  } finally {
    await context.close();
  }
}

test('2 workers split a 100 MB export: cards and report JSON equal 1 worker, byte for byte', async () => {
  const big = env.file;
  const one = await runWith(1, [big]);
  const two = await runWith(2, [big]);
  assert.equal(one.size, 1);
  assert.equal(two.size, 2, 'the pool has 2 workers (the module has the segment/serialize API)');
  assert.equal(one.state, 'done');
  assert.equal(two.state, 'done');
  assert.deepEqual(one.cards, cardsOfReport(cliReport([big])), '1 worker = linkdrift report');
  assert.deepEqual(two.cards, one.cards);
  assert.ok(two.json.equals(one.json), 'report JSON export identical');
});

test('2 workers, several files with a broken one: per-file errors, the rest complete, same export as 1 worker', async () => {
  const files = [...MIX.map(fixturePath), env.file];
  const one = await runWith(1, files);
  const two = await runWith(2, files);
  assert.equal(two.size, 2);
  assert.deepEqual(two.cards, one.cards);
  assert.ok(two.json.equals(one.json), 'report JSON export identical');
  // One status item per file, sorted by name (web/src/inputs.ts).
  const order = [...MIX, 'big-100MB'].sort();
  assert.deepEqual(two.statuses.map((s) => s.file), order.map((n) => `${n}.json`));
  for (const [i, name] of order.entries()) {
    const bad = name !== 'big-100MB' && expected(name).errors.length > 0;
    assert.equal(two.statuses[i].status, bad ? 'error' : 'ok', `${name}: ${two.statuses[i].text}`);
    if (bad) assert.ok(two.statuses[i].text.includes(expected(name).errors[0].message), two.statuses[i].text);
  }
});

test('Cancel with 2 workers: both stop, fresh ones answer the next run', async () => {
  const { server, browser, file: big } = env;
  const { page, context } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  try {
    await gotoApp(page, appUrl(server.url, 2));
    await page.waitForSelector(`${tid('build-kind')}[data-workers="2"]`, { state: 'attached', timeout: 30000 });
    const closed = [];
    for (const w of page.workers()) w.on('close', () => closed.push(w));
    assert.equal(page.workers().length, 2, 'two workers before the run');
    await page.locator(tid('file-input')).setInputFiles([big]);
    await page.waitForSelector(`${tid('app-state')}[data-state="reading"]`, { state: 'attached', timeout: 20000 });
    await page.waitForTimeout(200);
    assert.equal(await appState(page), 'reading');
    await page.locator(tid('cancel-button')).click();
    await page.waitForSelector(`${tid('app-state')}[data-state="cancelled"]`, { state: 'attached', timeout: 10000 });
    // A worker's close event may arrive after the page shows "cancelled" (late on a loaded machine): wait for it.
    for (let t = 0; closed.length < 2 && t < 100; t++) await page.waitForTimeout(100);
    assert.equal(closed.length, 2, 'both workers of the cancelled run terminated');
    const state = await uploadFiles(page, [fixturePath('every_platform_row')]);
    assert.equal(state, 'done');
    assert.equal(page.workers().length, 2, 'a fresh pool of two');
    const want = expected('every_platform_row');
    assert.equal(await page.locator(tid('card-messages')).getAttribute('data-value'), String(want.totals.messages));
  } finally {
    await context.close();
  }
});
