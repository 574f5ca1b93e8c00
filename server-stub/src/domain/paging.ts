import { LIMITS } from '../../../widget/src/protocol/limits.ts';
import { SORT_ORDERS, type SortOrder } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import { PAGE_COMMENT_FACTOR, type PageKey, type PageQuery } from '../store/comment-store.ts';

const SORTS: readonly SortOrder[] = SORT_ORDERS;

/** An opaque cursor: the sort it belongs to and where the page ended. */
export function encodeCursor(sort: SortOrder, key: PageKey): string {
  return Buffer.from(JSON.stringify([sort, key.seq, key.rank])).toString('base64url');
}

function decodeCursor(cursor: string, sort: SortOrder): PageKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== sort ||
    !Number.isSafeInteger(parsed[1]) ||
    !Number.isSafeInteger(parsed[2]) ||
    parsed[1] < 0 ||
    parsed[2] < 0
  ) {
    throw new HttpError(400, 'invalid_cursor', 'That page of comments cannot be found; reload the comments.', 'cursor');
  }
  return { seq: parsed[1] as number, rank: parsed[2] as number };
}

/** What a page request may say in its query string. */
export interface PageParams {
  sort?: string | undefined;
  limit?: string | undefined;
  cursor?: string | undefined;
  filter?: string | undefined;
  /** Anchor keys (`anchor=K` repeated). */
  anchors?: readonly string[] | undefined;
}

/** Reads `sort`, `limit`, `cursor`, `filter` and `anchor` from a query string, refusing anything odd with a 400. */
export function parsePageQuery(q: PageParams): PageQuery {
  const sort = (q.sort ?? 'oldest') as SortOrder;
  if (!SORTS.includes(sort)) throw new HttpError(400, 'validation_failed', `sort must be one of ${SORTS.join(', ')}.`, 'sort');
  const after = q.cursor ? decodeCursor(q.cursor, sort) : null;
  const scope = parseScope(q);
  // No limit: the whole thread (up to a cap), as a simple client expects. A limit asks for pages,
  // which also hold at most twice that many comments, so a page is small however old the thread.
  if (q.limit === undefined) return { sort, limit: LIMITS.unpagedMax, after, ...scope };
  const limit = Number(q.limit);
  if (!/^\d{1,4}$/.test(q.limit) || limit < 1 || limit > LIMITS.pageMax) {
    throw new HttpError(400, 'validation_failed', `limit must be a whole number from 1 to ${LIMITS.pageMax}.`, 'limit');
  }
  return { sort, limit, after, budget: PAGE_COMMENT_FACTOR * limit, ...scope };
}

/** `filter=all|inline` and `anchor=KEY` (repeatable): which top-level comments a page lists. */
function parseScope(q: PageParams): Pick<PageQuery, 'filter' | 'anchors'> {
  const filter = q.filter ?? 'all';
  if (filter !== 'all' && filter !== 'inline') throw new HttpError(400, 'validation_failed', 'filter must be "all" or "inline".', 'filter');
  const anchors = [...new Set(q.anchors ?? [])];
  if (anchors.length > LIMITS.anchorsMax) {
    throw new HttpError(400, 'validation_failed', `At most ${LIMITS.anchorsMax} anchors per request.`, 'anchor');
  }
  if (anchors.some((a) => !/^[A-Za-z0-9_-]{1,64}$/.test(a))) {
    throw new HttpError(400, 'validation_failed', 'An anchor key is 1–64 letters, digits, - or _.', 'anchor');
  }
  return { ...(filter === 'inline' ? { filter } : {}), ...(anchors.length ? { anchors } : {}) };
}
