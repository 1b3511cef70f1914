// ZIP archives, HTML export folders and a growing analysis on the served page,
// against the native CLI on the same files (tests/node/test-archives.mjs builds them:
// JSON exports, an HTML export folder with css/js/photos, one chat in both formats,
// a truncated entry, a ZIP in the ZIP): a picked and a dropped ZIP give the CLI's
// cards and one status line per report file; a second pick adds to the analysis and
// Clear starts over; the HTML time zone control re-reads offset-less pages; a folder
// with no export shows its error line and is in the exported report as in the CLI's. Skipped without the real exports (../shared).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  servedBrowserSuite, tid, openPage, cards, fileStatuses, uploadFiles, addFiles, addFolder, clearAnalysis,
  cliReport, cardsOfReport, isSameOrigin, gotoApp, runAndSettle, appState, screenshot, tmpDir, FIXTURES, waitChartsReady,
} from './harness.mjs';
import { exportArchive, htmlExportFolder, writeFolder, realworldSkip } from '../node/test-archives.mjs';

const skip = realworldSkip;
let ctx, dir;
servedBrowserSuite(async ({ browser, server }) => {
  if (skip) return;
  dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'export.zip'), exportArchive());
  fs.copyFileSync(path.join(FIXTURES, 'signature_and_forwarded.json'), path.join(dir, 'signature_and_forwarded.json'));
  writeFolder(dir, [...htmlExportFolder('OldHtml'), { path: 'OldHtml/result.txt', data: 'not an export' }]);
  writeFolder(dir, [{ path: 'NoExport/photos/1.jpg', data: 'x' }, { path: 'NoExport/notes.txt', data: 'y' }]);
  ctx = await openPage(browser, { allow: (u) => isSameOrigin(u, server.origin) });
  await gotoApp(ctx.page, server.url);
});
after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

const at = (f) => path.join(dir, f);
const ref = (files, args = []) => cliReport(files, args, { cwd: dir });
const fmtInt = (n) => n.toLocaleString('en-US');

/** The file lines the page should show for `report`: an archive's line, then one per report file. */
function assertLines(lines, report, archives = []) {
  const files = lines.filter((l) => !archives.includes(l.file));
  assert.deepEqual(files.map((l) => l.file), report.files.map((f) => f.name), 'one status line per report file, in order');
  report.files.forEach((f, i) => {
    const l = files[i];
    assert.equal(l.status, f.status, `${f.name}: ${l.text}`);
    if (f.status === 'skipped') assert.ok(l.text.includes(f.skipped), `${f.name}: skip reason in ${JSON.stringify(l.text)}`);
    else assert.ok(l.text.includes(`${fmtInt(f.messages)} message`), `${f.name}: ${f.messages} messages in ${JSON.stringify(l.text)}`);
    if (f.error) assert.ok(l.text.includes(`at byte ${fmtInt(f.error.offset)}: ${f.error.message}`), `${f.name}: error in ${JSON.stringify(l.text)}`);
    if (f.assumed_utc_offset) assert.ok(l.text.includes(`UTC${f.assumed_utc_offset}`), `${f.name}: zone in ${JSON.stringify(l.text)}`);
    if (f.continues_chat) assert.ok(l.text.includes('continues the chat'), `${f.name}: ${JSON.stringify(l.text)}`);
  });
  for (const a of archives) assert.equal(lines.find((l) => l.file === a)?.status, 'ok', `the archive line of ${a}`);
}

async function dateRange(page) {
  return page.locator(tid('card-date-range')).getAttribute('data-value');
}

function rangeOf(r) {
  return `${r.totals.first_date.slice(0, 10)}/${r.totals.last_date.slice(0, 10)}`;
}

/** The report JSON the page exports (Export → Report (JSON)). */
async function exportedReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('export-json')).click()]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

test('a picked ZIP: cards and one status line per archive entry = `linkdrift report export.zip`', { skip }, async () => {
  const { page } = ctx;
  assert.equal(await uploadFiles(page, [at('export.zip')]), 'done');
  const want = ref(['export.zip']);
  assert.deepEqual(await cards(page), cardsOfReport(want));
  assert.equal(await dateRange(page), rangeOf(want));
  const lines = await fileStatuses(page);
  assertLines(lines, want, ['export.zip']);
  assert.ok(lines.find((l) => l.file === 'export.zip').text.includes('ZIP archive'));
  assert.ok(!lines.some((l) => /\.(jpg|css|js)$/.test(l.file)), 'media, css, js are not listed');
  await waitChartsReady(page);
  await screenshot(page, 'served-zip');
});

