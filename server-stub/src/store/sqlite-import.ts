import type { Database } from 'better-sqlite3';
import type { ImportWriter } from './comment-store.ts';

/**
 * Runs an import as one SQLite transaction. The store's write transactions nest inside it as
 * savepoints (better-sqlite3 does that when a transaction is open), so the import follows the same
 * rules; BEGIN IMMEDIATE takes the write lock up front, so another process's write waits or fails
 * instead of interleaving.
 */
export async function runSqliteImport<T>(db: Database, tx: ImportWriter, work: (tx: ImportWriter) => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error('another import is still running on this database');
  // A bigger page cache for the import's many index writes (32 MB, then back to what it was).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -32768');
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work(tx);
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
