// Partial results while a large file is read (issue 4, time to first chart): on a
// generated 300 MB export, a partial report (computed by the core in the lead
// worker) is rendered — non-zero cards, the links-per-month chart drawn, the note
// "Partial — still reading (x%)" — while app-state is still 'reading'; then the
// final report replaces it and equals `linkdrift report` of the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  tid, openPage, runAndSettle, cards, cliReport, cardsOfReport, isSameOrigin, gotoApp, appUrl,
  waitChartsReady, fileStatuses, screenshot, generatedExportSuite,
} from './harness.mjs';

const env = generatedExportSuite('big-300MB.json', ['--size', '300MB']);

test('a partial report is shown while reading 300 MB, then the final one equals the CLI', async () => {
  const { server, browser, file: big } = env;
  const { page } = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(page, appUrl(server.url, 1));
  let partial;
  const state = await runAndSettle(page, async () => {
    await page.locator(tid('file-input')).setInputFiles([big]);
    // Sampled inside the page, in one task: state, note and cards agree with each other.
    const h = await page.waitForFunction(() => {
      const note = document.querySelector('[data-testid="partial-note"]');
      const state = document.querySelector('[data-testid="app-state"]').dataset.state;
      const msgs = Number(document.querySelector('[data-testid="card-messages"]').dataset.value || 0);
      if (state !== 'reading' || note.hidden || !(msgs > 0)) return null;
      return {
        state, note: note.textContent, messages: msgs,
        chart: document.querySelector('[data-testid="chart-links-per-month"]').dataset.ready,
        progress: document.querySelector('#progress-bar').value,
      };
    }, null, { timeout: 120000, polling: 50 });
    partial = await h.jsonValue();
    await screenshot(page, 'partial-300MB');
  }, 180000);
  assert.equal(partial.state, 'reading');
  assert.match(partial.note, /^Partial — still reading \(\d{1,2}%\)/);
  assert.ok(partial.progress < 1, `partial shown before the whole file was read (progress ${partial.progress})`);
  assert.equal(partial.chart, 'true', 'links-per-month chart drawn from the partial report');

  assert.equal(state, 'done', `statuses ${JSON.stringify(await fileStatuses(page))}`);
  await waitChartsReady(page);
  assert.equal(await page.locator(tid('partial-note')).isHidden(), true, 'the note goes with the final report');
  const final = await cards(page);
  assert.deepEqual(final, cardsOfReport(cliReport([big])), 'final cards = linkdrift report');
  assert.ok(partial.messages <= final['card-messages'], `partial ${partial.messages} <= final ${final['card-messages']} messages`);
});
