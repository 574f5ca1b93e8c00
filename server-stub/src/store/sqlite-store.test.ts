import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentStore, StoredCommentInput } from './comment-store.ts';
import { SEED_THREAD_KEY, seedIfEmpty } from './seed.ts';
import { SCHEMA_VERSION } from './sqlite-migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

let dir: string;
let file: string;
let store: CommentStore;

const input = (id: string, over: Partial<StoredCommentInput> = {}): StoredCommentInput => ({
  id,
  thread: '/t',
  parentId: null,
  authorName: 'Ann',
  authorEmail: null,
  authorWebsite: null,
  editTokenHash: 'h',
  body: `body of ${id}`,
  createdAt: '2024-05-01T10:00:00.000Z',
  page: { title: 'Page', url: 'https://example.com/t' },
  ...over,
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-store-'));
  file = path.join(dir, 'nested', 'threadline.db');
  store = openSqliteStore(file);
});
afterEach(async () => {
  await store.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite store', () => {
  it('creates the file (and its folder) and reports an empty store', async () => {
    expect(fs.existsSync(file)).toBe(true);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.getThread('/t')).toBeNull();
    expect(await store.listComments('/t')).toEqual([]);
  });

  it('stores a comment and returns it in protocol shape', async () => {
    const c = await store.insertComment(input('a'));
    expect(c).toEqual({
      id: 'a',
      thread: '/t',
      parentId: null,
      author: { name: 'Ann', website: null },
      body: 'body of a',
      createdAt: '2024-05-01T10:00:00.000Z',
      editedAt: null,
      score: 0,
      status: 'published',
    });
    expect(await store.findComment('a')).toEqual({ comment: c, rootId: 'a', editTokenHash: 'h' });
    expect(await store.getThread('/t')).toEqual({ key: '/t', title: 'Page', url: 'https://example.com/t', commentCount: 1, version: 1 });
  });

  it('lists a thread oldest first (insertion order for equal times) and keeps threads apart', async () => {
    await store.insertComment(input('a'));
    await store.insertComment(input('b', { parentId: 'a' }));
    await store.insertComment(input('x', { thread: '/other' }));
    await store.insertComment(input('c'));
    expect((await store.listComments('/t')).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect((await store.listComments('/other')).map((c) => c.id)).toEqual(['x']);
    expect((await store.getThread('/other'))!.commentCount).toBe(1);
  });

  it('keeps the first known page title and url of a thread', async () => {
    await store.insertComment(input('a', { page: { title: null, url: null } }));
    await store.insertComment(input('b', { page: { title: 'First', url: 'https://a.example/' } }));
    await store.insertComment(input('c', { page: { title: 'Second', url: 'https://b.example/' } }));
    expect(await store.getThread('/t')).toMatchObject({ title: 'First', url: 'https://a.example/' });
  });

  it('refuses a duplicate id without touching what is stored', async () => {
    await store.insertComment(input('a'));
    await expect(store.insertComment(input('a', { body: 'other' }))).rejects.toThrow();
    expect((await store.listComments('/t')).map((c) => c.body)).toEqual(['body of a']);
  });

  it('keeps everything across close and reopen, and migrating again is harmless', async () => {
    await store.insertComment(input('a', { body: 'Ugh 🤦‍♀️\n\nsecond paragraph' }));
    await store.close();
    store = openSqliteStore(file);
    expect((await store.findComment('a'))!.comment.body).toBe('Ugh 🤦‍♀️\n\nsecond paragraph');
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses to open a database from a newer server', async () => {
    await store.close();
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/newer/);
  });

  it('seeds the Westport thread into an empty store once, threaded as the page shows it', async () => {
    expect(await seedIfEmpty(store, 'http://127.0.0.1:5173/x')).toBe(19);
    expect(await seedIfEmpty(store, 'http://127.0.0.1:5173/x')).toBe(0);
    const comments = await store.listComments(SEED_THREAD_KEY);
    expect(comments).toHaveLength(19);
    expect(comments.filter((c) => c.parentId === null)).toHaveLength(7);
    expect(comments.find((c) => c.id === 'c7')).toMatchObject({ parentId: 'c6', author: { name: 'Sharon Paulsen' } });
    expect(comments.filter((c) => c.author.name === null)).toHaveLength(12);
    const times = comments.map((c) => c.createdAt);
    expect([...times].sort()).toEqual(times);
  });
});
