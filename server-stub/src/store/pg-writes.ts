import type { Pool, PoolClient } from 'pg';
import { numberParams, type Rule, runRuleAsync } from './sql-steps.ts';

/** The channel every instance listens on; payloads name the thread and version only (NOTIFY caps payloads near 8 KB). */
export const EVENTS_CHANNEL = 'threadline_events';

/** Runs `fn` in one transaction. */
export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Runs a write rule (write-rules.ts) in one PostgreSQL transaction; its events reach every instance at commit. */
export function runPgRule<T>(pool: Pool, rule: Rule<T>): Promise<T> {
  return inTransaction(pool, (c) => runRuleOn(c, rule));
}

/** Runs a write rule's statements on a client whose transaction is already open (an import's). */
export function runRuleOn<T>(c: PoolClient, rule: Rule<T>): Promise<T> {
  return runRuleAsync(rule, async (step) => {
    if (step.kind === 'notify') {
      await c.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify({ thread: step.thread, version: step.version })]);
      return undefined;
    }
    const res = await c.query(numberParams(step.sql), [...step.params]);
    return step.kind === 'one' ? res.rows[0] : step.kind === 'all' ? res.rows : (res.rowCount ?? 0);
  });
}
