import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CommentsBackend } from '../backend/backend.ts';
import type { Translator } from '../i18n/translator.ts';
import { createComposerModel, createReaderModel, type ComposerModel, type ReaderModel } from './composer-model.ts';
import { createThreadModel, type PageInfo, type ThreadModel } from './thread-model.ts';

/** Everything one mounted widget owns: its thread, its reader, its open forms and its language. */
export interface WidgetModel {
  readonly thread: ThreadModel;
  readonly reader: ReaderModel;
  readonly t: Translator;
  /** The form for a parent (null: top level), kept for the widget's life so closing it loses no text. */
  composerFor(parentId: string | null): ComposerModel;
}

/** Creates the model of one widget instance. */
export function createWidgetModel(backend: CommentsBackend, threadKey: string, page: PageInfo, t: Translator): WidgetModel {
  const thread = createThreadModel(backend, threadKey, page);
  const reader = createReaderModel();
  const composers = new Map<string, ComposerModel>();
  return {
    thread,
    reader,
    t,
    composerFor(parentId) {
      const key = parentId ?? '';
      let composer = composers.get(key);
      if (!composer) composers.set(key, (composer = createComposerModel(thread, reader, parentId)));
      return composer;
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
