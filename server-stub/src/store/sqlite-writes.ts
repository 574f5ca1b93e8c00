import type { Database } from 'better-sqlite3';
import type { Comment, LiveEvent } from '../../../widget/src/protocol/types.ts';
import { anchorColumns, type CommentRow, toComment } from './comment-rows.ts';
import type { StoredCommentInput, VersionedEvent } from './comment-store.ts';

/** The write transactions of the SQLite store; each returns the events it recorded. */
export interface SqliteWrites {
  insert(input: StoredCommentInput): { comment: Comment; events: VersionedEvent[] };
  edit(id: string, body: string, editedAt: string): { comment: Comment; events: VersionedEvent[] };
  remove(id: string): { comment: Comment | null; events: VersionedEvent[] };
  vote(id: string, voterId: string, ipHash: string, on: boolean, at: string): { score: number; voted: boolean; events: VersionedEvent[] };
  setStatus(id: string, status: 'published' | 'rejected'): { comment: Comment; events: VersionedEvent[] };
}

/** Prepares the write statements on `db`. */
export function prepareWrites(db: Database): SqliteWrites {
  const byId = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?');
  const upsertThread = db.prepare<[object], { version: number }>(
    `INSERT INTO threads (key, title, url, created_at, version) VALUES (@thread, @title, @url, @createdAt, 1)
     ON CONFLICT(key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url),
       version = threads.version + 1
     RETURNING version`,
  );
  // A pending comment is nobody else's business yet: it neither bumps the version nor logs an event.
  const upsertThreadQuietly = db.prepare(
    `INSERT INTO threads (key, title, url, created_at, version) VALUES (@thread, @title, @url, @createdAt, 0)
     ON CONFLICT(key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url)`,
  );
  const updateStatus = db.prepare('UPDATE comments SET status = ? WHERE id = ?');
  const bumpVersion = db.prepare<[string], { version: number }>('UPDATE threads SET version = version + 1 WHERE key = ? RETURNING version');
  const insertEvent = db.prepare('INSERT INTO events (thread_key, version, payload, created_at) VALUES (?, ?, ?, ?)');
  const insertComment = db.prepare(
    `INSERT INTO comments (id, thread_key, parent_id, root_id, author_name, author_email, author_website, body, created_at, edit_token_hash, ip_hash, status, anchor, anchor_key)
     VALUES (@id, @thread, @parentId, @rootId, @authorName, @authorEmail, @authorWebsite, @body, @createdAt, @editTokenHash, @ipHash, @status, @anchor, @anchorKey)`,
  );
  const insertIdempotency = db.prepare('INSERT INTO idempotency_keys (key, request_hash, comment_id, created_at) VALUES (?, ?, ?, ?)');
  const addToAncestors = db.prepare(
    `WITH RECURSIVE up(id, parent) AS (
       SELECT id, parent_id FROM comments WHERE id = @id
       UNION SELECT c.id, c.parent_id FROM comments c JOIN up ON c.id = up.parent)
     UPDATE comments SET reply_count = reply_count + @delta WHERE id IN (SELECT id FROM up)`,
  );
  const updateBody = db.prepare('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?');
  const hasChildren = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM comments WHERE parent_id = ? LIMIT 1');
  const makePlaceholder = db.prepare(
    `UPDATE comments SET status = 'deleted', body = '', author_name = NULL, author_email = NULL, author_website = NULL,
       score = 0, edit_token_hash = NULL WHERE id = ?`,
  );
  const removeRow = db.prepare('DELETE FROM comments WHERE id = ?');
  const removeKeys = db.prepare('DELETE FROM idempotency_keys WHERE comment_id = ?');
  const addVote = db.prepare('INSERT OR IGNORE INTO votes (comment_id, voter_id, ip_hash, created_at) VALUES (?, ?, ?, ?)');
  const dropVote = db.prepare('DELETE FROM votes WHERE comment_id = ? AND voter_id = ?');
  const setScore = db.prepare<[string, string], { score: number }>(
    'UPDATE comments SET score = (SELECT COUNT(*) FROM votes WHERE comment_id = ?) WHERE id = ? RETURNING score',
  );

  /** Bumps the thread's version and logs the event under it. */
  const record = (thread: string, event: LiveEvent, version = bumpVersion.get(thread)!.version): VersionedEvent => {
    insertEvent.run(thread, version, JSON.stringify(event), new Date().toISOString());
    return { thread, version, event };
  };

  return {
    insert: db.transaction((c: StoredCommentInput) => {
      const status = c.status ?? 'published';
      const threadRow = { thread: c.thread, title: c.page.title, url: c.page.url, createdAt: c.createdAt };
      const rootId = c.parentId === null ? c.id : (byId.get(c.parentId)?.root_id ?? c.parentId);
      if (status === 'pending') upsertThreadQuietly.run(threadRow);
      const version = status === 'published' ? upsertThread.get(threadRow)!.version : 0;
      insertComment.run({ ...c, rootId, ipHash: c.ipHash ?? null, status, ...anchorColumns(c.parentId === null ? c.anchor : null) });
      if (c.idempotency) insertIdempotency.run(c.idempotency.key, c.idempotency.requestHash, c.id, c.createdAt);
      const comment = toComment(byId.get(c.id)!);
      if (status === 'pending') return { comment, events: [] };
      if (c.parentId !== null) addToAncestors.run({ id: c.parentId, delta: 1 });
      return { comment, events: [record(c.thread, { type: 'comment', comment }, version)] };
    }),

    setStatus: db.transaction((id: string, status: 'published' | 'rejected') => {
      const row = byId.get(id)!;
      if (row.status === status) return { comment: toComment(row), events: [] };
      updateStatus.run(status, id);
      const comment = toComment(byId.get(id)!);
      if (status === 'published') {
        // Approved: counted and announced now, as if just posted.
        if (row.parent_id) addToAncestors.run({ id: row.parent_id, delta: 1 });
        return { comment, events: [record(row.thread_key, { type: 'comment', comment })] };
      }
      if (row.status !== 'published') return { comment, events: [] };
      // A published comment rejected by a moderator leaves the thread like a deleted one.
      if (row.parent_id) addToAncestors.run({ id: row.parent_id, delta: -1 });
      if (hasChildren.get(id)) {
        makePlaceholder.run(id);
        const placeholder = toComment(byId.get(id)!);
        return { comment: placeholder, events: [record(row.thread_key, { type: 'delete', id, comment: placeholder })] };
      }
      return { comment, events: [record(row.thread_key, { type: 'delete', id, comment: null })] };
    }),

    edit: db.transaction((id: string, body: string, editedAt: string) => {
      updateBody.run(body, editedAt, id);
      const comment = toComment(byId.get(id)!);
      return { comment, events: [record(comment.thread, { type: 'edit', comment })] };
    }),

    remove: db.transaction((id: string) => {
      const events: VersionedEvent[] = [];
      const row = byId.get(id)!;
      if (hasChildren.get(id)) {
        makePlaceholder.run(id);
        const comment = toComment(byId.get(id)!);
        events.push(record(row.thread_key, { type: 'delete', id, comment }));
        return { comment, events };
      }
      // A leaf goes; so does each placeholder above it that is left without replies.
      let current: CommentRow | undefined = row;
      while (current) {
        if (current.parent_id) addToAncestors.run({ id: current.parent_id, delta: -1 });
        removeKeys.run(current.id);
        removeRow.run(current.id);
        events.push(record(current.thread_key, { type: 'delete', id: current.id, comment: null }));
        const parent: CommentRow | undefined = current.parent_id ? byId.get(current.parent_id) : undefined;
        current = parent && parent.status === 'deleted' && !hasChildren.get(parent.id) ? parent : undefined;
      }
      return { comment: null, events };
    }),

    vote: db.transaction((id: string, voterId: string, ipHash: string, on: boolean, at: string) => {
      const changed = on ? addVote.run(id, voterId, ipHash, at).changes : dropVote.run(id, voterId).changes;
      const { score } = setScore.get(id, id)!;
      const row = byId.get(id)!;
      const events = changed ? [record(row.thread_key, { type: 'vote', id, score })] : [];
      return { score, voted: on, events };
    }),
  };
}
