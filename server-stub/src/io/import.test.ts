import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type StaticArchive, toThreads } from '../../../widget/src/backend/static-backend.ts';
import seed from '../../fixtures/westport-thread.json' with { type: 'json' };
import type { CommentStore } from '../store/comment-store.ts';
import { openPgStore } from '../store/pg-store.ts';
import { freshDatabase } from '../store/pg-test-cluster.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { exportAll, publicArchive } from './archive.ts';
import { importFile } from './import-file.ts';
import { importArchive } from './importer.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url));
const SEED = '/news/westport-police-address-immigration-raid-fears';

describe('importing a WordPress export (WXR)', () => {
  it('brings in the Westport thread exactly as the page shows it, and leaves spam and pingbacks out', async () => {
    const store = openSqliteStore(':memory:');
    const report = await importFile(store, fixture('westport.wxr.xml'));
    expect(report).toMatchObject({ threads: 2, comments: 20, votes: 0 });
    const comments = await store.listComments(SEED);
    expect(comments).toHaveLength(19);
    const wpId = new Map(seed.comments.map((c, i) => [c.id, `wp-${i + 101}`]));
    for (const s of seed.comments) {
      const c = comments.find((x) => x.id === wpId.get(s.id))!;
      expect(c.parentId).toBe(s.parentId ? wpId.get(s.parentId) : null);
      expect(c.author.name).toBe(s.authorName);
      expect(c.body).toBe(s.body);
      expect(c.createdAt).toBe(new Date(Date.parse('2019-07-17T13:05:00Z') + s.order * 23 * 60_000).toISOString());
    }
    expect((await store.getThread(SEED))!.title).toBe('Westport Police Address Immigration Raid Fears');
    const held = (await store.listForAdmin({ status: 'pending', limit: 10 })).comments;
    expect(held.map((c) => [c.body, c.authorEmail, c.author.website])).toEqual([
      [
        'Still waiting for the **full** statement & the [Trust Act text](https://cga.ct.gov/trust-act).',
        'late@reader.example',
        'https://late.example',
      ],
    ]);
    expect(await store.isThreadLocked('/news/library-extends-weekend-hours')).toBe(true);
    await store.close();
  });
});

describe('importing a Disqus export', () => {
  it('keeps threading, authors and dates, turns HTML into text, keeps deleted parents as placeholders, drops spam', async () => {
    const store = openSqliteStore(':memory:');
    const report = await importFile(store, fixture('disqus-export.xml'));
    expect(report.comments).toBe(5);
    const comments = await store.listComments('/news/trust-act-explained');
    expect(comments.map((c) => [c.id, c.parentId, c.status, c.author.name])).toEqual([
      ['dq-90001', null, 'published', 'Priya N.'],
      ['dq-90002', null, 'deleted', null],
      ['dq-90003', 'dq-90002', 'published', 'Tom'],
      ['dq-90004', 'dq-90001', 'published', 'Lou'],
    ]);
    expect(comments[0]!.body).toBe(
      'Clear explainer, thank you.\n\nThe detainer part is what most people **miss** — see [the act](https://cga.ct.gov/trust-act).',
    );
    expect(comments[2]!.body).toBe('Replying to the deleted one anyway:\nit & its point still stand.');
    expect(comments[0]!.createdAt).toBe('2019-07-20T11:15:00.000Z');
    expect((await store.listForAdmin({ limit: 10 })).comments.find((c) => c.id === 'dq-90001')!.authorEmail).toBe('priya@example.com');
    expect(await store.isThreadLocked('/news/old-story')).toBe(true);
    expect((await store.getThread('/news/old-story'))!.commentCount).toBe(1);
    await store.close();
  });
});

