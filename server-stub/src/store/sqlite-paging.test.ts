import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentStore, PageQuery, StoredCommentInput } from './comment-store.ts';
import { openSqliteStore } from './sqlite-store.ts';

let store: CommentStore;
let dir: string;
let clock = 0;
const add = (id: string, parentId: string | null = null, thread = '/t'): Promise<unknown> =>
  store.insertComment({
    id,
    thread,
    parentId,
    authorName: null,
    authorEmail: null,
    authorWebsite: null,
    editTokenHash: '',
    body: id,
    createdAt: new Date(Date.UTC(2024, 0, 1) + ++clock * 1000).toISOString(),
    page: { title: null, url: null },
  } satisfies StoredCommentInput);

/** Reads every page and returns the top-level ids per page. */
async function pages(sort: PageQuery['sort'], limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let after: PageQuery['after'] = null;
  do {
    const page = await store.listPage('/t', { sort, limit, after });
    out.push(page.comments.filter((c) => c.parentId === null).map((c) => c.id));
    after = page.next;
  } while (after);
  return out;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-paging-'));
  store = openSqliteStore(path.join(dir, 'db.sqlite'));
  // a(a1(a1x), a2), b, c(c1), d(d1(d1x(d1xy)), d2), e
  for (const [id, parent] of [
    ['a', null], ['a1', 'a'], ['b', null], ['a1x', 'a1'], ['c', null], ['c1', 'c'], ['d', null], ['d1', 'd'],
    ['a2', 'a'], ['d1x', 'd1'], ['d1xy', 'd1x'], ['d2', 'd'], ['e', null],
  ] as const) await add(id, parent);
  await add('other', null, '/other');
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('paging a thread', () => {
  it('pages top-level comments oldest first, each page carrying the replies of its roots', async () => {
    // limit 3 → at most 6 comments a page: a (4) + b (1); c (2) alone, as d (5) would overflow; d (5) + e (1).
    expect(await pages('oldest', 3)).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    const first = await store.listPage('/t', { sort: 'oldest', limit: 3, after: null });
    expect(first.comments.map((c) => c.id)).toEqual(['a', 'b', 'a1', 'a1x', 'a2']);
  });

  it('pages newest first', async () => {
    expect(await pages('newest', 10)).toEqual([['e', 'd', 'c', 'b', 'a']]);
    expect(await pages('newest', 1)).toEqual([['e'], ['d'], ['c'], ['b'], ['a']]);
  });

  it('pages most replied first (all descendants count), ties oldest first', async () => {
    expect(await pages('replies', 10)).toEqual([['d', 'a', 'c', 'b', 'e']]);
  });

  it('gives the whole sub-thread of a root, and counts several threads at once', async () => {
    expect((await store.listSubtree('d')).map((c) => c.id)).toEqual(['d', 'd1', 'd1x', 'd1xy', 'd2']);
    expect((await store.findComment('d1xy'))!.rootId).toBe('d');
    expect(await store.countComments(['/t', '/other', '/none'])).toEqual({ '/t': 13, '/other': 1 });
  });

  it('ends a page early when replies would make it more than twice the limit, but never empty', async () => {
    // limit 2 → at most 4 comments: a (4 with replies) fills page one alone; b and c (1 + 2) share the next.
    const first = await store.listPage('/t', { sort: 'oldest', limit: 2, after: null });
    expect(first.comments.map((c) => c.id)).toEqual(['a', 'a1', 'a1x', 'a2']);
    expect(await pages('oldest', 2)).toEqual([['a'], ['b', 'c'], ['d'], ['e']]);
    // d has 5 comments with its replies: more than the budget, and still shown whole on its own page.
    const onlyD = await store.listPage('/t', { sort: 'replies', limit: 1, after: null });
    expect(onlyD.comments.map((c) => c.id)).toEqual(['d', 'd1', 'd1x', 'd1xy', 'd2']);
  });

  it('a page boundary stays put when comments are posted meanwhile', async () => {
    const first = await store.listPage('/t', { sort: 'oldest', limit: 2, after: null });
    expect(first.comments.filter((c) => c.parentId === null).map((c) => c.id)).toEqual(['a']);
    await add('f', null);
    await add('b1', 'b');
    const second = await store.listPage('/t', { sort: 'oldest', limit: 2, after: first.next });
    expect(second.comments.map((c) => c.id)).toEqual(['b', 'c', 'c1', 'b1']);
  });
});

describe('migration v1 → v2', () => {
  it('backfills root ids and reply counts of an existing database', async () => {
    const file = path.join(dir, 'v1.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE threads (key TEXT PRIMARY KEY, title TEXT, url TEXT, created_at TEXT NOT NULL);
      CREATE TABLE comments (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, thread_key TEXT NOT NULL REFERENCES threads(key),
        parent_id TEXT REFERENCES comments(id), author_name TEXT, body TEXT NOT NULL, created_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'published');
      CREATE INDEX comments_by_thread ON comments(thread_key, seq);
      INSERT INTO threads VALUES ('/v1', NULL, NULL, '2024-01-01');
      INSERT INTO comments (id, thread_key, parent_id, body, created_at) VALUES
        ('r', '/v1', NULL, 'r', '2024-01-01'), ('r1', '/v1', 'r', 'r1', '2024-01-02'),
        ('r1a', '/v1', 'r1', 'r1a', '2024-01-03'), ('s', '/v1', NULL, 's', '2024-01-04');
      PRAGMA user_version = 1;`);
    raw.close();
    const migrated = openSqliteStore(file);
    expect((await migrated.findComment('r1a'))!.rootId).toBe('r');
    const page = await migrated.listPage('/v1', { sort: 'replies', limit: 10, after: null });
    expect(page.comments.filter((c) => c.parentId === null).map((c) => c.id)).toEqual(['r', 's']);
    expect((await migrated.listSubtree('r')).map((c) => c.id)).toEqual(['r', 'r1', 'r1a']);
    await migrated.close();
  });
});
