import fs from 'node:fs';
import type { CommentStore } from '../store/comment-store.ts';
import { archiveRecords, parseArchive } from './archive.ts';
import { readDisqus } from './disqus.ts';
import { ImportInputError } from './import-error.ts';
import type { ImportOptions, ImportRecord } from './import-records.ts';
import type { ImportReport } from './import-report.ts';
import { importRecords } from './importer.ts';
import { readWxr } from './wxr.ts';

/** The formats `import` reads; `auto` looks at the file's first few kilobytes. */
export type ImportFormat = 'auto' | 'json' | 'wxr' | 'disqus';

/** The format of a file, from its beginning: a `<disqus>` or `<rss>` document, else JSON. */
export function detectFormat(head: string): Exclude<ImportFormat, 'auto'> {
  if (/<disqus[\s>]/.test(head)) return 'disqus';
  if (/<rss[\s>]/.test(head)) return 'wxr';
  if (/^\s*</.test(head)) throw new ImportInputError('an XML file that is neither a WordPress (WXR) nor a Disqus export', 1);
  return 'json';
}

/** The file's records, read as a stream (JSON exports, which the server writes itself, are read whole). */
export async function* readImportFile(file: string, format: ImportFormat, options: ImportOptions = {}): AsyncGenerator<ImportRecord> {
  const chosen = format === 'auto' ? detectFormat(await readHead(file)) : format;
  if (chosen === 'json') {
    yield* archiveRecords(parseArchive(await fs.promises.readFile(file, 'utf8')));
    return;
  }
  const chunks = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  yield* chosen === 'wxr' ? readWxr(chunks, options) : readDisqus(chunks, options);
}

/** Imports a file into a store, all or nothing. */
export function importFile(
  store: CommentStore,
  file: string,
  format: ImportFormat = 'auto',
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importRecords(store, readImportFile(file, format, options));
}

async function readHead(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
