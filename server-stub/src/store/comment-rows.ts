import type { Anchor, Comment } from '../../../widget/src/protocol/types.ts';
import type { AdminComment, CommentPage, PageQuery, StoredComment, StoredCommentInput } from './comment-store.ts';

/** A row of `comments` as SQLite and PostgreSQL return it (the same columns in both). */
export interface CommentRow {
  seq: number;
  id: string;
  thread_key: string;
  parent_id: string | null;
  root_id: string;
  reply_count: number;
  author_name: string | null;
  author_email: string | null;
  author_website: string | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  score: number;
  edit_token_hash: string | null;
  ip_hash: string | null;
  status: 'published' | 'deleted' | 'pending' | 'rejected';
  /** JSON of the comment's Anchor (with its key), or null. */
  anchor: string | null;
  anchor_key: string | null;
  /** A signed-in author's user id (the token's `sub`) and badge; null for guests. */
  author_sub: string | null;
  author_badge: 'staff' | null;
  /** 1 for an editors' pick. */
  featured: number;
  /** `moderator` after a moderator's edit. */
  edited_by: string | null;
  /** `reports` while held because readers reported it. */
  held_for: string | null;
}

/**
 * Which top-level comments a page query lists, as both stores' SQL encodes it: 0 every one,
 * 1 anchored ones (inline), 2 those under the query's anchor keys.
 */
export function pageScope({ filter, anchors }: Pick<PageQuery, 'filter' | 'anchors'>): 0 | 1 | 2 {
  return anchors?.length ? 2 : filter === 'inline' ? 1 : 0;
}

/**
 * What a reader can list is what counts: a published reply under a pending or rejected comment is
 * hidden with it (until that is approved), so counts skip it too. The CTE `hidden` holds those
 * replies (and the held comments) of the threads `threads` names, in the store's SQL dialect;
 * counts add `AND id NOT IN (SELECT id FROM hidden)`.
 */
export const hiddenReplies = (threads: string) => `WITH RECURSIVE hidden(id) AS (
    SELECT id FROM comments WHERE thread_key IN (${threads}) AND status IN ('pending', 'rejected')
    UNION SELECT c.id FROM comments c JOIN hidden h ON c.parent_id = h.id)`;

/** The stored form of an anchor. */
export function anchorColumns(anchor: StoredCommentInput['anchor']): { anchor: string | null; anchorKey: string | null } {
  return anchor ? { anchor: JSON.stringify(anchor), anchorKey: anchor.key } : { anchor: null, anchorKey: null };
}

/** The protocol's view of a row (the email, the user id and the token hash never leave the server). */
export function toComment(r: CommentRow): Comment {
  return {
    id: r.id,
    thread: r.thread_key,
    parentId: r.parent_id,
    author: {
      name: r.author_name,
      website: r.author_website,
      ...(r.author_sub ? { verified: true } : {}),
      ...(r.author_badge ? { badge: r.author_badge } : {}),
    },
    body: r.body,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    score: r.score,
    status: r.status,
    ...(r.anchor ? { anchor: JSON.parse(r.anchor) as Anchor } : {}),
    ...(Number(r.featured) === 1 ? { featured: true } : {}),
    ...(r.edited_by === 'moderator' ? { editedBy: 'moderator' as const } : {}),
  };
}

/** A row as a moderator (and the export) sees it: with the email, the user id and the IP hash. */
export function toAdmin(r: CommentRow): AdminComment {
  return { ...toComment(r), authorEmail: r.author_email, authorSub: r.author_sub, ipHash: r.ip_hash };
}

/** A row as the server's own code sees it: the public comment plus what only the server knows. */
export function toStored(r: CommentRow): StoredComment {
  return {
    comment: toComment(r),
    rootId: r.root_id,
    editTokenHash: r.edit_token_hash,
    authorEmail: r.author_email,
    authorSub: r.author_sub,
    ipHash: r.ip_hash,
  };
}

/**
 * The top-level comments of a page: at most `limit`, and no more than `budget` comments counting
 * all their replies (but always one), so a page stays the same size however big and old the
 * thread is.
 */
function takeWithinBudget<R extends { reply_count: number }>(
  candidates: readonly R[],
  limit: number,
  budget = Number.POSITIVE_INFINITY,
): R[] {
  const taken: R[] = [];
  let comments = 0;
  for (const root of candidates.slice(0, limit)) {
    if (taken.length > 0 && comments + 1 + root.reply_count > budget) break;
    taken.push(root);
    comments += 1 + root.reply_count;
  }
  return taken;
}

/** What a page query reads of its candidate roots: enough to page, none of their text. */
export type RootCandidate = Pick<CommentRow, 'id' | 'seq' | 'reply_count' | 'score'>;

/**
 * A page's comments from its roots and the rows of their sub-threads (by seq): the roots in the page's
 * order, then the replies. A root hidden since it was picked takes its replies with it, as the next
 * read would.
 */
export function pageComments(roots: readonly RootCandidate[], rows: readonly CommentRow[]): Comment[] {
  const shown = new Map(rows.filter((r) => r.parent_id === null).map((r) => [r.id, r]));
  const replies = rows.filter((r) => r.parent_id !== null && shown.has(r.root_id));
  return [...roots.flatMap((r) => shown.get(r.id) ?? []), ...replies].map(toComment);
}

/**
 * A page from the page query's candidates (`limit + 1` of them, in page order): the roots that fit
 * the budget, read with their sub-threads by `subtrees` (every row under those root ids, by seq),
 * and the key of the next page when candidates are left.
 */
export async function pageFrom(
  candidates: readonly RootCandidate[],
  { sort, limit, budget }: PageQuery,
  subtrees: (rootIds: string[]) => CommentRow[] | Promise<CommentRow[]>,
): Promise<CommentPage> {
  const roots = takeWithinBudget(candidates, limit, budget);
  const rows = roots.length ? await subtrees(roots.map((r) => r.id)) : [];
  const last = roots.at(-1);
  return {
    comments: pageComments(roots, rows),
    next: candidates.length > roots.length && last ? { seq: Number(last.seq), rank: sort === 'top' ? last.score : last.reply_count } : null,
  };
}