test('a second pick adds to the analysis; Clear starts over', { skip }, async () => {
  const { page } = ctx;
  // The page holds export.zip (the test before) when run in order; make sure of it.
  if (!(await fileStatuses(page)).some((l) => l.file === 'export.zip')) await uploadFiles(page, [at('export.zip')]);
  assert.equal(await addFiles(page, [at('signature_and_forwarded.json')]), 'done');
  const both = ref(['export.zip', 'signature_and_forwarded.json']);
  assert.deepEqual(await cards(page), cardsOfReport(both), 'cards = the CLI on both inputs, in pick order');
  assertLines(await fileStatuses(page), both, ['export.zip']);

  await clearAnalysis(page);
  assert.equal(await appState(page), 'idle');
  assert.deepEqual(await fileStatuses(page), []);
  assert.equal(await page.locator(tid('card-files')).getAttribute('data-value'), '');
  assert.ok(await page.locator(tid('clear-button')).isDisabled());

  assert.equal(await addFiles(page, [at('signature_and_forwarded.json')]), 'done');
  const one = ref(['signature_and_forwarded.json']);
  assert.deepEqual(await cards(page), cardsOfReport(one), 'after Clear only the new pick counts');
  assertLines(await fileStatuses(page), one);
});

test('HTML time zone: offset-less pages are read again in the chosen zone, their lines show it', { skip }, async () => {
  const { page } = ctx;
  await clearAnalysis(page);
  assert.ok(await page.locator('#html-tz').isHidden(), 'no offset-less file loaded: the control is hidden');
  assert.equal(await addFolder(page, at('OldHtml')), 'done');
  const utc = ref(['OldHtml']);
  assert.deepEqual((await fileStatuses(page)).map((l) => l.file), ['OldHtml/messages.html', 'OldHtml/messages2.html'],
    'the folder plan: the pages in page order, no css/js/photos/txt');
  assertLines(await fileStatuses(page), utc);
  assert.deepEqual(await cards(page), cardsOfReport(utc));
  const zone = page.locator(tid('control-html-tz'));
  assert.ok(await zone.isVisible(), 'shown once a file was read in an assumed zone');
  assert.match(await zone.getAttribute('title'), /reads the loaded files again/);
  assert.deepEqual(await page.locator(tid('file-status-item')).evaluateAll((els) => els.map((e) => e.dataset.zone)), ['+00:00', '+00:00']);

  assert.equal(await runAndSettle(page, () => zone.selectOption('180')), 'done', 'changing the zone re-reads');
  const east = ref(['OldHtml'], ['--html-tz', '+03:00']);
  assertLines(await fileStatuses(page), east);
  assert.deepEqual(await page.locator(tid('file-status-item')).evaluateAll((els) => els.map((e) => e.dataset.zone)), ['+03:00', '+03:00']);
  const report = await exportedReport(page);
  assert.equal(report.totals.first_date, east.totals.first_date);
  assert.equal(Date.parse(utc.totals.first_date) - Date.parse(report.totals.first_date), 3 * 3600e3, 'dates 3 h earlier in UTC');
  assert.equal(await dateRange(page), rangeOf(east));
  await screenshot(page, 'served-html-tz');
  await runAndSettle(page, () => zone.selectOption('0'));  // back to the default for the tests after
});

test('a folder with no export: its error line; the analysis still covers everything else', { skip }, async () => {
  const { page } = ctx;
  await uploadFiles(page, [at('signature_and_forwarded.json')]);
  assert.equal(await addFolder(page, at('NoExport')), 'done');
  const line = (await fileStatuses(page)).find((l) => l.file === 'NoExport');
  assert.equal(line?.status, 'error');
  assert.match(line.text, /2 files, none of them a Telegram export/);
  const want = ref(['signature_and_forwarded.json', 'NoExport']);
  assert.deepEqual(await cards(page), cardsOfReport(want), 'the other file still counted; the folder is a file, as in the CLI');
  const state = await page.locator(tid('app-state')).textContent();
  assert.match(state, /Done: 2 files, .* — 1 folder with no Telegram export \(see/, 'the folder named once, not also as a file with errors');
  const report = await exportedReport(page);
  assert.deepEqual(report.files, want.files, 'the folder is in the report\'s files, as in the CLI\'s');
  assert.deepEqual(report.errors, want.errors);
  assert.equal(report.errors.length, 1);
  assert.match(report.errors[0].message, /^2 files, none of them a Telegram export .*: NoExport\/notes\.txt, NoExport\/photos\/1\.jpg$/);
  assert.deepEqual(report.totals, want.totals);

  await clearAnalysis(page);
  assert.equal(await addFolder(page, at('NoExport')), 'error', 'nothing read at all: an error');
  assert.equal((await fileStatuses(page))[0].status, 'error');
});

test('a dropped ZIP reads like a picked one', { skip }, async () => {
  const { page } = ctx;
  await clearAnalysis(page);
  const b64 = fs.readFileSync(at('export.zip')).toString('base64');
  const state = await runAndSettle(page, () => page.evaluate((data) => {
    const bin = atob(data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'export.zip', { type: 'application/zip' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64));
  assert.equal(state, 'done');
  const want = ref(['export.zip']);
  assert.deepEqual(await cards(page), cardsOfReport(want));
  assertLines(await fileStatuses(page), want, ['export.zip']);
});
