import type { ImportRecord } from './server-stub/src/io/import-records.ts';
import { importRecords } from './server-stub/src/io/importer.ts';
import { openSqliteStore } from './server-stub/src/store/sqlite-store.ts';

declare const gc: () => void;
const mode = process.argv[2];
const store = openSqliteStore(':memory:');
gc();
const base = process.memoryUsage().heapUsed;
async function* records(): AsyncGenerator<ImportRecord> {
  for (let i = 1; i <= 30000; i++) {
    if (i % 100 === 1) yield { type: 'thread', key: `/t${i}`, title: 't', url: 'u', locked: false };
    const first = i - ((i - 1) % 100);
    yield {
      type: 'comment',
      comment: {
        id: `wp-${i}`,
        thread: `/t${first}`,
        parentId: i % 3 === 0 && i > first ? `wp-${first}` : null,
        authorName: 'a',
        authorEmail: null,
        authorWebsite: null,
        ipHash: null,
        body: 'x'.repeat(500),
        createdAt: '2020-01-01T00:00:00.000Z',
        editedAt: null,
        status: 'published',
      },
    };
    if (i % 10000 === 0) {
      gc();
      console.log(mode, i, ((process.memoryUsage().heapUsed - base) / 1e6).toFixed(1), 'MB');
    }
  }
}
if (mode === 'direct') {
  await store.importBatch(async (tx) => {
    for await (const r of records())
      if (r.type === 'comment')
        await tx.insertComment({ ...r.comment, editTokenHash: '', page: { title: null, url: null }, status: 'published' });
  });
} else await importRecords(store, records());
