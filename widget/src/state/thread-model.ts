/**
 * One view's thread in signals: the data (decided by thread-data.ts), loading and paging, the
 * order and the filter, and the live events applied to it.
 */
import { batch, computed, createModel, type ReadonlySignal, signal } from '@preact/signals';
import { asBackendError, type BackendError } from '../backend/backend-error.ts';
import { log } from '../log.ts';
import type { Comment, LiveEvent, SortOrder, ThreadFilter, ThreadInfo, ThreadResponse } from '../protocol/types.ts';
import { formatterReadyFor } from '../render/formatter.ts';
import { screenfulOf } from './first-screenful.ts';
import { type BuiltTree, type ReplyNode, sortRoots, updateReplyTree } from './reply-tree.ts';
import type { Session } from './session.ts';
import {
  applyAround,
  applyLiveEvent,
  applyNextPage,
  applyServerPage,
  belongsIn,
  EMPTY_THREAD,
  includeComment,
  showIncoming,
  type ThreadData,
  type ThreadScope,
} from './thread-data.ts';
import type { ThreadUi } from './thread-ui.ts';

/** How a thread is read. */
export interface ThreadOptions {
  /** Top-level comments per page. */
  pageSize: number;
  /** Order to start with (the reader's remembered choice, else oldest). */
  sort: SortOrder;
  /** Called when the reader picks another order, to remember it. */
  onSortChange?: (order: SortOrder) => void;
  /** Which top-level comments to list to start with (default all). */
  filter?: ThreadFilter;
  /**
   * Only the threads under these anchor keys (one passage's inline comments). A function: the
   * set grows when the reader comments on a new quote in that passage.
   */
  anchors?: () => readonly string[];
  /** Whether a new top-level comment (live, or held for moderation) belongs in this view. */
  accepts?: (comment: Comment) => boolean;
  /** Shows others' new top-level comments at once instead of behind "Show N new comments" (a small panel). */
  showNewAtOnce?: boolean;
}

/** A thread as one view shows it: data, loading state, and the actions that read more of it. */
export interface ThreadModelShape {
  readonly data: ReadonlySignal<ThreadData>;
  readonly info: ReadonlySignal<ThreadInfo | null>;
  readonly status: ReadonlySignal<'loading' | 'ready' | 'error'>;
  readonly loadError: ReadonlySignal<BackendError | null>;
  /** Top-level comments in the chosen order, with their replies. */
  readonly roots: ReadonlySignal<ReplyNode[]>;
  readonly count: ReadonlySignal<number>;
  /** True when the site closed the thread to new comments. */
  readonly isLocked: ReadonlySignal<boolean>;
  /** Editors' picks of the thread (from the first page, kept live). */
  readonly featured: ReadonlySignal<readonly Comment[]>;
  readonly sort: ReadonlySignal<SortOrder>;
  /** Which top-level comments are listed: all, or only those anchored to the page (inline). */
  readonly filter: ReadonlySignal<ThreadFilter>;
  readonly hasMore: ReadonlySignal<boolean>;
  readonly isLoadingMore: ReadonlySignal<boolean>;
  readonly moreError: ReadonlySignal<BackendError | null>;
  /** Others' new top-level comments, held back so the text being read does not move. */
  readonly incoming: ReadonlySignal<readonly Comment[]>;
  /** The thread version the shown data is at (the live stream continues from it). */
  readonly version: ReadonlySignal<number>;
  /** Author name by comment id (null: anonymous). */
  readonly authorNames: ReadonlySignal<ReadonlyMap<string, string | null>>;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  setSort(order: SortOrder): Promise<void>;
  setFilter(filter: ThreadFilter): Promise<void>;
  /** Shows the held-back new comments. */
  showIncoming(): void;
  /** Applies a change another reader made (from the live stream). */
  applyEvent(event: LiveEvent): void;
  /** Makes sure a comment is loaded and visible (fetching its sub-thread if needed), then targets it. */
  showComment(id: string): Promise<boolean>;
  /** Applies a change of the reader's own (see comment-writes.ts). */
  update(change: (data: ThreadData) => ThreadData): void;
  /** Shows the reader's comment posted in another view, if it belongs in this one. */
  includeOwn(comment: Comment): void;
}

