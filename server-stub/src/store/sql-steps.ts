import type { LiveEvent } from '../../../widget/src/protocol/types.ts';
import type { VersionedEvent } from './comment-store.ts';

/**
 * One statement a write rule asks its store to run, in SQL both databases accept (`?` parameters;
 * PostgreSQL's runner numbers them). `notify` is PostgreSQL's cross-instance signal; SQLite skips it.
 */
export type SqlStep =
  | { kind: 'one' | 'all' | 'run'; sql: string; params: readonly unknown[] }
  | { kind: 'notify'; thread: string; version: number };

/**
 * A write rule: a generator that yields statements and receives their results, so one rule runs
 * synchronously inside a SQLite transaction and asynchronously inside a PostgreSQL one.
 */
export type Rule<T> = Generator<SqlStep, T, unknown>;

/** The first row of a query, if any. */
export function* one<R>(sql: string, ...params: unknown[]): Rule<R | undefined> {
  return (yield { kind: 'one', sql, params }) as R | undefined;
}

/** Every row of a query. */
export function* all<R>(sql: string, ...params: unknown[]): Rule<R[]> {
  return (yield { kind: 'all', sql, params }) as R[];
}

/** Runs a statement; resolves with how many rows it changed. */
export function* run(sql: string, ...params: unknown[]): Rule<number> {
  return (yield { kind: 'run', sql, params }) as number;
}

/**
 * Logs a live event under the thread's next version (or the one given, already bumped) and
 * signals other instances; the rule returns the events it recorded so the store can publish them.
 */
export function* record(thread: string, event: LiveEvent, version?: number): Rule<VersionedEvent> {
  const v =
    version ??
    Number(
      (yield* one<{ version: number | string }>('UPDATE threads SET version = version + 1 WHERE key = ? RETURNING version', thread))!
        .version,
    );
  yield* run(
    'INSERT INTO events (thread_key, version, payload, created_at) VALUES (?, ?, ?, ?)',
    thread,
    v,
    JSON.stringify(event),
    new Date().toISOString(),
  );
  yield { kind: 'notify', thread, version: v };
  return { thread, version: v, event };
}

/** Runs a rule to the end synchronously (SQLite: better-sqlite3 is synchronous, inside `db.transaction`). */
export function runRuleSync<T>(rule: Rule<T>, exec: (step: SqlStep) => unknown): T {
  let step = rule.next();
  while (!step.done) step = rule.next(exec(step.value));
  return step.value;
}

/** Runs a rule to the end, awaiting each statement (PostgreSQL, inside one transaction). */
export async function runRuleAsync<T>(rule: Rule<T>, exec: (step: SqlStep) => Promise<unknown>): Promise<T> {
  let step = rule.next();
  while (!step.done) step = rule.next(await exec(step.value));
  return step.value;
}

/** `?` parameters numbered for PostgreSQL (`$1`, `$2`…); the rules' SQL has no `?` inside strings. */
export function numberParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
