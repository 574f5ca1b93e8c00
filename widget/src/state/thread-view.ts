/**
 * A view over a session: the thread under the article, or an inline panel's passage. It puts
 * together the view's thread, its UI flags, its writes and its forms, and hands them to components.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translator } from '../i18n/translator.ts';
import type { Anchor, Comment, SortOrder } from '../protocol/types.ts';
import { type CommentViews, createCommentViews } from './comment-views.ts';
import { ComposerModel } from './composer-model.ts';
import { LazyWrites } from './lazy-writes.ts';
import { ReportModel } from './report-model.ts';
import type { Session } from './session.ts';
import { storage } from './storage.ts';
import { ThreadModel, type ThreadOptions } from './thread-model.ts';
import { ThreadUi } from './thread-ui.ts';

/** How one view draws its thread. */
export interface ViewSettings {
  /** Levels of nesting drawn (top level counts as 1); deeper replies are flattened. */
  maxDepth: number;
  /** Top-level comments per page. */
  pageSize: number;
  /** An inline panel beside a paragraph (anchors to that paragraph go without saying there). */
  isPanel?: boolean;
}

/** What makes a view: how it draws, which comments it reads, where its new comments go. */
export interface ThreadViewOptions {
  settings: ViewSettings;
  thread: Omit<ThreadOptions, 'pageSize'>;
  /** Keeps this view's drafts apart from other forms on the same thread (an inline panel's). */
  draftScope?: string;
  /** The passage new top-level comments are anchored to (inline comments), if any. */
  newAnchor?: () => Anchor | null;
  /** Called once the server has a comment the reader posted in this view. */
  onPosted?: (comment: Comment) => void;
}

/** Everything components of one view use. */
export interface ThreadView {
  readonly session: Session;
  readonly settings: ViewSettings;
  readonly thread: ThreadModel;
  readonly ui: ThreadUi;
  /** The reader's writes; the first one loads the write chunk if it is not here yet. */
  readonly writes: LazyWrites;
  /** Reader reports (moderation). */
  readonly reports: ReportModel;
  /** Per-comment reads (flags, author names, votes, tokens). */
  readonly of: CommentViews;
  /** True when the backend can list anchored comments (the main thread then offers the filter). */
  readonly hasAnchors: boolean;
  readonly canVote: boolean;
  /** The form for a parent (null: top level), kept for the view's life so closing it loses no text. */
  composerFor(parentId: string | null): ComposerModel;
  /** Disposes the view's models (and so every effect they started) and leaves the session. */
  dispose(): void;
}

const SORTS: readonly SortOrder[] = ['oldest', 'newest', 'replies', 'top'];

/** The order the reader last picked on this site, else oldest first. */
export function rememberedSort(): SortOrder {
  const remembered = storage.get('sort') as SortOrder | null;
  return remembered && SORTS.includes(remembered) ? remembered : 'oldest';
}

/** Remembers the reader's order (per site: localStorage belongs to the page's origin). */
export function rememberSort(order: SortOrder): void {
  storage.set('sort', order);
}

/** Creates a view over `session` and starts following the live stream. */
export function createThreadView(session: Session, options: ThreadViewOptions): ThreadView {
  const ui = new ThreadUi();
  const thread = new ThreadModel(session, ui, { ...options.thread, pageSize: options.settings.pageSize });
  const draftKey = options.draftScope ? `${session.threadKey}#${options.draftScope}` : session.threadKey;
  const writes = new LazyWrites(session, {
    thread,
    ui,
    draftKey,
    ...(options.newAnchor ? { newAnchor: options.newAnchor } : {}),
    ...(options.onPosted ? { onPosted: options.onPosted } : {}),
  });
  const composers = new Map<string, ComposerModel>();
  const reports = new ReportModel(session);
  const view: ThreadView = {
    session,
    settings: options.settings,
    thread,
    ui,
    writes,
    reports,
    of: createCommentViews(session, thread, ui, reports),
    hasAnchors: typeof session.backend.listAnchors === 'function',
    canVote: typeof session.backend.vote === 'function',
    composerFor(parentId) {
      const key = parentId ?? '';
      let composer = composers.get(key);
      if (!composer) {
        composer = new ComposerModel({ session, writes, draftKey, parentId });
        composers.set(key, composer);
      }
      return composer;
    },
    dispose() {
      stopListening();
      leave();
      for (const c of composers.values()) c[Symbol.dispose]();
      composers.clear();
      for (const model of [reports, writes, thread, ui]) model[Symbol.dispose]();
    },
  };
  const leave = session.addView(view);
  const stopListening = session.listen(thread.applyEvent);
  return view;
}

/** Gives components the view they are part of. */
export const ViewContext = createContext<ThreadView | null>(null);

/** The enclosing view (throws outside one, which is a programming error). */
export function useView(): ThreadView {
  const view = useContext(ViewContext);
  if (!view) throw new Error('useView() outside <ViewContext.Provider>');
  return view;
}

/** The enclosing widget's translator. */
export function useT(): Translator {
  return useView().session.t.value;
}
