/**
 * A first page reads the same few rows however big its thread is, in every order a reader can pick
 * (issue 13: "first page cost flat in thread size"). Plans, not clocks: the rows a query visits are
 * deterministic where its milliseconds are not.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SORT_ORDERS, type SortOrder } from '../../../widget/src/protocol/types.ts';
import { pageComments } from './comment-rows.ts';
import { openPgStore, PAGE_SQL as PG_PAGE_SQL } from './pg-store.ts';
import { freshDatabase } from './pg-test-cluster.ts';
import { openSqliteStore, PAGE_SQL as SQLITE_PAGE_SQL } from './sqlite-store.ts';

const LIMIT = 50;
const OTHERS = 2000; // top-level comments of an older thread before the big one in the table, and of a newer one after it
const BIG = 1000; // top-level comments of the big thread
const first = (sort: SortOrder) => (sort === 'newest' ? { seq: Number.MAX_SAFE_INTEGER, rank: 0 } : { seq: 0, rank: 2_147_483_647 });

/** The rows a PostgreSQL plan read from `comments`: those it returned plus those it filtered out (per loop, times its loops). */
function rowsVisited(node: Record<string, unknown>): number {
  const own =
    node['Relation Name'] === 'comments'
      ? Number(node['Actual Loops'] ?? 1) *
        (Number(node['Actual Rows'] ?? 0) +
          Number(node['Rows Removed by Filter'] ?? 0) +
          Number(node['Rows Removed by Index Recheck'] ?? 0))
      : 0;
  return own + ((node.Plans as Record<string, unknown>[] | undefined) ?? []).reduce((n, child) => n + rowsVisited(child), 0);
}

describe('first page plans', () => {
  it('PostgreSQL reads about one page of rows of a big thread between two others, in every order', async () => {
    const db = await freshDatabase();
    const store = await openPgStore(db.url);
    await store.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `INSERT INTO threads (key, created_at) VALUES ('/older', '2024-01-01'), ('/big', '2024-06-01'), ('/newer', '2024-07-01')`,
    );
    for (const [key, n] of [
      ['/older', OTHERS],
      ['/big', BIG],
      ['/newer', OTHERS],
    ] as const) {
      await client.query(
        `INSERT INTO comments (id, thread_key, root_id, reply_count, score, body, created_at)
         SELECT $1 || i, $1, $1 || i, i % 7, i % 5, 'text', '2024-06-01' FROM generate_series(1, $2::int) i`,
        [key, n],
      );
    }
    await client.query('ANALYZE comments');
    // Every order's first page, and a later page of the ranked ones (from the first comment of rank 3).
    const pages = [
      ...SORT_ORDERS.map((sort) => ({ sort, start: first(sort) })),
      ...(['replies', 'top'] as const).map((sort) => ({ sort, start: { seq: 0, rank: 3 } })),
    ];
    for (const { sort, start } of pages) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${PG_PAGE_SQL[sort]}`, [
        '/big',
        start.seq,
        start.rank,
        LIMIT + 1,
        0,
        [],
      ]);
      const visited = rowsVisited(rows[0]['QUERY PLAN'][0].Plan);
      expect(visited, `${sort} from rank ${start.rank}`).toBeGreaterThanOrEqual(LIMIT + 1);
      expect(visited, `${sort} from rank ${start.rank}`).toBeLessThanOrEqual(2 * LIMIT);
    }
    await client.end();
    await db.drop();
  });

  it('SQLite reads every order from an index in that order, from the page key (no sort of all top-level comments)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-plans-'));
    const file = path.join(dir, 'plans.db');
    await openSqliteStore(file).close();
    const db = new BetterSqlite3(file);
    for (const sort of SORT_ORDERS) {
      const start = first(sort);
      const plan = db
        .prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${SQLITE_PAGE_SQL[sort]}`)
        .all({ key: '/big', seq: start.seq, rank: start.rank, limit: LIMIT + 1, scope: 0, anchors: '[]' })
        .map((r) => r.detail);
      expect({ sort, first: plan[0], sorted: plan.filter((d) => d.includes('TEMP B-TREE')) }).toEqual({
        sort,
        // The ranked orders start at the page key ('rank<?'), not at the thread's top.
        first: expect.stringMatching(
          sort === 'replies' || sort === 'top'
            ? /^SEARCH comments USING INDEX comments_roots_by_\w+ \(thread_key=\? AND \w+<\?\)/
            : /^SEARCH comments USING INDEX comments_roots /,
        ),
        sorted: [],
      });
    }
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a root hidden between the page query and the read of its sub-thread takes its replies with it', () => {
    const row = (id: string, parent: string | null, root: string) =>
      ({ id, parent_id: parent, root_id: root, seq: 0, reply_count: 0, score: 0 }) as never;
    const picked = [row('a', null, 'a'), row('b', null, 'b')];
    // 'a' was rejected after it was picked: its row is gone from the second read, its reply is not.
    const comments = pageComments(picked, [row('b', null, 'b'), row('a1', 'a', 'a'), row('b1', 'b', 'b')]);
    expect(comments.map((c) => c.id)).toEqual(['b', 'b1']);
  });
});
