/**
 * What a thread holds, and every way it changes, as pure functions: plain data in, plain data
 * out, no signals. The thread model keeps the result in one signal; these functions decide it.
 */
import type { Comment, LiveEvent, ThreadInfo, ThreadResponse } from '../protocol/types.ts';
import { applyPickEvent } from './editors-picks.ts';

/** The comments a view has, as the server last told it plus what happened since. */
export interface ThreadData {
  readonly info: ThreadInfo | null;
  /** Loaded comments (top-level and replies), in the order they arrived. */
  readonly comments: readonly Comment[];
  /** Others' new top-level comments, held back so the text being read does not move. */
  readonly incoming: readonly Comment[];
  /** Where the next page starts; null when there is none. */
  readonly cursor: string | null;
  /** The thread version the data is at (the live stream continues from it). */
  readonly version: number;
  /** Editors' picks, shown in a strip above the thread (see editors-picks.ts). */
  readonly featured: readonly Comment[];
}

/** Which comments a view shows, for deciding whether a live one belongs in it. */
export interface ThreadScope {
  /** False for the whole thread; true for one filter or passage (only some top-level comments). */
  readonly isScoped: boolean;
  /** Whether a new top-level comment belongs here (default: anchored ones, in a scoped view). */
  accepts?(comment: Comment): boolean;
  /** Shows others' new top-level comments at once instead of holding them back (a small panel). */
  readonly showNewAtOnce?: boolean;
}

/** A thread with nothing loaded yet. */
export const EMPTY_THREAD: ThreadData = { info: null, comments: [], incoming: [], cursor: null, version: 0, featured: [] };

/** Adds or replaces comments by id, keeping the existing order. */
export function mergeComments(existing: readonly Comment[], incoming: readonly Comment[]): Comment[] {
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()];
}

const withCount = (data: ThreadData, delta: number): ThreadData =>
  data.info ? { ...data, info: { ...data.info, commentCount: Math.max(0, data.info.commentCount + delta) } } : data;

/** Whether a comment is loaded or waiting as new. */
export const isKnown = (data: ThreadData, id: string) => data.comments.some((c) => c.id === id) || data.incoming.some((c) => c.id === id);

/** A scoped view takes top-level comments it accepts, and replies within threads it shows. */
export function belongsIn(comment: Comment, data: ThreadData, scope: ThreadScope): boolean {
  if (!scope.isScoped) return true;
  if (comment.parentId !== null) return data.comments.some((c) => c.id === comment.parentId);
  return scope.accepts ? scope.accepts(comment) : !!comment.anchor;
}

/** The first page (a load or reload): it replaces what was shown, except `keep` (posts on their way, held comments). */
export function applyServerPage(res: ThreadResponse, keep: readonly Comment[] = []): ThreadData {
  const shown = new Set(res.comments.map((c) => c.id));
  return {
    info: res.thread,
    version: res.thread.version ?? 0,
    comments: mergeComments(
      res.comments,
      keep.filter((c) => !shown.has(c.id)),
    ),
    incoming: [],
    cursor: res.nextCursor,
    featured: res.featured ?? [],
  };
}

/** A further page ("Show more comments"): added after what is shown. */
export function applyNextPage(data: ThreadData, res: ThreadResponse): ThreadData {
  return { ...data, info: res.thread, comments: mergeComments(data.comments, res.comments), cursor: res.nextCursor };
}

/** Comments fetched around one (a permalink's sub-thread): added, nothing else changes. */
export function applyAround(data: ThreadData, comments: readonly Comment[]): ThreadData {
  return { ...data, comments: mergeComments(data.comments, comments) };
}

/** Puts a comment as the server now has it in place of the old one (wherever it is). */
export function replaceComment(data: ThreadData, comment: Comment): ThreadData {
  const swap = (list: readonly Comment[]) =>
    list.some((c) => c.id === comment.id) ? list.map((c) => (c.id === comment.id ? comment : c)) : list;
  return { ...data, comments: swap(data.comments), incoming: swap(data.incoming) };
}

/** The reader's edit as the server stored it: a comment it holds again no longer counts (its author still sees it). */
export function applyEdited(data: ThreadData, comment: Comment): ThreadData {
  const before = data.comments.find((c) => c.id === comment.id);
  const replaced = replaceComment(data, comment);
  return before?.status === 'published' && comment.status === 'pending' ? withCount(replaced, -1) : replaced;
}

