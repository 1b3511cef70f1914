// The core's answers the page asks its worker for before reading (web/src/pool.ts
// prepare): Module.planFolder (which files of a picked folder to read, in which
// order, which to list as skipped, or why nothing is readable) and
// Module.sniffFormat (a file's format from its first bytes), on both builds.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { BUILDS, value } from './support.mjs';

const enc = new TextEncoder();

for (const [build, loadModule] of Object.entries(BUILDS)) {
  describe(`planFolder and sniffFormat (${build} build)`, () => {
    let M;
    before(async () => { M = await loadModule(); });
    const plan = (paths) => JSON.parse(value(M.planFolder(JSON.stringify(paths))));
    /** [path, kind, skip] in reading order. */
    const order = (paths) => plan(paths).files.map((f) => [paths[f.listed], f.kind, f.skip]);

    it('HTML pages in page order; media, css and js not listed', () => {
      const paths = ['Chat/photos/photo_1.jpg', 'Chat/messages10.html', 'Chat/css/style.css', 'Chat/messages2.html',
        'Chat/js/script.js', 'Chat/messages.html', 'Chat/video_files/v.mp4', 'Chat/files/readme.txt'];
      assert.deepEqual(order(paths), [
        ['Chat/messages.html', 'html', ''], ['Chat/messages2.html', 'html', ''], ['Chat/messages10.html', 'html', '']]);
      assert.equal(plan(paths).error, '');
    });

    it('JSON preferred over the HTML of the same chat: the pages are listed as skipped, at their place', () => {
      const got = order(['Both/result.json', 'Both/messages2.html', 'Both/messages.html', 'Both/photos/p.jpg']);
      assert.deepEqual(got.map(([p, k]) => [p, k]), [['Both/messages.html', 'html'], ['Both/messages2.html', 'html'], ['Both/result.json', 'json']]);
      for (const [, , skip] of got.slice(0, 2)) assert.match(skip, /Both\/result\.json/);
      assert.equal(got[2][2], '');
    });

    it('an account export: chats/*/messages*.html skipped below its result.json; its summary pages never listed', () => {
      const got = order(['Acc/result.json', 'Acc/export_results.html', 'Acc/lists/chats.html', 'Acc/chats/chat_001/messages.html']);
      assert.deepEqual(got.map(([p]) => p), ['Acc/chats/chat_001/messages.html', 'Acc/result.json']);
      assert.match(got[0][2], /Acc\/result\.json/);
    });

    it('JSON under any name, ZIP archives, path order across folders', () => {
      assert.deepEqual(order(['F/b/export.ZIP', 'F/a/chat.json', 'F/a/notes.txt']),
        [['F/a/chat.json', 'json', ''], ['F/b/export.ZIP', 'zip', '']]);
    });

    it('nothing readable: an error naming what was found, no files', () => {
      const p = plan(['Pics/1.jpg', 'Pics/2.jpg', 'Pics/sub/3.png']);
      assert.deepEqual(p.files, []);
      assert.match(p.error, /^3 files, none of them a Telegram export/);
      assert.match(p.error, /Pics\/1\.jpg/);
      assert.match(plan([]).error, /empty folder/);
      assert.equal(plan(['Only/messages.html', 'Only/result.json']).error, '', 'a readable folder has no error');
    });

    it('bad input: a failed result naming why', () => {
      for (const bad of ['nope', '{}', '[1]']) {
        const p = M.planFolder(bad);
        assert.equal(p.ok, false, bad);
        assert.match(p.error, /planFolder expects a JSON array of paths/, bad);
        assert.equal(p.value, undefined, bad);
      }
    });

    it('sniffFormat: JSON, HTML and ZIP from the first bytes, never from a name', () => {
      const sniff = (text, atEnd = false) => M.sniffFormat(typeof text === 'string' ? enc.encode(text) : text, atEnd);
      assert.equal(sniff('{"name": "x", "messages": []}'), 'json');
      assert.equal(sniff('\uFEFF \r\n\t<!DOCTYPE html>'), 'html');
      assert.equal(sniff('<html>'), 'html');
      assert.equal(sniff(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0])), 'zip');
      assert.equal(sniff(new Uint8Array([0x50, 0x4b, 5, 6])), 'zip', 'an empty archive');
      assert.equal(sniff('garbage'), 'json', 'the JSON reader says what is wrong');
      assert.equal(sniff('   \n'), '', 'whitespace only: undecided');
      assert.equal(sniff('   \n', true), 'json', 'at the end: the JSON reader reports it');
      assert.equal(sniff(new Uint8Array(0), true), 'json', 'an empty file');
      assert.equal(sniff(' '.repeat(4096)), 'json', '4096 bytes always decide');
    });
  });
}
