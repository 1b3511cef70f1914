// The served page (web/dist through web/scripts/serve.mjs) on every fixture with
// hand-written expected values: cards, per-file status, records table; then several
// files at once, two of them broken; then the report controls (no re-read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  servedBrowserSuite, PLATFORMS, TABLES, tid, openPage, cards, fileStatuses, rows, uploadFiles,
  stateLog, waitChartsReady, fixturesWithExpected, fixturePath, expected, expectedPlatformRecords,
  appState, isSameOrigin, allUrls, screenshot, gotoApp,
} from './harness.mjs';


let ctx;
const env = servedBrowserSuite(async ({ browser, server }) => {
  ctx = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(ctx.page, server.url);
});

function expectedCards(exp) {
  const out = {
    'card-files': exp.totals.files,
    'card-chats': exp.totals.chats,
    'card-messages': exp.totals.messages,
  };
  const recs = expectedPlatformRecords(exp);
  for (const p of PLATFORMS) out[`card-links-${p}`] = recs[p];
  return out;
}

/** Header cells of a table, lowercased (maps record columns by name, not position). */
async function headers(page, table) {
  return page.locator(`${tid(table)} thead th`).evaluateAll((ths) => ths.map((t) => t.textContent.trim().toLowerCase()));
}

function col(hdrs, ...names) {
  return hdrs.findIndex((h) => names.some((n) => h === n || h.startsWith(n)));
}

for (const name of fixturesWithExpected()) {
  test(`fixture ${name}: cards, file status and records equal the expected values`, async () => {
    const { page } = ctx;
    const exp = expected(name);
    const state = await uploadFiles(page, [fixturePath(name)]);
    const statuses = await fileStatuses(page);
    assert.equal(state, 'done', `app-state after ${name}.json (file statuses: ${JSON.stringify(statuses)})`);

    assert.deepEqual(await cards(page), expectedCards(exp), 'cards');
    if (exp.totals.first_date !== undefined) {
      // card-date-range data-value: "FIRST/LAST" as UTC dates (nothing counted: no range).
      const range = await page.locator(tid('card-date-range')).getAttribute('data-value');
      const want = exp.totals.first_date === null ? null : `${exp.totals.first_date.slice(0, 10)}/${exp.totals.last_date.slice(0, 10)}`;
      assert.equal(want === null ? (range || null) : range, want, 'card-date-range');
    }

    assert.equal(statuses.length, 1, `one file-status-item: ${JSON.stringify(statuses)}`);
    assert.equal(statuses[0].file, path.basename(fixturePath(name)));
    if (exp.errors.length) {
      assert.equal(statuses[0].status, 'error');
      assert.ok(statuses[0].text.includes(exp.errors[0].message),
        `error text ${JSON.stringify(statuses[0].text)} should contain ${JSON.stringify(exp.errors[0].message)}`);
    } else {
      assert.equal(statuses[0].status, 'ok');
    }

    // Records table: one row per expected link record, in output order (the first page);
    // its pager (records-range, e.g. "1–28 of 28") names the total.
    const hdrs = await headers(page, 'table-records');
    const recRows = await rows(page, 'table-records');
    const want = exp.links;
    const range = (await page.locator(tid('records-range')).textContent()) ?? '';
    const total = /(\d[\d,\s]*)\s*$/.exec(range.replace(/\u00a0/g, ' ').trim());
    if (want.length === 0) {
      assert.equal(recRows.length, 0, 'no record rows');
      assert.ok(!total || Number(total[1].replace(/[,\s]/g, '')) === 0, `records-range ${JSON.stringify(range)} for no records`);
      return;
    }
    assert.ok(total, `records-range names a total: ${JSON.stringify(range)}`);
    assert.equal(Number(total[1].replace(/[,\s]/g, '')), want.length, `records total (records-range ${JSON.stringify(range)})`);
    // Columns by header: "Msg", "Platform · kind" (platform name, line break, kind),
    // "Target", "Source"; or separate "Platform" and "Kind" columns.
    const ci = {
      id: col(hdrs, 'msg', 'message'),
      platform: col(hdrs, 'platform'),
      kind: col(hdrs, 'kind') >= 0 ? col(hdrs, 'kind') : col(hdrs, 'platform · kind'),
      target: col(hdrs, 'target'),
      source: col(hdrs, 'source'),
    };
    for (const [k, v] of Object.entries(ci)) assert.ok(v >= 0, `table-records has a '${k}' column: ${JSON.stringify(hdrs)}`);
    const combined = ci.kind === ci.platform;
    const shown = Math.min(recRows.length, want.length);
    assert.ok(recRows.length >= Math.min(want.length, 10), `at least ${Math.min(want.length, 10)} record rows, got ${recRows.length}`);
    const got = recRows.slice(0, shown).map((r) => {
      const [platform, kind] = combined ? r[ci.platform].split(/\s*\n\s*/) : [r[ci.platform], r[ci.kind]];
      // Source cell: the source, then "forwarded" on a second line for forwarded messages.
      return [Number(r[ci.id]), platform.toLowerCase(), kind, r[ci.target], r[ci.source].split(/\s*\n\s*/)[0]];
    });
    assert.deepEqual(got, want.slice(0, shown), 'record rows (message id, platform, kind, target, source)');
  });
}

