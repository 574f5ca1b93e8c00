import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveThreadKey } from '../../../widget/src/embed/options.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { importFile } from './import-file.ts';
import { summarizeImport } from './import-summary.ts';
import { threadKeyOf } from './thread-key.ts';

const THEME = fileURLToPath(new URL('../../fixtures/imports/theme-unit-test.wxr.xml', import.meta.url));

async function imported(options: { skipProtected?: boolean } = {}) {
  const store = openSqliteStore(':memory:');
  const report = await importFile(store, THEME, 'auto', options);
  return { store, report };
}

describe('a WordPress export shaped like the theme unit test data', () => {
  it('makes threads of published posts and pages only, keyed by their real path (/?p=N for plain permalinks)', async () => {
    const { store, report } = await imported();
    expect((await store.listThreads()).map((t) => t.key).sort()).toEqual([
      '/2013/01/05/title-with-special-characters/',
      '/?p=1149',
      '/?p=1168',
      '/?page_id=2',
    ]);
    // Drafts, attachments and menu items are not threads, and nothing lands on '/'.
    expect(await store.getThread('/')).toBeNull();
    expect(await store.getThread('/?p=1300')).toBeNull();
    expect(await store.getThread('/?attachment_id=968')).toBeNull();
    expect(report.skippedItems).toEqual({ 'draft post': 1, attachment: 1, nav_menu_item: 2 });
    expect(report.skipped['not-a-thread']).toBe(2);
    expect((await store.listComments('/?p=1149')).map((c) => c.id)).toEqual(['wp-881', 'wp-883', 'wp-884', 'wp-888']);
    await store.close();
  });

  it('locks only the thread whose comments were closed (a closed draft locks nothing)', async () => {
    const { store } = await imported();
    expect(await store.isThreadLocked('/2013/01/05/title-with-special-characters/')).toBe(true);
    for (const key of ['/', '/?p=1149', '/?p=1168', '/?page_id=2', '/?p=1300']) expect(await store.isThreadLocked(key)).toBe(false);
    await store.close();
  });

  it('decodes entities in titles', async () => {
    const { store } = await imported();
    expect((await store.getThread('/2013/01/05/title-with-special-characters/'))!.title).toBe(
      "Markup: Title With Special Characters 'quoted' & more",
    );
    expect((await store.getThread('/?p=1168'))!.title).toBe('Template: Password Protected (the password is “enter”)');
    await store.close();
  });

  it('uses comment_date when comment_date_gmt is 0000-00-00 00:00:00, and says so by id', async () => {
    const { store, report } = await imported();
    expect((await store.findComment('wp-883'))!.comment.createdAt).toBe('2013-03-11T23:46:38.000Z');
    expect(report.notes).toEqual([{ id: 'wp-883', note: expect.stringContaining('used comment_date') }]);
    await store.close();
  });

  it('holds comments on password-protected posts for moderation, or leaves them out with skipProtected', async () => {
    const held = await imported();
    expect(await held.store.listComments('/?p=1168')).toEqual([]);
    expect((await held.store.findComment('wp-1901'))!.comment.status).toBe('pending');
    expect(held.report.held).toBe(1);
    expect(summarizeImport(held.report).join('\n')).toMatch(/held for moderation: 1 on password-protected posts/);
    await held.store.close();

    const skipped = await imported({ skipProtected: true });
    expect(await skipped.store.findComment('wp-1901')).toBeNull();
    expect(skipped.report.skipped.protected).toBe(1);
    await skipped.store.close();
  });

  it('accounts for every comment of the file by reason, so the owner can reconcile it with WordPress', async () => {
    const { store, report } = await imported();
    expect(report.skipped).toEqual({
      duplicate: 1,
      pingback: 2,
      spam: 1,
      trash: 1,
      'unknown-status': 1,
      'not-a-thread': 2,
    });
    expect(report.examples.duplicate).toEqual(['wp-883']);
    // The duplicate did not replace the first one.
    expect((await store.findComment('wp-883'))!.comment.body).toBe('Imported long ago: no GMT date.');
    // A reply whose parent is spam goes in at the top level, counted.
    expect(report.orphans).toBe(1);
    expect((await store.findComment('wp-888'))!.comment.parentId).toBeNull();
    // The file's 16 <wp:comment>: 8 imported, 8 left out, each counted once.
    const left = Object.values(report.skipped).reduce((a, b) => a + b, 0);
    expect([report.comments, left]).toEqual([8, 8]);
    const summary = summarizeImport(report).join('\n');
    for (const words of [
      '2 pingbacks and trackbacks',
      '1 spam',
      '1 in the trash',
      '1 with an unknown status',
      '1 duplicate ids',
      'placed at the top level: 1',
    ])
      expect(summary).toContain(words);
    await store.close();
  });

  it('keeps a reply listed before its parent under that parent', async () => {
    const { store } = await imported();
    expect((await store.findComment('wp-884'))!.comment.parentId).toBe('wp-883');
    await store.close();
  });
});

describe('thread keys', () => {
  const page = (canonical: string) =>
    ({
      baseURI: canonical,
      location: { pathname: '/', search: '', href: canonical },
      querySelector: () => ({ href: canonical }),
    }) as unknown as Document;

  it('are the ones the widget uses by default on the same page', () => {
    for (const url of [
      'https://blog.example/?p=123',
      'https://blog.example/?page_id=7&replytocom=12',
      'https://blog.example/?p=123&utm_source=feed',
      'https://news.example/2019/07/story/?utm_source=x',
      'https://news.example/a/b',
    ])
      expect(threadKeyOf(url)).toBe(resolveThreadKey(undefined, page(url)));
  });
});