/** The thread of one view over a session; its UI flags live in `ui`. */
export const ThreadModel = createModel<ThreadModelShape, [Session, ThreadUi, ThreadOptions]>((session, ui, options) => {
  const { backend, threadKey: key, reader } = session;
  const data = signal<ThreadData>(EMPTY_THREAD);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal<BackendError | null>(null);
  const sort = signal<SortOrder>(options.sort);
  const filter = signal<ThreadFilter>(options.filter ?? 'all');
  const isLoadingMore = signal(false);
  const moreError = signal<BackendError | null>(null);
  let loads = 0;

  const scope = (): ThreadScope => ({
    isScoped: !!options.anchors || filter.value !== 'all',
    ...(options.accepts ? { accepts: options.accepts } : {}),
    ...(options.showNewAtOnce ? { showNewAtOnce: true } : {}),
  });
  const pageRequest = (cursor?: string) => ({
    sort: sort.value,
    limit: options.pageSize,
    ...(cursor ? { cursor } : {}),
    ...(filter.value === 'all' ? {} : { filter: filter.value }),
    ...(options.anchors ? { anchors: options.anchors() } : {}),
  });

  /**
   * Fetches, waits for formatting if needed (of the first screenful only, for the first page: the
   * rest is drawn later, see first-screenful.ts), and answers only if no newer load began.
   */
  async function fetchPage(cursor: string | undefined, ticket: number): Promise<ThreadResponse | null> {
    // A passage nobody has commented on yet: nothing to ask for (no anchors would mean "all").
    const res =
      options.anchors && options.anchors().length === 0
        ? { thread: data.value.info ?? { key, title: null, url: null, commentCount: 0 }, comments: [], nextCursor: null }
        : await backend.listThread(key, pageRequest(cursor));
    // Formatted bodies wait for the format chunk, so they do not re-flow after the first paint.
    await formatterReadyFor(cursor ? res.comments : screenfulOf(res.comments, sort.value));
    return ticket === loads ? res : null;
  }

  async function load(): Promise<void> {
    const ticket = ++loads;
    status.value = 'loading';
    try {
      const res = await fetchPage(undefined, ticket);
      if (!res) return;
      batch(() => {
        // Posts still on their way, and the reader's own held ones, stay on screen across a reload.
        const shown = new Set(res.comments.map((c) => c.id));
        const held = reader.held.value.filter(
          (c) => c.thread === key && belongsIn(c, { ...EMPTY_THREAD, comments: res.comments }, scope()),
        );
        reader.releaseHeld(held.filter((c) => shown.has(c.id)).map((c) => c.id));
        const sending = data.value.comments.filter((c) => ui.sending.value.has(c.id));
        data.value = applyServerPage(res, [...held, ...sending]);
        session.setFeatures(res.features ?? null);
        loadError.value = null;
        moreError.value = null;
        status.value = 'ready';
      });
    } catch (err) {
      if (ticket !== loads) return;
      batch(() => {
        loadError.value = asBackendError(err);
        status.value = 'error';
      });
    }
  }

  async function loadMore(): Promise<void> {
    const from = data.value.cursor;
    if (!from || isLoadingMore.value) return;
    isLoadingMore.value = true;
    moreError.value = null;
    try {
      const res = await fetchPage(from, loads);
      if (res) data.value = applyNextPage(data.value, res);
    } catch (err) {
      moreError.value = asBackendError(err);
    } finally {
      isLoadingMore.value = false;
    }
  }

  /** The reader's own post still sending that `comment` is the server's copy of. */
  const isOwnPending = (comment: Comment) =>
    data.value.comments.some((c) => ui.sending.value.has(c.id) && c.parentId === comment.parentId && c.body === comment.body);

  const find = (id: string) => data.value.comments.find((c) => c.id === id);
  // The last tree built: unchanged comments keep their node objects (and so skip re-rendering),
  // and a new comment is hung into it rather than the tree rebuilt.
  let last: BuiltTree | null = null;
  const tree = computed(() => {
    last = updateReplyTree(data.value.comments, last);
    return last.roots;
  });
  return {
    data,
    info: computed(() => data.value.info),
    status,
    loadError,
    roots: computed(() => sortRoots(tree.value, sort.value)),
    count: computed(() => data.value.info?.commentCount ?? data.value.comments.filter((c) => c.status === 'published').length),
    isLocked: computed(() => data.value.info?.locked === true),
    featured: computed(() => data.value.featured),
    sort,
    filter,
    hasMore: computed(() => data.value.cursor !== null),
    isLoadingMore,
    moreError,
    incoming: computed(() => data.value.incoming),
    version: computed(() => data.value.version),
    authorNames: computed(() => new Map(data.value.comments.map((c) => [c.id, c.author.name]))),
    load,
    loadMore,
    async setSort(order) {
      if (order === sort.value) return;
      sort.value = order;
      options.onSortChange?.(order);
      await load();
    },
    async setFilter(next) {
      if (next === filter.value) return;
      filter.value = next;
      await load();
    },
    showIncoming() {
      const result = showIncoming(data.value);
      data.value = result.data;
      ui.markFresh(result.fresh);
    },
    applyEvent(event) {
      if (event.type === 'reset') return void load();
      // The reader's own comment, held again by their edit: others see it go, its author keeps it.
      if (event.type === 'delete' && !event.comment && reader.keeps(event.id)) return;
      const result = applyLiveEvent(data.value, event, scope(), isOwnPending);
      data.value = result.data;
      ui.markFresh(result.fresh);
    },
    async showComment(id) {
      if (!find(id)) {
        if (!backend.listAround) return false;
        try {
          const res = await backend.listAround(key, id);
          await formatterReadyFor(res.comments);
          data.value = applyAround(data.value, res.comments);
        } catch (err) {
          log.warn(`comment ${id} from the link could not be loaded`, err);
          return false;
        }
      }
      // Unfold every ancestor, so the comment is on screen.
      const parents = new Map(data.value.comments.map((c) => [c.id, c.parentId]));
      const ancestors: string[] = [];
      for (let p = parents.get(id); p; p = parents.get(p)) ancestors.push(p);
      ui.reveal(ancestors, id);
      return true;
    },
    update(change) {
      data.value = change(data.value);
    },
    includeOwn(comment) {
      if (belongsIn(comment, data.value, scope())) data.value = includeComment(data.value, comment);
    },
  };
});

/** An instance of ThreadModel. */
export type ThreadModel = InstanceType<typeof ThreadModel>;
