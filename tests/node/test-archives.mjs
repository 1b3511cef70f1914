// Test inputs in every form the core reads, shared by the Node and the browser
// tests: the HTML exports they use and the export folders / ZIP archives built
// from them and the JSON fixtures (zip-writer.mjs; written at test time, never
// committed).
//
// HTML pages come from the real exports in LINKDRIFT_REALWORLD (../shared/realworld,
// SOURCES.md): `sapienza-xrp-pump` is two consecutive pages written by a tdesktop
// older than 3.7.6 (dates without a UTC offset), `upon-path-salaf` one chat exported
// in both formats. Tests that need them skip when that folder is absent.
import fs from 'node:fs';
import path from 'node:path';

import { FIXTURES, REALWORLD } from './support.mjs';
import { zipBytes } from './zip-writer.mjs';

const TELEGRAM = path.join(REALWORLD, 'telegram');
/** Two consecutive HTML pages whose dates have no UTC offset. */
export const OLD_HTML = ['messages1.html', 'messages2.html'].map((f) => path.join(TELEGRAM, 'sapienza-xrp-pump', f));
/** One chat in both formats: result.json and messages.html side by side. */
export const BOTH_FORMATS = ['result.json', 'messages.html'].map((f) => path.join(TELEGRAM, 'upon-path-salaf', f));

/** False when every real export used here is there, else why the tests that need them skip. */
export const realworldSkip = [...OLD_HTML, ...BOTH_FORMATS].every((f) => fs.existsSync(f))
  ? false : `real exports missing under ${TELEGRAM} (LINKDRIFT_REALWORLD)`;

const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name));
const PHOTO = Buffer.from('\xff\xd8\xff\xe0 not really a JPEG, never read', 'latin1');

/**
 * The files of an HTML export folder as tdesktop writes it (its name first): the two
 * offset-less pages as messages.html / messages2.html, with css/, js/ and photos/
 * (never read). [{path, data}]
 */
export function htmlExportFolder(name) {
  return [
    { path: `${name}/messages.html`, data: fs.readFileSync(OLD_HTML[0]) },
    { path: `${name}/messages2.html`, data: fs.readFileSync(OLD_HTML[1]) },
    { path: `${name}/css/style.css`, data: 'body { margin: 0 }' },
    { path: `${name}/js/script.js`, data: 'function CheckLocation() {}' },
    { path: `${name}/photos/photo_1@28-01-2021_21-19-09.jpg`, data: PHOTO },
  ];
}

/** Writes `files` ([{path, data}]) below `dir`; returns `dir`. */
export function writeFolder(dir, files) {
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.data);
  }
  return dir;
}

/**
 * A ZIP of every kind of entry the page must handle: JSON exports (deflate and stored,
 * nested folders, one truncated), the HTML export folder (pages + media), one chat in both
 * formats (its page is skipped), folder entries, and a ZIP inside the ZIP (skipped).
 */
export function exportArchive() {
  const entries = [
    { path: 'ChatExport_2024-06-30/' },
    { path: 'ChatExport_2024-06-30/result.json', data: fixture('every_platform_row.json') },
    { path: 'ChatExport_2024-06-30/photos/' },
    { path: 'ChatExport_2024-06-30/photos/photo_2@01-01-2024_10-00-00.jpg', data: PHOTO, method: 'store' },
    { path: 'Account/result.json', data: fixture('account_2chats_1left.json'), method: 'store' },
    { path: 'Account/deep/er/Broken/result.json', data: fixture('fail_truncated.json') },
    ...htmlExportFolder('OldHtmlExport'),
    { path: 'Both/result.json', data: fs.readFileSync(BOTH_FORMATS[0]) },
    { path: 'Both/messages.html', data: fs.readFileSync(BOTH_FORMATS[1]) },
    { path: 'inner.zip', data: zipBytes([{ path: 'result.json', data: fixture('every_platform_row.json') }]), method: 'store' },
  ];
  return zipBytes(entries);
}
