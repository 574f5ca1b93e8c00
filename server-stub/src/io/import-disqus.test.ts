import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { importFile } from './import-file.ts';
import { summarizeImport } from './import-summary.ts';

const ISSO = fileURLToPath(new URL('../../fixtures/imports/isso-remark42.disqus.xml', import.meta.url));

async function imported(options: { includeDeletedThreads?: boolean } = {}) {
  const store = openSqliteStore(':memory:');
  const report = await importFile(store, ISSO, 'auto', options);
  return { store, report };
}

describe('a Disqus export shaped like Isso’s and Remark42’s test data', () => {
  it('leaves threads marked deleted out with their posts, unless asked to bring them in', async () => {
    const { store, report } = await imported();
    expect(await store.getThread('/2014/03/01/removed.html')).toBeNull();
    expect(await store.findComment('dq-1578430006')).toBeNull();
    expect(report.skipped['deleted-thread']).toBe(2);
    expect(report.skippedItems).toEqual({ 'deleted Disqus thread': 1 });
    await store.close();

    const all = await imported({ includeDeletedThreads: true });
    expect((await all.store.listComments('/2014/03/01/removed.html')).map((c) => [c.id, c.parentId])).toEqual([
      ['dq-1578430006', null],
      ['dq-1578430007', 'dq-1578430006'],
    ]);
    await all.store.close();
  });

  it('imports a post with a malformed createdAt on its thread’s date, reports it by id, and imports the rest', async () => {
    const { store, report } = await imported();
    expect((await store.findComment('dq-1578430004'))!.comment.createdAt).toBe('2014-02-01T10:00:00.000Z');
    expect(report.notes.find((n) => n.id === 'dq-1578430004')!.note).toMatch(/createdAt "2014-13-45T99:00:00Z" is not a date/);
    expect(report.comments).toBe(5);
    await store.close();
  });

  it('gives a post without an id a stable one instead of dropping it as "already there", and counts duplicates and spam', async () => {
    const { store, report } = await imported();
    const key = '/?p=42';
    const noId = (await store.listComments(key)).find((c) => c.body === 'Exported without an id.')!;
    expect(noId.id).toMatch(/^dq-x[0-9a-f]{16}$/);
    expect(report.notes.find((n) => n.id === noId.id)!.note).toMatch(/had no id/);
    expect(report.skipped).toEqual({ spam: 1, duplicate: 1, 'deleted-thread': 2 });
    expect((await store.findComment('dq-1578430001'))!.comment.body).not.toContain('exported twice');
    // Importing the same file again finds every comment already there, the id-less one included.
    const again = await importFile(store, ISSO);
    expect(again).toMatchObject({ comments: 0, skipped: { 'already-there': 5 } });
    expect(summarizeImport(again).join('\n')).toContain('5 already there');
    await store.close();
  });

  it('keys threads like the widget (tracking parameters dropped, ?p= kept), decodes titles and locks closed threads only', async () => {
    const { store } = await imported();
    expect((await store.getThread('/2014/01/01/one.html'))!.title).toBe('It’s “One”'.replace('’', "'"));
    expect(await store.isThreadLocked('/?p=42')).toBe(true);
    expect(await store.isThreadLocked('/2014/01/01/one.html')).toBe(false);
    expect((await store.listComments('/2014/01/01/one.html')).map((c) => [c.id, c.status, c.body])).toEqual([
      ['dq-1578430001', 'published', 'First!\n\nTwo paragraphs & a [link](https://isso-comments.de/).'],
      ['dq-1578430002', 'deleted', ''],
      ['dq-1578430003', 'published', 'Answer to the removed one.\nStill stands: if a < b and c > d.'],
    ]);
    await store.close();
  });
});