/** Takes a comment away (deleted without replies). */
export function removeComment(data: ThreadData, id: string): ThreadData {
  return { ...data, comments: data.comments.filter((c) => c.id !== id), incoming: data.incoming.filter((c) => c.id !== id) };
}

/** Sets a comment's score (a vote, ours or another reader's). */
export function setScore(data: ThreadData, id: string, score: number): ThreadData {
  const c = data.comments.find((x) => x.id === id);
  return c && c.score !== score ? replaceComment(data, { ...c, score }) : data;
}

/** A comment deleted (by anyone): the count drops if it was published; a placeholder stays if it had replies. */
export function applyDelete(data: ThreadData, id: string, left: Comment | null): ThreadData {
  const known = data.comments.find((c) => c.id === id) ?? data.incoming.find((c) => c.id === id);
  const counted = known?.status === 'published' ? withCount(data, -1) : data;
  return left ? replaceComment(counted, left) : removeComment(counted, id);
}

/** What a live event did: the new data, and the ids to highlight as fresh. */
export interface LiveResult {
  data: ThreadData;
  fresh: readonly string[];
}

/**
 * Applies a change another reader made (`reset` is the caller's: it reloads). `isOwnPending`
 * tells whether a comment is the server's copy of the reader's own post still on its way: the
 * post's answer swaps that in, so the live copy is dropped.
 */
export function applyLiveEvent(
  data: ThreadData,
  event: Exclude<LiveEvent, { type: 'reset' }>,
  scope: ThreadScope,
  isOwnPending: (comment: Comment) => boolean = () => false,
): LiveResult {
  if (event.type !== 'vote') {
    const featured = applyPickEvent(data.featured, event);
    if (featured !== data.featured) data = { ...data, featured };
  }
  if (event.type === 'vote') return { data: setScore(data, event.id, event.score), fresh: [] };
  if (event.type === 'edit') return { data: replaceComment(data, event.comment), fresh: [] };
  if (event.type === 'delete') return { data: applyDelete(data, event.id, event.comment), fresh: [] };
  const { comment } = event;
  if (isKnown(data, comment.id) || isOwnPending(comment) || !belongsIn(comment, data, scope)) return { data, fresh: [] };
  const counted = withCount(data, 1);
  if (comment.parentId === null && data.comments.length > 0 && !scope.showNewAtOnce) {
    return { data: { ...counted, incoming: [...data.incoming, comment] }, fresh: [] };
  }
  return { data: { ...counted, comments: [...data.comments, comment] }, fresh: [comment.id] };
}

/** Shows the held-back new comments; they are fresh. */
export function showIncoming(data: ThreadData): LiveResult {
  return { data: { ...data, comments: mergeComments(data.comments, data.incoming), incoming: [] }, fresh: data.incoming.map((c) => c.id) };
}

/** The reader's comment, shown at once while it is sent (counted as published until the server says otherwise). */
export function applyOptimistic(data: ThreadData, comment: Comment): ThreadData {
  return withCount({ ...data, comments: [...data.comments.filter((c) => c.id !== comment.id), comment] }, 1);
}

/** The server has the reader's comment: its copy replaces the optimistic one (held ones do not count). */
export function applyPosted(data: ThreadData, tempId: string, comment: Comment): ThreadData {
  const already = data.comments.some((c) => c.id === comment.id);
  const next = {
    ...data,
    comments: already ? data.comments.filter((c) => c.id !== tempId) : data.comments.map((c) => (c.id === tempId ? comment : c)),
  };
  return comment.status === 'pending' ? withCount(next, -1) : next;
}

/** The post failed: the optimistic comment goes, and the count with it. */
export function applyPostFailed(data: ThreadData, tempId: string): ThreadData {
  return withCount({ ...data, comments: data.comments.filter((c) => c.id !== tempId) }, -1);
}

/** The reader's own comment, posted in another view of the page: shown here as theirs, not as someone's new one. */
export function includeComment(data: ThreadData, comment: Comment): ThreadData {
  if (data.comments.some((c) => c.id === comment.id)) return data;
  const wasIncoming = data.incoming.some((c) => c.id === comment.id);
  const next = { ...data, incoming: data.incoming.filter((c) => c.id !== comment.id), comments: [...data.comments, comment] };
  return !wasIncoming && comment.status === 'published' ? withCount(next, 1) : next;
}
