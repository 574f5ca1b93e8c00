import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { CommentsBackend } from '../backend/backend.ts';
import { BackendError, isBackendError } from '../backend/backend-error.ts';
import { log } from '../log.ts';
import type { Comment, SortOrder, ThreadInfo, ThreadResponse } from '../protocol/types.ts';
import { loadFormatter } from '../render/formatter.ts';
import { commentNeedsFormatter } from '../render/needs-formatting.ts';
import { buildReplyTree, sortRoots, type ReplyNode } from './reply-tree.ts';

/** What the widget knows of the page, sent with comments so the backend learns it. */
export interface PageInfo {
  title: string;
  url: string;
}

/** How a thread is read. */
export interface ThreadOptions {
  /** Top-level comments per page. */
  pageSize: number;
  /** Order to start with (the reader's remembered choice, else oldest). */
  sort: SortOrder;
  /** Called when the reader picks another order, to remember it. */
  onSortChange?: (order: SortOrder) => void;
}

/** One thread as the widget shows it: data, loading state and the actions that change it. */
export interface ThreadModel {
  readonly key: string;
  readonly info: ReadonlySignal<ThreadInfo | null>;
  readonly status: ReadonlySignal<'loading' | 'ready' | 'error'>;
  readonly loadError: ReadonlySignal<BackendError | null>;
  /** Top-level comments in the chosen order, with their replies. */
  readonly roots: ReadonlySignal<ReplyNode[]>;
  readonly count: ReadonlySignal<number>;
  readonly sort: ReadonlySignal<SortOrder>;
  readonly hasMore: ReadonlySignal<boolean>;
  readonly isLoadingMore: ReadonlySignal<boolean>;
  readonly moreError: ReadonlySignal<BackendError | null>;
  /** Ids of comments whose replies are folded away. */
  readonly collapsed: ReadonlySignal<ReadonlySet<string>>;
  /** Id of the comment a permalink points at, to scroll to and highlight. */
  readonly target: ReadonlySignal<string | null>;
  /** Author name by comment id (null: anonymous), for "replying to NAME". */
  readonly authorNames: ReadonlySignal<ReadonlyMap<string, string | null>>;
  /** Id of the comment whose reply form is open, if any. */
  readonly replyingTo: Signal<string | null>;
  /** Id of the comment this reader posted last, to scroll to and highlight it. */
  readonly lastPostedId: ReadonlySignal<string | null>;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  setSort(order: SortOrder): Promise<void>;
  toggleCollapsed(id: string): void;
  /** Makes sure a comment is loaded and visible (fetching its sub-thread if needed), then targets it. */
  showComment(id: string): Promise<boolean>;
  /** Posts and, once the server has it, shows it in place. Rejects with BackendError. */
  post(parentId: string | null, body: string, authorName: string): Promise<Comment>;
}

const toBackendError = (err: unknown) => (isBackendError(err) ? err : new BackendError('network', String(err)));

/** Adds or replaces comments by id, keeping the existing order. */
function merge(existing: readonly Comment[], incoming: readonly Comment[]): Comment[] {
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()];
}

