import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.ts';

// Paging itself is in store-contract.ts (run against SQLite and PostgreSQL); this is SQLite's upgrade path.
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

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
