import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CommentsBackend } from '../backend/backend.ts';
import type { Translator } from '../i18n/translator.ts';
import type { SortOrder } from '../protocol/types.ts';
import { type CommentActions, createCommentActions } from './comment-actions.ts';
import { type ComposerModel, createComposerModel } from './composer-model.ts';
import { createReaderModel, type ReaderModel } from './reader-model.ts';
import { storage } from './storage.ts';
import { createThreadModel, type PageInfo, type ThreadModel } from './thread-model.ts';

/** How one widget draws its thread. */
export interface WidgetSettings {
  /** Levels of nesting drawn (top level counts as 1); deeper replies are flattened. */
  maxDepth: number;
  /** Top-level comments per page. */
  pageSize: number;
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
): WidgetModel {
  const remembered = storage.get('sort') as SortOrder | null;
  const reader = createReaderModel();
  const thread = createThreadModel(backend, threadKey, page, {
    held: { list: () => reader.held.value, release: (ids) => reader.releaseHeld(ids) },
    pageSize: settings.pageSize,
    sort: remembered && SORTS.includes(remembered) ? remembered : 'oldest',
    // Per site: localStorage belongs to the page's origin.
    onSortChange: (order) => storage.set('sort', order),
  });
  const composers = new Map<string, ComposerModel>();
  return {
    thread,
    reader,
    actions: createCommentActions(backend, thread, reader),
    t,
    now: signal(Date.now()),
    settings,
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
