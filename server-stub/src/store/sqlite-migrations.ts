import type { Database } from 'better-sqlite3';

/** One schema step: SQL, or a function for steps that need to compute (backfills). */
type Migration = string | ((db: Database) => void);

/** Schema versions in order; entry N brings a database from `user_version` N to N+1. Never edit a shipped one. */
const MIGRATIONS: readonly Migration[] = [
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

  // v2: paging. root_id finds a sub-thread in one indexed read; reply_count (all descendants) sorts "most replied".
  (db) => {
    db.exec(`ALTER TABLE comments ADD COLUMN root_id TEXT;
             ALTER TABLE comments ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;`);
    const rows = db.prepare('SELECT id, parent_id FROM comments ORDER BY seq').all() as { id: string; parent_id: string | null }[];
    const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
    const setRoot = db.prepare('UPDATE comments SET root_id = ? WHERE id = ?');
    const bump = db.prepare('UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?');
    for (const { id } of rows) {
      let root = id;
      const seen = new Set<string>();
      for (let p = parentOf.get(root); p && parentOf.has(p) && !seen.has(p); p = parentOf.get(root)) {
        seen.add(p);
        bump.run(p);
        root = p;
      }
      setRoot.run(root, id);
    }
    db.exec(`CREATE INDEX comments_roots ON comments(thread_key, parent_id, seq);
             CREATE INDEX comments_by_root ON comments(root_id, seq);`);
  },

  // v3: a per-thread version, bumped by every write, so reads can answer 304 or from memory.
  `ALTER TABLE threads ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   UPDATE threads SET version = (SELECT COUNT(*) FROM comments WHERE comments.thread_key = threads.key);`,

  // v4: owning a comment (edit token hash, edits), idempotent posts, votes, the live event log.
  `ALTER TABLE comments ADD COLUMN edit_token_hash TEXT;
   ALTER TABLE comments ADD COLUMN edited_at TEXT;
   ALTER TABLE comments ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE comments ADD COLUMN author_email TEXT;
   ALTER TABLE comments ADD COLUMN author_website TEXT;
   CREATE INDEX comments_top ON comments(thread_key, parent_id, score, seq);
   CREATE INDEX comments_children ON comments(parent_id);
   CREATE TABLE idempotency_keys (
     key          TEXT PRIMARY KEY,
     request_hash TEXT NOT NULL,
     comment_id   TEXT NOT NULL,
     created_at   TEXT NOT NULL
   );
   CREATE TABLE votes (
     comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
     voter_id   TEXT NOT NULL,
     ip_hash    TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (comment_id, voter_id)
   );
   CREATE TABLE events (
     thread_key TEXT NOT NULL,
     version    INTEGER NOT NULL,
     payload    TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (thread_key, version)
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,

  // v5: moderation (who posted, pending/rejected states), thread locks, bans.
  `ALTER TABLE comments ADD COLUMN ip_hash TEXT;
   ALTER TABLE threads ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX comments_by_status ON comments(status, seq);
   CREATE INDEX comments_by_email ON comments(author_email, status);
   CREATE TABLE bans (
     kind       TEXT NOT NULL CHECK (kind IN ('ip', 'email')),
     value      TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (kind, value)
   );`,

  // v6: first-time moderation asks "has this network published before?" on every post.
  `CREATE INDEX comments_by_ip ON comments(ip_hash, status);`,

  // v7: inline comments anchored to a passage of the page (JSON of the anchor, and its key).
  `ALTER TABLE comments ADD COLUMN anchor TEXT;
   ALTER TABLE comments ADD COLUMN anchor_key TEXT;
   CREATE INDEX comments_by_anchor ON comments(thread_key, anchor_key) WHERE anchor_key IS NOT NULL;`,

  // Sign-in (issue 14): who a signed-in author is (the site's user id) and their badge; names verified authors hold.
  `ALTER TABLE comments ADD COLUMN author_sub TEXT;
   ALTER TABLE comments ADD COLUMN author_badge TEXT;
   CREATE INDEX comments_by_sub ON comments(author_sub) WHERE author_sub IS NOT NULL;
   CREATE TABLE verified_names (name_key TEXT PRIMARY KEY, sub TEXT NOT NULL, created_at TEXT NOT NULL);`,

  // Moderation (issue 16): reader reports, moderators, the audit log, picks, moderator edits, reopening, search.
  `ALTER TABLE comments ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE comments ADD COLUMN edited_by TEXT;
   ALTER TABLE comments ADD COLUMN held_for TEXT;
   ALTER TABLE threads ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE threads ADD COLUMN locked_at TEXT;
   CREATE INDEX comments_featured ON comments(thread_key, seq) WHERE featured = 1;
   CREATE TABLE reports (
     comment_id   TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
     reporter     TEXT NOT NULL,
     reason       TEXT NOT NULL,
     note         TEXT,
     created_at   TEXT NOT NULL,
     dismissed_at TEXT,
     PRIMARY KEY (comment_id, reporter)
   );
   CREATE INDEX reports_open ON reports(created_at) WHERE dismissed_at IS NULL;
   CREATE TABLE moderators (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
   CREATE TABLE audit (
     seq        INTEGER PRIMARY KEY AUTOINCREMENT,
     at         TEXT NOT NULL,
     actor      TEXT NOT NULL,
     action     TEXT NOT NULL,
     comment_id TEXT,
     thread_key TEXT,
     before     TEXT,
     after      TEXT
   );
   CREATE VIRTUAL TABLE comments_fts USING fts5(body, author_name, content='comments', content_rowid='seq');
   CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
     INSERT INTO comments_fts(rowid, body, author_name) VALUES (new.seq, new.body, new.author_name);
   END;
   CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
     INSERT INTO comments_fts(comments_fts, rowid, body, author_name) VALUES ('delete', old.seq, old.body, old.author_name);
   END;
   CREATE TRIGGER comments_fts_update AFTER UPDATE OF body, author_name ON comments BEGIN
     INSERT INTO comments_fts(comments_fts, rowid, body, author_name) VALUES ('delete', old.seq, old.body, old.author_name);
     INSERT INTO comments_fts(rowid, body, author_name) VALUES (new.seq, new.body, new.author_name);
   END;
   INSERT INTO comments_fts(comments_fts) VALUES ('rebuild');`,

  // Notifications (issue 15): the outbox (every mail and webhook, written in the transaction that causes it),
  // addresses that asked for mail (double opt-in) and their subscriptions.
  `CREATE TABLE outbox (
     id           TEXT PRIMARY KEY,
     kind         TEXT NOT NULL,
     target       TEXT NOT NULL,
     payload      TEXT NOT NULL,
     batch_key    TEXT,
     status       TEXT NOT NULL DEFAULT 'pending',
     attempts     INTEGER NOT NULL DEFAULT 0,
     created_at   TEXT NOT NULL,
     window_from  TEXT NOT NULL,
     due_at       TEXT NOT NULL,
     leased_until TEXT,
     sent_at      TEXT,
     last_error   TEXT
   );
   CREATE INDEX outbox_due ON outbox(status, due_at);
   CREATE INDEX outbox_batch ON outbox(batch_key, status);
   CREATE TABLE notify_addresses (
     email            TEXT PRIMARY KEY,
     stop_token       TEXT NOT NULL UNIQUE,
     confirmed_at     TEXT,
     token_hash       TEXT,
     token_expires_at TEXT,
     confirm_sent_at  TEXT,
     created_at       TEXT NOT NULL
   );
   CREATE TABLE subscriptions (
     id         TEXT PRIMARY KEY,
     email      TEXT NOT NULL,
     thread_key TEXT NOT NULL,
     comment_id TEXT NOT NULL DEFAULT '',
     lang       TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (email, thread_key, comment_id)
   );
   CREATE INDEX subscriptions_by_thread ON subscriptions(thread_key, comment_id);`,
  // Issue 13: a first page costs the same in a thread of 10,000 as of 100, in every order a reader picks:
  // 'replies' and 'top' sorted every top-level comment of the thread without an index in their order
  // (comments_top served only the old 'top' query: every vote paid for it).
  // (PostgreSQL has a third index, for 'oldest'; SQLite reads those in order from comments_roots.)
  `CREATE INDEX comments_roots_by_replies ON comments(thread_key, reply_count DESC, seq) WHERE parent_id IS NULL;
   CREATE INDEX comments_roots_by_score ON comments(thread_key, score DESC, seq) WHERE parent_id IS NULL;
   DROP INDEX comments_top;`,
];

/** The schema version this server writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema up to date inside one transaction per step; returns the resulting version. */
export function migrateSqlite(db: Database): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`Database schema v${version} is newer than this server (v${MIGRATIONS.length}).`);
  }
  for (; version < MIGRATIONS.length; version++) {
    const step = MIGRATIONS[version]!;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return version;
}
