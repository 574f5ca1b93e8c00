import type { Pool } from 'pg';

/** PostgreSQL schema versions in order (the same shape as SQLite's v5). Never edit a shipped one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE threads (
     key        TEXT PRIMARY KEY,
     title      TEXT,
     url        TEXT,
     created_at TEXT NOT NULL,
     version    BIGINT NOT NULL DEFAULT 0,
     locked     BOOLEAN NOT NULL DEFAULT FALSE
   );
   CREATE TABLE comments (
     seq             BIGSERIAL PRIMARY KEY,
     id              TEXT NOT NULL UNIQUE,
     thread_key      TEXT NOT NULL REFERENCES threads(key),
     parent_id       TEXT REFERENCES comments(id),
     root_id         TEXT NOT NULL,
     reply_count     INTEGER NOT NULL DEFAULT 0,
     author_name     TEXT,
     author_email    TEXT,
     author_website  TEXT,
     body            TEXT NOT NULL,
     created_at      TEXT NOT NULL,
     edited_at       TEXT,
     score           INTEGER NOT NULL DEFAULT 0,
     edit_token_hash TEXT,
     ip_hash         TEXT,
     status          TEXT NOT NULL DEFAULT 'published'
   );
   CREATE INDEX comments_by_thread ON comments(thread_key, seq);
   CREATE INDEX comments_roots ON comments(thread_key, parent_id, seq);
   CREATE INDEX comments_by_root ON comments(root_id, seq);
   CREATE INDEX comments_top ON comments(thread_key, parent_id, score, seq);
   CREATE INDEX comments_children ON comments(parent_id);
   CREATE INDEX comments_by_status ON comments(status, seq);
   CREATE INDEX comments_by_email ON comments(author_email, status);
   CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, comment_id TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE votes (
     comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
     voter_id   TEXT NOT NULL,
     ip_hash    TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (comment_id, voter_id)
   );
   CREATE TABLE events (thread_key TEXT NOT NULL, version BIGINT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (thread_key, version));
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE bans (kind TEXT NOT NULL CHECK (kind IN ('ip', 'email')), value TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (kind, value));`,
  // v2: first-time moderation asks "has this network published before?" on every post.
  `CREATE INDEX comments_by_ip ON comments(ip_hash, status);`,
  // v3: inline comments anchored to a passage of the page (JSON of the anchor, and its key).
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
     seq        BIGSERIAL PRIMARY KEY,
     at         TEXT NOT NULL,
     actor      TEXT NOT NULL,
     action     TEXT NOT NULL,
     comment_id TEXT,
     thread_key TEXT,
     before     TEXT,
     after      TEXT
   );
   CREATE INDEX comments_fts ON comments USING GIN (to_tsvector('simple', body || ' ' || COALESCE(author_name, '')));`,
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
  // Issue 13: a first page costs the same in a thread of 10,000 as of 100, in every order a reader picks.
  // 'oldest'/'newest' read roots by seq + 0 (see PAGE_SQL in pg-store.ts); 'replies' and 'top' sorted
  // every top-level comment of the thread without an index in their order. comments_top served only
  // the old 'top' query: every vote paid for it.
  `CREATE INDEX comments_roots_by_seq ON comments(thread_key, (seq + 0)) WHERE parent_id IS NULL;
   CREATE INDEX comments_roots_by_replies ON comments(thread_key, reply_count DESC, seq) WHERE parent_id IS NULL;
   CREATE INDEX comments_roots_by_score ON comments(thread_key, score DESC, seq) WHERE parent_id IS NULL;
   DROP INDEX comments_top;`,
];

/** The schema version this server writes. */
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to date, one transaction per step, under an advisory lock so that several
 * instances starting together do not race.
 */
export async function migratePg(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7426001)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    let version = row?.version ?? 0;
    if (!row) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    if (version > MIGRATIONS.length) throw new Error(`Database schema v${version} is newer than this server (v${MIGRATIONS.length}).`);
    for (; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version]!);
        await client.query('UPDATE schema_version SET version = $1', [version + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return version;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7426001)').catch(() => {});
    client.release();
  }
}
