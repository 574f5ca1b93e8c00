import type { Database } from 'better-sqlite3';

/** The moderation reads and writes of the SQLite store. */
export function prepareModeration(db: Database) {
  const publishedFromEmail = db.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM comments WHERE author_email = ? AND status = 'published' LIMIT 1",
  );
  const publishedFromIp = db.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM comments WHERE ip_hash = ? AND status = 'published' LIMIT 1",
  );
  // A lock changes what reads answer, so it changes the version too (cached answers and ETags move on).
  const setLocked = db.prepare(
    `INSERT INTO threads (key, title, url, created_at, version, locked) VALUES (?, NULL, NULL, ?, 0, ?)
     ON CONFLICT(key) DO UPDATE SET locked = excluded.locked, version = threads.version + 1`,
  );
  const getLocked = db.prepare<[string], { locked: number }>('SELECT locked FROM threads WHERE key = ?');
  const addBan = db.prepare('INSERT OR IGNORE INTO bans (kind, value, created_at) VALUES (?, ?, ?)');
  const reservedName = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM verified_names WHERE name_key = ?');
  const dropBan = db.prepare('DELETE FROM bans WHERE kind = ? AND value = ?');
  const isBanned = db.prepare<[string, string], { one: number }>(
    "SELECT 1 AS one FROM bans WHERE (kind = 'ip' AND value = ?) OR (kind = 'email' AND value = ?) LIMIT 1",
  );

  return {
    hasPublishedFrom(email: string | null, ipHash: string | null): boolean {
      if (email) return !!publishedFromEmail.get(email);
      return !!ipHash && !!publishedFromIp.get(ipHash);
    },
    setThreadLocked(key: string, locked: boolean) {
      setLocked.run(key, new Date().toISOString(), locked ? 1 : 0);
    },
    isThreadLocked: (key: string) => getLocked.get(key)?.locked === 1,
    setBan(kind: 'ip' | 'email', value: string, banned: boolean) {
      if (banned) addBan.run(kind, value, new Date().toISOString());
      else dropBan.run(kind, value);
    },
    isNameReserved: (nameKey: string) => !!reservedName.get(nameKey),
    isBanned: (ipHash: string | null, email: string | null) => !!isBanned.get(ipHash ?? '', email ?? ''),
  };
}