/** A store with every kind of state: edits, votes, held, rejected and deleted comments, locks, bans. */
async function fillEverything(store: CommentStore): Promise<void> {
  await importFile(store, fixture('westport.wxr.xml'));
  await store.editComment('wp-101', 'Edited first comment', '2024-01-01T00:00:00.000Z', 'published');
  await store.setVote('wp-102', 'voter-1', 'iph-1', true, '2024-01-02T00:00:00.000Z');
  await store.setVote('wp-102', 'voter-2', 'iph-2', true, '2024-01-02T00:00:01.000Z');
  await store.setStatus('wp-119', 'rejected');
  await store.deleteComment('wp-105'); // has replies: stays as a placeholder
  await store.setBan('email', 'troll@example.com', true);
  await store.insertComment({
    id: 'inline-1',
    thread: SEED,
    parentId: null,
    authorName: 'Quoter',
    authorEmail: null,
    authorWebsite: null,
    body: 'On this passage',
    createdAt: '2024-02-01T00:00:00.000Z',
    editTokenHash: '',
    page: { title: null, url: null },
    anchor: { type: 'quote', exact: 'Connecticut Trust Act', prefix: 'on the ', suffix: ', which', position: 700, key: 'k1' },
  });
}
const comparable = async (store: CommentStore) => {
  const { exportedAt: _at, ...rest } = await exportAll(store);
  return rest;
};

