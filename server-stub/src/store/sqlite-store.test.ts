import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentStore, StoredCommentInput } from './comment-store.ts';
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

describe('SQLite store (file, WAL, migrations; the rest is in store-contract.ts)', () => {
  it('creates the file (and its folder) and reports an empty store', async () => {
    expect(fs.existsSync(file)).toBe(true);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.getThread('/t')).toBeNull();
    expect(await store.listComments('/t')).toEqual([]);
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
});