/** Creates the model of one thread on one backend. */
export function createThreadModel(backend: CommentsBackend, key: string, page: PageInfo, options: ThreadOptions): ThreadModel {
  const info = signal<ThreadInfo | null>(null);
  const comments = signal<Comment[]>([]);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal<BackendError | null>(null);
  const sort = signal<SortOrder>(options.sort);
  const cursor = signal<string | null>(null);
  const isLoadingMore = signal(false);
  const moreError = signal<BackendError | null>(null);
  const collapsed = signal<ReadonlySet<string>>(new Set());
  const target = signal<string | null>(null);
  const replyingTo = signal<string | null>(null);
  const lastPostedId = signal<string | null>(null);
  let loads = 0;

  async function ensureFormatter(list: readonly Comment[]): Promise<void> {
    if (!list.some(commentNeedsFormatter)) return;
    // Without the chunk, Markdown still reads as typed (plain text): a failed load is not fatal.
    await loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
  }

  /** Fetches, waits for formatting if needed, and applies the result only if no newer load began. */
  async function fetchPage(request: () => Promise<ThreadResponse>, ticket: number): Promise<ThreadResponse | null> {
    const res = await request();
    // Formatted bodies wait for the format chunk, so they do not re-flow after the first paint.
    await ensureFormatter(res.comments);
    return ticket === loads ? res : null;
  }

  async function load(): Promise<void> {
    const ticket = ++loads;
    status.value = 'loading';
    try {
      const res = await fetchPage(() => backend.listThread(key, { sort: sort.value, limit: options.pageSize }), ticket);
      if (!res) return;
      batch(() => {
        info.value = res.thread;
        comments.value = res.comments;
        cursor.value = res.nextCursor;
        loadError.value = null;
        moreError.value = null;
        status.value = 'ready';
      });
    } catch (err) {
      if (ticket !== loads) return;
      batch(() => {
        loadError.value = toBackendError(err);
        status.value = 'error';
      });
    }
  }

  async function loadMore(): Promise<void> {
    const from = cursor.value;
    if (!from || isLoadingMore.value) return;
    const ticket = loads;
    isLoadingMore.value = true;
    moreError.value = null;
    try {
      const res = await fetchPage(() => backend.listThread(key, { sort: sort.value, limit: options.pageSize, cursor: from }), ticket);
      if (!res) return;
      batch(() => {
        info.value = res.thread;
        comments.value = merge(comments.value, res.comments);
        cursor.value = res.nextCursor;
      });
    } catch (err) {
      moreError.value = toBackendError(err);
    } finally {
      isLoadingMore.value = false;
    }
  }

  async function setSort(order: SortOrder): Promise<void> {
    if (order === sort.value) return;
    sort.value = order;
    options.onSortChange?.(order);
    await load();
  }

  function toggleCollapsed(id: string): void {
    const next = new Set(collapsed.value);
    if (!next.delete(id)) next.add(id);
    collapsed.value = next;
  }

  async function showComment(id: string): Promise<boolean> {
    if (!comments.value.some((c) => c.id === id)) {
      if (!backend.listAround) return false;
      try {
        const res = await backend.listAround(key, id);
        await ensureFormatter(res.comments);
        comments.value = merge(comments.value, res.comments);
      } catch (err) {
        log.warn(`comment ${id} from the link could not be loaded`, err);
        return false;
      }
    }
    // Unfold every ancestor, so the comment is on screen.
    const parents = new Map(comments.value.map((c) => [c.id, c.parentId]));
    const open = new Set(collapsed.value);
    for (let p = parents.get(id); p; p = parents.get(p)) open.delete(p);
    batch(() => {
      collapsed.value = open;
      target.value = id;
    });
    return true;
  }

  async function post(parentId: string | null, body: string, authorName: string): Promise<Comment> {
    const name = authorName.trim();
    const comment = await backend.postComment({
      thread: key,
      ...(parentId ? { parentId } : {}),
      author: { name: name || null },
      body,
      page,
    });
    await ensureFormatter([comment]);
    batch(() => {
      if (!comments.value.some((c) => c.id === comment.id)) comments.value = [...comments.value, comment];
      const current = info.value;
      if (current) info.value = { ...current, commentCount: current.commentCount + 1 };
      lastPostedId.value = comment.id;
      // The reply landed: close its form (but not another one the reader opened meanwhile), and show it.
      if (parentId !== null && replyingTo.value === parentId) replyingTo.value = null;
      if (parentId !== null && collapsed.value.has(parentId)) toggleCollapsed(parentId);
    });
    return comment;
  }

  return {
    key,
    info,
    status,
    loadError,
    roots: computed(() => sortRoots(buildReplyTree(comments.value), sort.value)),
    count: computed(() => Math.max(info.value?.commentCount ?? 0, comments.value.length)),
    sort,
    hasMore: computed(() => cursor.value !== null),
    isLoadingMore,
    moreError,
    collapsed,
    target,
    authorNames: computed(() => new Map(comments.value.map((c) => [c.id, c.author.name]))),
    replyingTo,
    lastPostedId,
    load,
    loadMore,
    setSort,
    toggleCollapsed,
    showComment,
    post,
  };
}