describe('export and re-import', () => {
  it('round-trips everything losslessly, SQLite to PostgreSQL and back', async () => {
    const source = openSqliteStore(':memory:');
    await fillEverything(source);
    const archive = await exportAll(source);
    expect(archive.comments.map((c) => c.status).sort()).toEqual(expect.arrayContaining(['deleted', 'pending', 'rejected', 'published']));

    const db = await freshDatabase();
    const pgStore = await openPgStore(db.url);
    await importArchive(pgStore, JSON.parse(JSON.stringify(archive)));
    expect(await comparable(pgStore)).toEqual(await comparable(source));
    // Its statistics are renewed (never analyzed: -1), so a big imported thread's first page reads by index at once.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const [{ reltuples }] = (await client.query("SELECT reltuples FROM pg_class WHERE relname = 'comments'")).rows;
    await client.end();
    expect(reltuples).toBe(archive.comments.length);

    const back = openSqliteStore(':memory:');
    await importArchive(back, await exportAll(pgStore));
    expect(await comparable(back)).toEqual(await comparable(source));
    expect((await back.listComments(SEED)).find((c) => c.id === 'wp-102')!.score).toBe(2);
    expect((await back.listComments(SEED)).find((c) => c.id === 'inline-1')!.anchor).toMatchObject({
      exact: 'Connecticut Trust Act',
      key: 'k1',
    });

    // Importing again changes nothing.
    const again = await importArchive(back, archive);
    expect(again.comments).toBe(0);
    expect(again.skipped['already-there']).toBe(archive.comments.length);
    expect(await comparable(back)).toEqual(await comparable(source));
    await Promise.all([source.close(), pgStore.close(), back.close()]);
    await db.drop();
  });

  it('a public copy shows readers the same threads and nothing they must not see; it imports as an archive', async () => {
    const store = openSqliteStore(':memory:');
    await fillEverything(store);
    // A signed-in reader whose email is kept for reply mail, seen from an address.
    await store.insertComment({
      id: 'with-email',
      thread: SEED,
      parentId: 'wp-102',
      authorName: 'Rae',
      authorEmail: 'rae@example.com',
      authorWebsite: null,
      authorSub: 'oidc-sub-rae',
      ipHash: 'iph-rae',
      body: 'Agreed.',
      createdAt: '2024-03-01T00:00:00.000Z',
      editTokenHash: '',
      page: { title: null, url: null },
    });
    // A reply under a held comment (hidden with it), and a page only a rejected comment was posted on.
    const held = (await exportAll(store)).comments.find((c) => c.status === 'pending')!;
    const more = { authorEmail: null, authorWebsite: null, editTokenHash: '', createdAt: '2024-03-02T00:00:00.000Z' };
    await store.insertComment({
      ...more,
      ...{ id: 'under-held', thread: SEED, parentId: held.id, authorName: 'Ulla', body: 'Quoting it' },
      page: { title: null, url: null },
    });
    await store.insertComment({
      ...more,
      ...{ id: 'on-draft', thread: '/drafts/embargoed', parentId: null, authorName: 'Early', body: 'First' },
      page: { title: 'Embargoed story', url: 'https://staging.news.example/embargoed' },
    });
    await store.setStatus('on-draft', 'rejected');
    const archive = await exportAll(store);
    const copy = publicArchive(archive);
    expect(copy.comments.map((c) => c.id)).not.toContain('under-held');
    expect(JSON.stringify(copy)).not.toContain('embargoed');
    // Votes are counted, not dated: each carries its comment's date.
    const dateOf = new Map(copy.comments.map((c) => [c.id, c.createdAt]));
    expect(copy.votes.map((v) => v.createdAt)).toEqual(copy.votes.map((v) => dateOf.get(v.commentId)));
    // What the static adapter draws from the published file is what it draws from the whole export.
    // (Threads with nothing to show are left out of the copy: the widget shows them empty either way.)
    const shown = (a: typeof archive) =>
      [...toThreads(JSON.parse(JSON.stringify(a)) as StaticArchive)].filter(([, t]) => t.comments.length > 0);
    expect(shown(copy)).toEqual(shown(archive));
    expect(shown(copy).length).toBeGreaterThan(0);
    const text = JSON.stringify(copy);
    const secrets = [
      ...archive.comments.flatMap((c) => [c.authorEmail, c.ipHash, c.authorSub]),
      ...archive.votes.flatMap((v) => [v.voterId, v.ipHash]),
      ...archive.bans.map((b) => b.value),
    ].filter((v): v is string => !!v);
    expect(secrets).toEqual(
      expect.arrayContaining(['rae@example.com', 'iph-rae', 'oidc-sub-rae', 'voter-1', 'iph-1', 'troll@example.com']),
    );
    for (const secret of secrets) expect(text).not.toContain(secret);
    // Held, rejected, and a deleted comment nobody replied to are not in it; a placeholder is blank.
    const ids = new Set(copy.comments.map((c) => c.id));
    for (const c of archive.comments.filter((c) => c.status === 'pending' || c.status === 'rejected')) expect(ids.has(c.id)).toBe(false);
    expect(copy.comments.find((c) => c.id === 'wp-105')).toMatchObject({ status: 'deleted', body: '', authorName: null });

    const back = openSqliteStore(':memory:');
    await importArchive(back, JSON.parse(text));
    expect((await back.listComments(SEED)).find((c) => c.id === 'wp-102')!.score).toBe(2);
    await Promise.all([store.close(), back.close()]);
  });

  it('refuses a file that is not an archive, changing nothing', async () => {
    const store = openSqliteStore(':memory:');
    await expect(importArchive(store, { format: 'something-else' })).rejects.toThrow();
    expect(await store.isEmpty()).toBe(true);
    await store.close();
  });

  it('works from the command line: import a WXR file, export JSON', { timeout: 90_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-'));
    const db = path.join(dir, 'site.db');
    const bin = fileURLToPath(new URL('../../bin/threadline-server.mjs', import.meta.url));
    const env = { ...process.env, THREADLINE_SEED: '0', DATABASE_URL: '', THREADLINE_LOG: '0' };
    const imported = execFileSync(process.execPath, [bin, 'import', fixture('westport.wxr.xml'), '--db', db], { env, encoding: 'utf8' });
    expect(imported).toMatch(/imported 20 comments in 2 threads/);
    execFileSync(process.execPath, [bin, 'export', '--db', db, '--out', path.join(dir, 'out.json')], { env });
    const out = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(out.format).toBe('threadline-export');
    expect(out.comments).toHaveLength(20);
    execFileSync(process.execPath, [bin, 'export', '--public', '--db', db, '--out', path.join(dir, 'public.json')], { env });
    const copy = fs.readFileSync(path.join(dir, 'public.json'), 'utf8');
    expect(out.comments.some((c: { authorEmail: string | null }) => c.authorEmail)).toBe(true);
    expect(JSON.parse(copy).comments.every((c: { authorEmail: string | null; ipHash: string | null }) => !c.authorEmail && !c.ipHash)).toBe(
      true,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
