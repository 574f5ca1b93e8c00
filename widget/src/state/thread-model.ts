import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { CommentsBackend } from '../backend/backend.ts';
import { BackendError, isBackendError } from '../backend/backend-error.ts';
import { log } from '../log.ts';
import type {
  Anchor,
  Comment,
  LiveEvent,
  PostCommentRequest,
  PostCommentResponse,
  SortOrder,
  ThreadFilter,
  ThreadInfo,
  ThreadResponse,
} from '../protocol/types.ts';
import { loadFormatter, primeFormatter } from '../render/formatter.ts';
import { commentNeedsFormatter } from '../render/needs-formatting.ts';
import { keyed } from './keyed.ts';
import { buildReplyTree, type ReplyNode, sortRoots } from './reply-tree.ts';

/** What the widget knows of the page, sent with comments so the backend learns it. */
export interface PageInfo {
  title: string;
  url: string;
}

/** Who is posting, as typed in the form. */
export interface AuthorInput {
  name: string;
  email: string;
  website: string;
}

/** How a thread is read. */
export interface ThreadOptions {
  /** Top-level comments per page. */
  pageSize: number;
  /** Order to start with (the reader's remembered choice, else oldest). */
  sort: SortOrder;
  /** Called when the reader picks another order, to remember it. */
  onSortChange?: (order: SortOrder) => void;
  /** The reader's own comments waiting for a moderator (shown to them only); told which the server now shows. */
  held?: { list(): readonly Comment[]; release(ids: string[]): void };
  /** Which top-level comments to list to start with (default all). */
  filter?: ThreadFilter;
  /**
   * Only the threads under these anchor keys (one passage's inline comments). A function: the
   * set grows when the reader comments on a new quote in that passage.
   */
  anchors?: () => readonly string[];
  /** Whether a new top-level comment (live, or held for moderation) belongs in this view. */
  accepts?: (comment: Comment) => boolean;
  /** The passage new top-level comments are anchored to (inline comments), if any. */
  newAnchor?: () => Anchor | null;
  /** Keeps this thread's drafts apart from other forms on the same thread (an inline panel's). */
  draftScope?: string;
  /** Shows others' new top-level comments at once instead of behind "Show N new comments" (a small panel). */
  showNewAtOnce?: boolean;
}

/** What the widget shows about one comment: its reply form open, just posted, linked, and so on. */
export interface CommentFlags {
  readonly replying: boolean;
  readonly justPosted: boolean;
  readonly target: boolean;
  readonly fresh: boolean;
  readonly sending: boolean;
  readonly collapsed: boolean;
}

const sharedFlags: CommentFlags[] = [];
/** One object per combination, so an unchanged answer is the same object (no re-render). */
const flagsFor = (bits: number): CommentFlags =>
  (sharedFlags[bits] ??= {
    replying: (bits & 1) > 0,
    justPosted: (bits & 2) > 0,
    target: (bits & 4) > 0,
    fresh: (bits & 8) > 0,
    sending: (bits & 16) > 0,
    collapsed: (bits & 32) > 0,
  });