const MIX = ['every_platform_row', 'account_2chats_1left', 'fail_truncated', 'hidden_links_buttons_polls', 'fail_malformed'];

test('several files at once, two broken: errors per file, the other numbers complete', async () => {
  const { page } = ctx;
  const state = await uploadFiles(page, MIX.map(fixturePath));
  assert.equal(state, 'done');
  const want = { 'card-files': 0, 'card-chats': 0, 'card-messages': 0 };
  for (const p of PLATFORMS) want[`card-links-${p}`] = 0;
  for (const name of MIX) {
    const e = expectedCards(expected(name));
    for (const k of Object.keys(want)) want[k] += e[k];
  }
  assert.deepEqual(await cards(page), want, 'cards = sum of the expected totals');

  // The page sorts picked files by name (web/src/inputs.ts: deterministic for drops and
  // folder picks), so one status item per file, in name order.
  const statuses = await fileStatuses(page);
  const order = [...MIX].sort();
  assert.deepEqual(statuses.map((s) => s.file), order.map((n) => `${n}.json`), 'one status item per file, sorted by name');
  for (const [i, name] of order.entries()) {
    const exp = expected(name);
    if (exp.errors.length) {
      assert.equal(statuses[i].status, 'error', name);
      assert.ok(statuses[i].text.includes(exp.errors[0].message), `${name}: ${JSON.stringify(statuses[i].text)}`);
    } else {
      assert.equal(statuses[i].status, 'ok', name);
    }
  }
  await waitChartsReady(page);
  await screenshot(page, 'served-mixed-light');
});

test('controls: bucket week and tz redraw the charts without re-reading the files', async () => {
  const { page } = ctx;
  // The previous test loaded MIX. Remember what the page shows now.
  const before = await cards(page);
  const logBefore = (await stateLog(page)).length;
  const chartBefore = await page.locator(tid('chart-links-per-month')).innerHTML();

  // Bucket: select month -> week.
  const bucket = page.locator(tid('control-bucket'));
  await setControl(bucket, 'week');
  await waitChartsReady(page);
  await page.waitForFunction(
    ([sel, old]) => document.querySelector(sel)?.innerHTML !== old,
    [tid('chart-links-per-month'), chartBefore], { timeout: 10000 });
  const chartWeek = await page.locator(tid('chart-links-per-month')).innerHTML();

  // Time zone: UTC+03:00 (option values are minutes east of UTC).
  await setControl(page.locator(tid('control-tz')), '180');
  await waitChartsReady(page);

  const log = (await stateLog(page)).slice(logBefore);
  assert.ok(!log.includes('reading'), `no new read after control changes (states: ${JSON.stringify(log)})`);
  assert.equal(await appState(page), 'done');
  assert.deepEqual(await cards(page), before, 'totals do not depend on bucket/tz');
  assert.notEqual(chartWeek, chartBefore, 'the per-month chart changed with the bucket');
  for (const t of TABLES.slice(0, 2)) assert.ok((await rows(page, t)).length > 0, `${t} not empty`);
  await screenshot(page, 'served-mixed-week-tz');
});

/** Sets a control by value: <select>, <input> (text/date), or radio group container. */
async function setControl(loc, value) {
  const tag = await loc.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    const values = await loc.evaluate((el) => [...el.options].map((o) => o.value));
    const v = values.find((x) => x === value);
    assert.ok(v !== undefined, `option ${value} among ${JSON.stringify(values)}`);
    await loc.selectOption(v);
  } else if (tag === 'input') {
    await loc.fill(value);
    await loc.press('Enter');
    await loc.dispatchEvent('change');
  } else {
    const radio = loc.locator(`input[value="${value}"]`);
    assert.ok(await radio.count(), `control has an input with value ${value}`);
    await radio.check();
  }
}

test('served page: every request stayed on the origin', () => {
  const bad = allUrls(ctx.rec).filter((u) => !isSameOrigin(u, env.server.origin));
  assert.deepEqual(bad, []);
});
