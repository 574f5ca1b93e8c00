import type { Database, Statement } from 'better-sqlite3';
import { type Rule, runRuleSync, type SqlStep } from './sql-steps.ts';

/** Runs write rules (write-rules.ts), each in one SQLite transaction, with statements prepared once. */
export function createSqliteWriter(db: Database): <T>(rule: Rule<T>) => T {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    const known = statements.get(sql);
    if (known) return known;
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };
  const exec = (step: SqlStep): unknown => {
    // Other instances cannot share a SQLite file's live events: there is no one to notify.
    if (step.kind === 'notify') return undefined;
    const statement = prepared(step.sql);
    if (step.kind === 'one') return statement.get(...step.params);
    if (step.kind === 'all') return statement.all(...step.params);
    return statement.run(...step.params).changes;
  };
  return <T>(rule: Rule<T>) => db.transaction(() => runRuleSync(rule, exec))();
}
