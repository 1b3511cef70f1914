// The Lifecycles view (issue 12) on tests/fixtures/migration_stories.json: one
// row per chat with the core's lifecycle (ended or active, ranked successors
// with their evidence, backup channels), sortable and filterable, and one
// swimlane per chat with a line to its best successor; the values are the
// fixture's hand-written answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  servedBrowserSuite, tid, openPage, uploadFiles, fixturePath, expected, isSameOrigin, gotoApp, elementShot,
} from './harness.mjs';

const env = servedBrowserSuite();

/** The Lifecycles table: per row its chat index and cell texts. */
async function lifecycleRows(page) {
  return page.locator(`${tid('table-lifecycle')} tbody tr`).evaluateAll((trs) => trs.map((tr) => ({
    chat: Number(tr.dataset.row), cells: [...tr.cells].map((c) => c.innerText.trim()),
  })));
}

test('migration_stories fixture: every chat\'s lifecycle, ended chats first, with ranked successors and backups', async () => {
  const { page, rec, context } = await openPage(env.browser, { allow: (u) => isSameOrigin(u, env.server.origin) });
  await gotoApp(page, env.server.url);
  assert.equal(await uploadFiles(page, [fixturePath('migration_stories')]), 'done');
  const exp = expected('migration_stories');
  const ended = exp.chats.map((c, i) => [i, c.lifecycle]).filter(([, l]) => l.ended);
  let rows = await lifecycleRows(page);
  assert.equal(rows.length, exp.chats.length);
  // Default sort: ended first, the longest-ended first.
  const byEnd = [...ended].sort((a, b) => b[1].days_to_corpus_end - a[1].days_to_corpus_end).map(([i]) => i);
  assert.deepEqual(rows.slice(0, ended.length).map((r) => r.chat), byEnd);
  const row = (chat) => rows.find((r) => r.chat === chat).cells.join(' | ');
  // Al Ahad: two ranked successors, Al Ahad Security first (score 4), then the Hebrew channel (score 3).
  const alAhad = row(3);
  assert.ok(alAhad.includes('ended 31 d before the data'), alAhad);
  assert.ok(alAhad.indexOf('Al Ahad Security') < alAhad.indexOf('Al Ahad עברית'), alAhad);
  assert.match(alAhad, /score 4: same name; began 7 d after it ended/);
  assert.match(alAhad, /score 3: same name; began 21 d before it ended/);
  // GlorySec: its backup channel, where posting moved, is its successor.
  const glory = row(6);
  assert.match(glory, /score 7: announced it, links between them/);
  assert.ok(glory.includes('glorysec_backup (posting moved there)'), glory);
  // Quiet Leaks ended with no successor.
  assert.match(row(9), /ended 89 d before the data \| – \| –$/);
  // The filter keeps the ended chats; sorting by chat name orders them by name.
  await page.locator(tid('lifecycle-filter')).selectOption('ended');
  rows = await lifecycleRows(page);
  assert.deepEqual(rows.map((r) => r.chat).sort(), ended.map(([i]) => i).sort());
  await page.locator(`${tid('table-lifecycle')} button[data-sort="chat"]`).click();
  rows = await lifecycleRows(page);
  assert.deepEqual(rows.map((r) => r.cells[0]), ['Al Ahad', 'Bl00dy Ransomware Gang', 'GlorySec', 'Quiet Leaks']);
  assert.match(await page.locator(tid('lifecycle-foot')).innerText(), /^4 of 10 chats shown; 4 ended at least 30 days/);
  // Lanes: one per shown chat, a successor line for each ended chat whose best successor is shown (none: they are active).
  const lanes = page.locator(`${tid('lifecycle-lanes')} svg`);
  assert.equal(await lanes.locator('.lane-bar').count(), 4);
  assert.equal(await lanes.locator('.lane-ended').count(), 4);
  assert.equal(await lanes.locator('.lane-successor').count(), 0);
  await page.locator(tid('lifecycle-filter')).selectOption('all');
  assert.equal(await lanes.locator('.lane-bar').count(), 10);
  assert.equal(await lanes.locator('.lane-successor').count(), 3);  // Bl00dy, Al Ahad, GlorySec
  assert.equal(await lanes.locator('.lane-ann').count(), exp.announcements.length);
  await elementShot(page.locator(tid('lifecycle')), 'lifecycle-stories');
  assert.deepEqual(rec.pageErrors, []);
  await context.close();
});