/** One thread as the widget shows it: data, loading state and the actions that change it. */
export interface ThreadModel {
  readonly key: string;
  /** Where this thread's drafts are kept (the key, or the key and an inline scope). */
  readonly draftKey: string;
  /** Which top-level comments are listed: all, or only those anchored to the page (inline). */
  readonly filter: ReadonlySignal<ThreadFilter>;
  readonly info: ReadonlySignal<ThreadInfo | null>;
  readonly status: ReadonlySignal<'loading' | 'ready' | 'error'>;
  readonly loadError: ReadonlySignal<BackendError | null>;
  /** Top-level comments in the chosen order, with their replies. */
  readonly roots: ReadonlySignal<ReplyNode[]>;
  readonly count: ReadonlySignal<number>;
  /** True when the site closed the thread to new comments. */
  readonly isLocked: ReadonlySignal<boolean>;
  readonly sort: ReadonlySignal<SortOrder>;
  readonly hasMore: ReadonlySignal<boolean>;
  readonly isLoadingMore: ReadonlySignal<boolean>;
  readonly moreError: ReadonlySignal<BackendError | null>;
  /** Ids of comments whose replies are folded away. */
  readonly collapsed: ReadonlySignal<ReadonlySet<string>>;
  /** Id of the comment a permalink points at, to scroll to and highlight. */
  readonly target: ReadonlySignal<string | null>;
  /** Author name by comment id (null: anonymous), for "replying to NAME". */
  /** Id of the comment whose reply form is open, if any. */
  readonly replyingTo: Signal<string | null>;
  /** Id of the comment this reader posted last, to scroll to and highlight it. */
  readonly lastPostedId: ReadonlySignal<string | null>;
  /** Ids of the reader's comments still on their way to the server. */
  readonly sending: ReadonlySignal<ReadonlySet<string>>;
  /** Ids of comments that arrived live (others' replies), shown highlighted. */
  readonly fresh: ReadonlySignal<ReadonlySet<string>>;
  /** Others' new top-level comments, held back so the text being read does not move. */
  readonly incoming: ReadonlySignal<readonly Comment[]>;
  /** The thread version the shown data is at (the live stream continues from it). */
  readonly version: ReadonlySignal<number>;
  /**
   * The same state per comment, for components: reading `of.replying(id)` re-renders a comment only
   * when its own answer changes, not whenever any comment's does.
   */
  readonly of: {
    flags(id: string): CommentFlags;
    /** The author's name (null: anonymous; undefined: not loaded). */
    authorName(id: string): string | null | undefined;
  };
  /**
   * The key to render a comment under: a posted comment keeps the key of its optimistic copy,
   * so its element (and the reader's focus in it) stays when the server's answer arrives.
   */
  renderKey(id: string): string;
  load(): Promise<void>;
  /** Shows the held-back new comments. */
  showIncoming(): void;
  /** Applies a change another reader made (from the live stream). */
  applyEvent(event: LiveEvent): void;
  /** Puts a comment as the server now has it in place of the old one. */
  replaceComment(comment: Comment): void;
  /** Shows a comment this reader posted elsewhere on the page (an inline panel), as their own. */
  include(comment: Comment): void;
  /** A loaded comment by id. */
  find(id: string): Comment | undefined;
  /** Takes a comment away (deleted without replies). */
  removeComment(id: string): void;
  setScore(id: string, score: number): void;
  loadMore(): Promise<void>;
  setSort(order: SortOrder): Promise<void>;
  setFilter(filter: ThreadFilter): Promise<void>;
  toggleCollapsed(id: string): void;
  /** Makes sure a comment is loaded and visible (fetching its sub-thread if needed), then targets it. */
  showComment(id: string): Promise<boolean>;
  /**
   * Shows the comment at once, marked as sending, and posts it (retried under `idempotencyKey`).
   * Resolves with the server's answer; on failure the comment is taken back and it rejects.
   */
  post(
    parentId: string | null,
    body: string,
    author: AuthorInput,
    idempotencyKey: string,
    extra?: Pick<PostCommentRequest, 'hp' | 'elapsedMs'>,
  ): Promise<Pick<PostCommentResponse, 'comment'> & Partial<PostCommentResponse>>;
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
  const filter = signal<ThreadFilter>(options.filter ?? 'all');
  const cursor = signal<string | null>(null);
  const isLoadingMore = signal(false);
  const moreError = signal<BackendError | null>(null);
  const collapsed = signal<ReadonlySet<string>>(new Set());
  const target = signal<string | null>(null);
  const replyingTo = signal<string | null>(null);
  const lastPostedId = signal<string | null>(null);
  const sending = signal<ReadonlySet<string>>(new Set());
  const fresh = signal<ReadonlySet<string>>(new Set());
  const incoming = signal<readonly Comment[]>([]);
  const version = signal(0);
  const renderKeys = new Map<string, string>();
  let loads = 0;

  const withId = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  /**
   * Whether a comment belongs in this view: a scoped view (one passage, or inline only) takes
   * top-level comments on its passages and replies within threads it shows.
   */
  const belongs = (c: Comment, shown: readonly Comment[]) => {
    if (!options.anchors && filter.value === 'all') return true;
    if (c.parentId !== null) return shown.some((x) => x.id === c.parentId);
    return options.accepts ? options.accepts(c) : !!c.anchor;
  };
  const pageRequest = (cursor?: string) => ({
    sort: sort.value,
    limit: options.pageSize,
    ...(cursor ? { cursor } : {}),
    ...(filter.value === 'all' ? {} : { filter: filter.value }),
    ...(options.anchors ? { anchors: options.anchors() } : {}),
  });
  const bumpCount = (delta: number) => {
    const current = info.value;
    if (current) info.value = { ...current, commentCount: Math.max(0, current.commentCount + delta) };
  };

