import { h, render } from 'preact';
import { createHttpBackend } from '../backend/http-backend.ts';
import { App } from '../components/App.tsx';
import { createTranslator, pickLanguage } from '../i18n/translator.ts';
import { log } from '../log.ts';
import { createWidgetModel, type WidgetModel } from '../state/widget-model.ts';
import { adoptStyles } from '../styles/adopt-styles.ts';
import css from '../styles/widget.css?inline';
import { describePage, resolveThreadKey, type MountOptions } from './options.ts';

/** A mounted widget. */
export interface MountHandle {
  /** The widget's model (thread, reader, translator), for embedding code and tests. */
  readonly model: WidgetModel;
  /** Removes the widget and everything it added; the page is as it was before `mount()`. */
  unmount(): void;
}

/** Tag of the element that hosts the shadow root (a custom-element name, so it can host one). */
const HOST_TAG = 'threadline-root';
const mounted = new WeakMap<Element, MountHandle>();

/**
 * Mounts the comments widget inside `element` (in a child holding an open shadow root) and
 * starts loading its thread. Mounting into the same element again replaces the first widget.
 */
export function mount(element: Element, options: MountOptions): MountHandle {
  mounted.get(element)?.unmount();
  if (!options.backend && !options.api) throw new Error('[threadline] mount() needs `api` (or a `backend`).');
  const backend = options.backend ?? createHttpBackend({ api: options.api! });
  const doc = element.ownerDocument;
  const lang = pickLanguage([options.lang, doc.documentElement.lang, ...(navigator.languages ?? [])]);
  const model = createWidgetModel(backend, resolveThreadKey(options.thread, doc), describePage(doc), createTranslator(lang));

  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const removeStyles = adoptStyles(root, css);
  element.append(host);
  render(h(App, { model }), root);
  model.thread.load().catch((err: unknown) => log.error('loading the thread failed', err));

  const handle: MountHandle = {
    model,
    unmount() {
      if (mounted.get(element) !== handle) return;
      mounted.delete(element);
      render(null, root);
      removeStyles();
      host.remove();
    },
  };
  mounted.set(element, handle);
  return handle;
}
