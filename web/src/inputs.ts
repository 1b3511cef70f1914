// Turning picks and drops into what the user gave: files named one by one, and
// whole folders. Nothing is filtered here: which files of a folder are read,
// and in which order, is the core's plan (pool.ts asks a worker: planFolder);
// a file named one by one is read whatever its name (its format is sniffed).

/** One piece of a pick or drop: a file, or a folder with every file below it. */
export type Picked =
  /** A file picked or dropped by itself. */
  | { kind: 'file'; name: string; file: File }
  /** A folder: its files' paths ('/'-separated, the folder's name first) and a way to open one (only planned files are opened). */
  | { kind: 'folder'; name: string; paths: string[]; open: (i: number) => Promise<File> };

/** The pieces of an <input type=file>: its files, or (`folder`, webkitdirectory) the one folder they are in. */
export function fromInput(list: FileList | null, folder: boolean): Picked[] {
  const files = [...(list ?? [])];
  if (!folder) return sortByName(files.map((file) => ({ kind: 'file', name: file.name, file })));
  if (!files.length) return [];
  const paths = files.map((f) => f.webkitRelativePath || f.name);
  return [{ kind: 'folder', name: paths[0].split('/')[0], paths, open: async (i) => files[i] }];
}

/** The pieces of a drop: plain files, and directories walked to the last file (DataTransferItem.webkitGetAsEntry). */
export async function collectDrop(dt: DataTransfer): Promise<Picked[]> {
  const entries: FileSystemEntry[] = [];
  const out: Picked[] = [];
  for (const item of dt.items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else { const f = item.getAsFile(); if (f) out.push({ kind: 'file', name: f.name, file: f }); }
  }
  for (const e of entries) {
    if (e.isFile) out.push({ kind: 'file', name: e.name, file: await fileOf(e as FileSystemFileEntry) });
    else if (e.isDirectory) {
      const found: FileSystemFileEntry[] = [];
      await walk(e as FileSystemDirectoryEntry, found);
      out.push({ kind: 'folder', name: e.name, paths: found.map((f) => f.fullPath.replace(/^\//, '')), open: (i) => fileOf(found[i]) });
    }
  }
  return sortByName(out);
}

async function walk(dir: FileSystemDirectoryEntry, out: FileSystemFileEntry[]): Promise<void> {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (!batch.length) break;  // readEntries returns at most ~100 entries per call
    for (const e of batch) {
      if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, out);
      else if (e.isFile) out.push(e as FileSystemFileEntry);
    }
  }
}

function fileOf(e: FileSystemFileEntry): Promise<File> {
  return new Promise((res, rej) => e.file(res, rej));
}

function sortByName<T extends { name: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Make reported names unique ("result.json", "result.json (2)") so each file keeps its
 * own status line; `taken`: names already in the analysis (they keep theirs).
 */
export function uniqueNames<T extends { name: string }>(list: T[], taken: ReadonlySet<string> = new Set()): T[] {
  const used = new Set(taken);
  return list.map((f) => {
    let name = f.name;
    for (let n = 2; used.has(name); n++) name = `${f.name} (${n})`;
    used.add(name);
    return name === f.name ? f : { ...f, name };
  });
}