  async function ensureFormatter(list: readonly Comment[]): Promise<void> {
    if (!list.some(commentNeedsFormatter)) return;
    // Without the chunk, Markdown still reads as typed (plain text): a failed load is not fatal.
    await loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
    primeFormatter(list.filter((c) => c.bodyFormat !== 'html' && commentNeedsFormatter(c)).map((c) => c.body));
  }

  /** Fetches, waits for formatting if needed, and applies the result only if no newer load began. */
  async function fetchPage(request: () => Promise<ThreadResponse>, ticket: number): Promise<ThreadResponse | null> {
    // A passage nobody has commented on yet: nothing to ask for (no anchors would mean "all").
    const res =
      options.anchors && options.anchors().length === 0
        ? { thread: info.value ?? { key, title: null, url: null, commentCount: 0 }, comments: [], nextCursor: null }
        : await request();
    // Formatted bodies wait for the format chunk, so they do not re-flow after the first paint.
    await ensureFormatter(res.comments);
    return ticket === loads ? res : null;
  }

  async function load(): Promise<void> {
    const ticket = ++loads;
    status.value = 'loading';
    try {
      const res = await fetchPage(() => backend.listThread(key, pageRequest()), ticket);
      if (!res) return;
      batch(() => {
        info.value = res.thread;
        version.value = res.thread.version ?? 0;
        // Posts still on their way, and the reader's own held ones, stay on screen across a reload.
        const shown = new Set(res.comments.map((c) => c.id));
        const held = (options.held?.list() ?? []).filter((c) => c.thread === key && belongs(c, res.comments));
        options.held?.release(held.filter((c) => shown.has(c.id)).map((c) => c.id));
        comments.value = merge(res.comments, [
          ...held.filter((c) => !shown.has(c.id)),
          ...comments.value.filter((c) => sending.value.has(c.id)),
        ]);
        cursor.value = res.nextCursor;
        incoming.value = [];
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
      const res = await fetchPage(() => backend.listThread(key, pageRequest(from)), ticket);
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

  async function setFilter(next: ThreadFilter): Promise<void> {
    if (next === filter.value) return;
    filter.value = next;
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

  function replaceComment(comment: Comment): void {
    comments.value = comments.value.map((c) => (c.id === comment.id ? comment : c));
    incoming.value = incoming.value.map((c) => (c.id === comment.id ? comment : c));
  }

  function removeComment(id: string): void {
    comments.value = comments.value.filter((c) => c.id !== id);
    incoming.value = incoming.value.filter((c) => c.id !== id);
  }

  function setScore(id: string, score: number): void {
    const c = comments.value.find((x) => x.id === id);
    if (c && c.score !== score) replaceComment({ ...c, score });
  }

  /** The reader's own post still sending that `comment` is the server's copy of, if any. */
  const pendingTwin = (comment: Comment) =>
    comments.value.find((c) => sending.value.has(c.id) && c.parentId === comment.parentId && c.body === comment.body);

  function applyEvent(event: LiveEvent): void {
    if (event.type === 'reset') {
      void load();
      return;
    }
    batch(() => {
      if (event.type === 'vote') return setScore(event.id, event.score);
      if (event.type === 'edit') return replaceComment(event.comment);
      if (event.type === 'delete') {
        const known = comments.value.find((c) => c.id === event.id) ?? incoming.value.find((c) => c.id === event.id);
        if (known?.status === 'published') bumpCount(-1);
        return event.comment ? replaceComment(event.comment) : removeComment(event.id);
      }
      const { comment } = event;
      if (comments.value.some((c) => c.id === comment.id) || incoming.value.some((c) => c.id === comment.id)) return;
      // Our own post, arriving live before its POST answer: the answer will swap it in.
      if (pendingTwin(comment)) return;
      if (!belongs(comment, comments.value)) return;
      bumpCount(1);
      if (comment.parentId === null && comments.value.length > 0 && !options.showNewAtOnce) {
        incoming.value = [...incoming.value, comment];
      } else {
        comments.value = [...comments.value, comment];
        fresh.value = withId(fresh.value, comment.id, true);
      }
    });
  }

  function include(comment: Comment): void {
    if (comments.value.some((c) => c.id === comment.id)) return;
    const wasIncoming = incoming.value.some((c) => c.id === comment.id);
    batch(() => {
      incoming.value = incoming.value.filter((c) => c.id !== comment.id);
      comments.value = [...comments.value, comment];
      if (!wasIncoming && comment.status === 'published') bumpCount(1);
    });
  }

  function showIncoming(): void {
    batch(() => {
      for (const c of incoming.value) fresh.value = withId(fresh.value, c.id, true);
      comments.value = merge(comments.value, incoming.value);
      incoming.value = [];
    });
  }

  async function post(
    parentId: string | null,
    body: string,
    author: AuthorInput,
    idempotencyKey: string,
    extra: Pick<PostCommentRequest, 'hp' | 'elapsedMs'> = {},
  ) {
    const tempId = `pending-${idempotencyKey}`;
    const name = author.name.trim() || null;
    const website = author.website.trim() || null;
    const optimistic: Comment = {
      id: tempId,
      thread: key,
      parentId,
      author: { name, website },
      body,
      createdAt: new Date().toISOString(),
      editedAt: null,
      score: 0,
      status: 'published',
    };
    const anchor = parentId === null ? (options.newAnchor?.() ?? null) : null;
    if (anchor) optimistic.anchor = anchor;
    const request: PostCommentRequest = {
      thread: key,
      ...(parentId ? { parentId } : {}),
      ...(anchor ? { anchor } : {}),
      author: { name, email: author.email.trim() || null, website },
      body,
      page,
      ...extra,
    };
    void ensureFormatter([optimistic]);
    batch(() => {
      comments.value = [...comments.value.filter((c) => c.id !== tempId), optimistic];
      sending.value = withId(sending.value, tempId, true);
      bumpCount(1);
      lastPostedId.value = tempId;
      // The reply is on its way: close its form (but not another one the reader opened), and show it.
      if (parentId !== null && replyingTo.value === parentId) replyingTo.value = null;
      if (parentId !== null && collapsed.value.has(parentId)) toggleCollapsed(parentId);
    });
    try {
      const res = await backend.postComment(request, { idempotencyKey });
      renderKeys.set(res.comment.id, tempId);
      batch(() => {
        sending.value = withId(sending.value, tempId, false);
        const already = comments.value.some((c) => c.id === res.comment.id);
        comments.value = already
          ? comments.value.filter((c) => c.id !== tempId)
          : comments.value.map((c) => (c.id === tempId ? res.comment : c));
        lastPostedId.value = res.comment.id;
        if (res.comment.status === 'pending') bumpCount(-1);
      });
      return res;
    } catch (err) {
      batch(() => {
        sending.value = withId(sending.value, tempId, false);
        comments.value = comments.value.filter((c) => c.id !== tempId);
        bumpCount(-1);
        if (lastPostedId.value === tempId) lastPostedId.value = null;
        // The reply form comes back with the text and the reason, unless another one is open now.
        if (parentId !== null && replyingTo.value === null) replyingTo.value = parentId;
      });
      throw err;
    }
  }

  const authorNames = computed(() => new Map(comments.value.map((c) => [c.id, c.author.name])));

  return {
    key,
    draftKey: options.draftScope ? `${key}#${options.draftScope}` : key,
    filter,
    info,
    status,
    loadError,
    roots: computed(() => sortRoots(buildReplyTree(comments.value), sort.value)),
    count: computed(() => info.value?.commentCount ?? comments.value.filter((c) => c.status === 'published').length),
    isLocked: computed(() => info.value?.locked === true),
    sort,
    hasMore: computed(() => cursor.value !== null),
    isLoadingMore,
    moreError,
    collapsed,
    target,
    of: {
      // One view per comment for all six (a signal per flag and comment would cost 5 MB in a
      // 5,000-comment thread).
      flags: keyed(() => {
        const [r, p, t, f, s, c] = [replyingTo.value, lastPostedId.value, target.value, fresh.value, sending.value, collapsed.value];
        return (id) =>
          flagsFor(+(r === id) | (+(p === id) << 1) | (+(t === id) << 2) | (+f.has(id) << 3) | (+s.has(id) << 4) | (+c.has(id) << 5));
      }),
      authorName: keyed(() => {
        const names = authorNames.value;
        return (id) => names.get(id);
      }),
    },
    replyingTo,
    lastPostedId,
    sending,
    fresh,
    incoming,
    version,
    renderKey: (id) => renderKeys.get(id) ?? id,
    showIncoming,
    applyEvent,
    replaceComment,
    include,
    find: (id) => comments.value.find((c) => c.id === id),
    removeComment,
    setScore,
    load,
    loadMore,
    setSort,
    setFilter,
    toggleCollapsed,
    showComment,
    post,
  };
}
