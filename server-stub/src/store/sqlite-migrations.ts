import type { Database } from 'better-sqlite3';

/** Schema versions in order; entry N brings a database from `user_version` N to N+1. Never edit a shipped one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE threads (
     key        TEXT PRIMARY KEY,
     title      TEXT,
     url        TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE comments (
     seq         INTEGER PRIMARY KEY AUTOINCREMENT,
     id          TEXT NOT NULL UNIQUE,
     thread_key  TEXT NOT NULL REFERENCES threads(key),
     parent_id   TEXT REFERENCES comments(id),
     author_name TEXT,
     body        TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     status      TEXT NOT NULL DEFAULT 'published'
   );
   CREATE INDEX comments_by_thread ON comments(thread_key, seq);`,
];

/** Brings the schema up to date inside one transaction per step; returns the resulting version. */
export function migrateSqlite(db: Database): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`Database schema v${version} is newer than this server (v${MIGRATIONS.length}).`);
  }
  for (; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return version;
}
