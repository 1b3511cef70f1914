// Turning picks and drops into the list of files to analyse. Folders (picked
// with <input webkitdirectory> or dropped) contribute their *.json files only;
// files picked or dropped one by one are taken as they are.
import type { InputFile } from './protocol';

const isJson = (name: string) => /\.json$/i.test(name) && !/(^|\/)\._/.test(name);  // skip macOS ._ resource forks

/** Files from an <input type=file>; `folder`: keep only *.json, named by their path in the folder. */
export function fromInput(list: FileList | null, folder: boolean): InputFile[] {
  const out: InputFile[] = [];
  for (const file of list ?? []) {
    const name = (folder && file.webkitRelativePath) || file.name;
    if (folder && !isJson(name)) continue;
    out.push({ name, file });
  }
  return sortByName(out);
}

/** Files from a drop: plain files as they are, directories walked for *.json (DataTransferItem.webkitGetAsEntry). */
export async function collectDrop(dt: DataTransfer): Promise<InputFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of dt.items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else { const f = item.getAsFile(); if (f) loose.push(f); }
  }
  const out: InputFile[] = loose.map((file) => ({ name: file.name, file }));
  for (const e of entries) {
    if (e.isFile) out.push({ name: e.name, file: await fileOf(e as FileSystemFileEntry) });
    else if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, out);
  }
  return sortByName(out);
}

async function walk(dir: FileSystemDirectoryEntry, out: InputFile[]): Promise<void> {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (!batch.length) break;  // readEntries returns at most ~100 entries per call
    for (const e of batch) {
      if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, out);
      else if (e.isFile && isJson(e.fullPath)) out.push({ name: e.fullPath.replace(/^\//, ''), file: await fileOf(e as FileSystemFileEntry) });
    }
  }
}

function fileOf(e: FileSystemFileEntry): Promise<File> {
  return new Promise((res, rej) => e.file(res, rej));
}

function sortByName(list: InputFile[]): InputFile[] {
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Make reported names unique ("result.json", "result.json (2)") so each file keeps its own status line. */
export function uniqueNames(list: InputFile[]): InputFile[] {
  const seen = new Map<string, number>();
  return list.map((f) => {
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    return n === 1 ? f : { name: `${f.name} (${n})`, file: f.file };
  });
}
