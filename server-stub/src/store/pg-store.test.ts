import pg from 'pg';
import { expect, it, vi } from 'vitest';
import { openPgStore } from './pg-store.ts';
import { freshDatabase } from './pg-test-cluster.ts';

it('PostgreSQL: the store outlives its idle connections being killed (a database restart)', async () => {
  const db = await freshDatabase();
  const store = await openPgStore(db.url);
  await store.setMeta('k', 'before');
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  // Kill every connection the store holds, as a restarting server would.
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ n: number }>(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1',
    [new URL(db.url).pathname.slice(1)],
  );
  await admin.end();
  expect(rows[0]!.n).toBeGreaterThan(0);
  await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining('idle PostgreSQL connection failed')));
  expect(await store.getMeta('k')).toBe('before');
  logged.mockRestore();
  await store.close();
  await db.drop();
});
