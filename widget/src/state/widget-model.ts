import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CommentsBackend } from '../backend/backend.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Anchor, LiveEvent, SortOrder } from '../protocol/types.ts';
import { type CommentActions, createCommentActions } from './comment-actions.ts';
import { type ComposerModel, createComposerModel } from './composer-model.ts';
import { createReaderModel, type ReaderModel } from './reader-model.ts';
import { storage } from './storage.ts';
import { createThreadModel, type PageInfo, type ThreadModel, type ThreadOptions } from './thread-model.ts';

/** How one widget draws its thread. */
export interface WidgetSettings {
  /** Levels of nesting drawn (top level counts as 1); deeper replies are flattened. */
  maxDepth: number;
  /** Top-level comments per page. */
  pageSize: number;
  /** An inline panel beside a paragraph (anchors to that paragraph go without saying there). */
  isPanel?: boolean;
}

/** What the inline layer (data-inline) tells the main thread about anchors on this page. */
export interface InlineBridge {
  /** Whether a comment's passage is still in the article (`found`), or has since changed. */
  locate(anchor: Anchor): 'found' | 'changed';
  /** Scrolls to the passage and opens its comments beside it. */
  reveal(anchor: Anchor): void;
}

/** Everything one mounted widget owns: its thread, its reader, its open forms, its language and clock. */
export interface WidgetModel {
  readonly thread: ThreadModel;
  readonly reader: ReaderModel;
  readonly actions: CommentActions;
  readonly t: ReadonlySignal<Translator>;
  /** Milliseconds since the epoch, ticking each minute so relative times stay true. */
  readonly now: Signal<number>;
  readonly settings: WidgetSettings;
  /** Set while the page has inline comments (data-inline) and the backend supports anchors. */
  readonly inline: Signal<InlineBridge | null>;
  /** True when the backend can list anchored comments (the main thread then offers the filter). */
  readonly hasAnchors: boolean;
  /** True when the backend refuses comments without name and email (the form says they are required). */
  readonly requiresIdentity: boolean;
  /** The form for a parent (null: top level), kept for the widget's life so closing it loses no text. */
  composerFor(parentId: string | null): ComposerModel;
  /** Stops what the forms run in the background (draft saving). */
  dispose(): void;
}

const SORTS: readonly SortOrder[] = ['oldest', 'newest', 'replies', 'top'];

/** Creates the model of one widget instance. */
export function createWidgetModel(
  backend: CommentsBackend,
  threadKey: string,
  page: PageInfo,
  t: ReadonlySignal<Translator>,
  settings: WidgetSettings,
  /** Overrides for a scoped view (an inline panel: one passage's threads, oldest first). */
  scope?: Partial<ThreadOptions>,
): WidgetModel {
  const remembered = storage.get('sort') as SortOrder | null;
  const reader = createReaderModel();
  const thread = createThreadModel(backend, threadKey, page, {
    held: { list: () => reader.held.value, release: (ids) => reader.releaseHeld(ids) },
    pageSize: settings.pageSize,
    sort: remembered && SORTS.includes(remembered) ? remembered : 'oldest',
    // Per site: localStorage belongs to the page's origin.
    onSortChange: (order) => storage.set('sort', order),
    ...scope,
  });
  const composers = new Map<string, ComposerModel>();
  return {
    thread,
    reader,
    actions: createCommentActions(backend, thread, reader),
    t,
    now: signal(Date.now()),
    settings,
    inline: signal(null),
    hasAnchors: typeof backend.listAnchors === 'function',
    requiresIdentity: backend.requiresIdentity === true,
    composerFor(parentId) {
      const key = parentId ?? '';
      let composer = composers.get(key);
      if (!composer) {
        composer = createComposerModel(thread, reader, parentId);
        composers.set(key, composer);
      }
      return composer;
    },
    dispose() {
      for (const c of composers.values()) c.dispose();
    },
  };
}

/** One live stream, several listeners (the thread under the article and an open inline panel). */
export interface LiveHub {
  emit(event: LiveEvent): void;
  /** Adds a listener; returns the function that removes it. */
  listen(listener: (event: LiveEvent) => void): () => void;
}

/** Creates a LiveHub. */
export function createLiveHub(): LiveHub {
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    emit: (event) => {
      for (const l of [...listeners]) l(event);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Gives components the model of the widget they are part of. */
export const WidgetContext = createContext<WidgetModel | null>(null);

/** The enclosing widget's model (throws outside a widget, which is a programming error). */
export function useWidget(): WidgetModel {
  const model = useContext(WidgetContext);
  if (!model) throw new Error('useWidget() outside <WidgetContext.Provider>');
  return model;
}

/** The enclosing widget's translator. */
export function useT(): Translator {
  return useWidget().t.value;
}
