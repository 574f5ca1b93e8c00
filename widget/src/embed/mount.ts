import { signal } from '@preact/signals';
import { h, render } from 'preact';
import { App } from '../components/App.tsx';
import { en } from '../i18n/en.ts';
import { createTranslator, loadTranslator, pickLanguage } from '../i18n/translator.ts';
import { log } from '../log.ts';
import { loadFormatter } from '../render/formatter.ts';
import { createLiveHub, createWidgetModel, type WidgetModel } from '../state/widget-model.ts';
import { adoptStyles } from '../styles/adopt-styles.ts';
import css from '../styles/widget.css?inline';
import { chooseBackend } from './choose-backend.ts';
import { clampOption, commentIdFromHash, DEFAULT_PAGE_SIZE, describePage, type MountOptions, resolveThreadKey } from './options.ts';

/** A mounted widget. */
export interface MountHandle {
  /** The widget's model (thread, reader, translator), for embedding code and tests. */
  readonly model: WidgetModel;
  /** Removes the widget and everything it added; the page is as it was before `mount()`. */
  unmount(): void;
}

/** Tag of the element that hosts the shadow root (a custom-element name, so it can host one). */
const HOST_TAG = 'threadline-root';
/** How long the first render waits for the comments before it shows "Loading…" instead. */
const SHOW_LOADING_AFTER_MS = 300;
const mounted = new WeakMap<Element, MountHandle>();

/**
 * Mounts the comments widget inside `element` (in a child holding an open shadow root) and
 * starts loading its thread. Mounting into the same element again replaces the first widget.
 */
export function mount(element: Element, options: MountOptions): MountHandle {
  mounted.get(element)?.unmount();
  const doc = element.ownerDocument;
  const backend = chooseBackend(options, doc);
  const win = doc.defaultView ?? window;
  const lang = pickLanguage([options.lang, element.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])]);
  const t = signal(createTranslator('en', en));
  const model = createWidgetModel(backend, resolveThreadKey(options.thread, doc), describePage(doc), t, {
    maxDepth: clampOption(options.maxDepth, 4, 1, 8),
    pageSize: clampOption(options.pageSize, DEFAULT_PAGE_SIZE, 1, 200),
  });
  const cleanups: (() => void)[] = [];

  // The requests go out before anything else is built: everything below runs while they travel.
  // The formatting chunk is fetched alongside the first page rather than after it: most threads
  // have some formatting, and waiting for the API answer first would add a round trip.
  void loadFormatter().catch(() => {});
  const loaded = model.thread.load().catch((err: unknown) => log.error('loading the thread failed', err));

  const host = doc.createElement(HOST_TAG);
  if (options.theme) host.setAttribute('data-theme', options.theme);
  const root = host.attachShadow({ mode: 'open' });
  cleanups.push(adoptStyles(root, css));
  element.append(host);

  // A link to #comment-ID opens that comment, now and whenever the hash changes.
  const showLinked = () => {
    const id = commentIdFromHash(win.location.hash);
    if (id) void model.thread.showComment(id);
  };
  void loaded.then(showLinked);

  // Live: others' comments, edits, deletions and votes, from the version the first page is at.
  // One stream for the thread below and an open inline panel.
  const live = createLiveHub();
  cleanups.push(live.listen(model.thread.applyEvent));
  let stopLive: (() => void) | undefined;
  void loaded.then(() => {
    if (handle.isMounted && backend.subscribe) stopLive = backend.subscribe(model.thread.key, model.thread.version.value, live.emit);
  });
  cleanups.push(() => stopLive?.());

  // Inline comments beside the article: their own chunk, loaded only where a site asks for them.
  if (options.inline && backend.listAnchors) {
    const selector = options.inline;
    import('../inline/inline-layer.tsx').then(
      (m) => {
        if (handle.isMounted)
          cleanups.push(m.startInline({ selector, container: element, before: host, backend, model, live, theme: options.theme }));
      },
      (err: unknown) => log.warn('inline comments could not be loaded', err),
    );
  }
  // Another tab of this reader posted, edited or voted: pick up its tokens and votes.
  const onStorage = (e: StorageEvent) => {
    if (!e.key || e.key.startsWith('threadline:')) model.reader.reload();
  };
  win.addEventListener('storage', onStorage);
  cleanups.push(() => win.removeEventListener('storage', onStorage));
  cleanups.push(() => model.dispose());
  win.addEventListener('hashchange', showLinked);
  cleanups.push(() => win.removeEventListener('hashchange', showLinked));

  // Relative times ("3 minutes ago") stay true while the page is open.
  const tick = win.setInterval(() => {
    model.now.value = Date.now();
  }, 60_000);
  cleanups.push(() => win.clearInterval(tick));

  // Render once the reader's language is known, so no English flashes first.
  let isRendered = false;
  const show = () => {
    if (isRendered || !handle.isMounted) return;
    isRendered = true;
    render(h(App, { model }), root);
    cleanups.push(() => render(null, root));
  };
  const handle = {
    model,
    isMounted: true,
    unmount() {
      if (mounted.get(element) !== handle) return;
      mounted.delete(element);
      handle.isMounted = false;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      host.remove();
    },
  };
  mounted.set(element, handle);
  // The first render waits for the comments (up to SHOW_LOADING_AFTER_MS, then "Loading…"
  // shows): one layout instead of two, and nothing on screen moves when they arrive.
  const firstPage = Promise.race([loaded, new Promise<void>((resolve) => win.setTimeout(resolve, SHOW_LOADING_AFTER_MS))]);
  loadTranslator(lang).then(
    (translator) => {
      t.value = translator;
      // Dates and numbers are first needed when the comments arrive; build their formatters
      // while the request is still on the wire.
      win.setTimeout(() => translator.warm(), 0);
      void firstPage.then(show);
    },
    (err: unknown) => {
      log.warn(`language "${lang}" could not be loaded; using English`, err);
      void firstPage.then(show);
    },
  );
  return handle;
}
