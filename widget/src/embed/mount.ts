import { h, render } from 'preact';
import { createHttpBackend } from '../backend/http-backend.ts';
import { App } from '../components/App.tsx';
import { en } from '../i18n/en.ts';
import { createTranslator, loadTranslator } from '../i18n/translator.ts';
import { log } from '../log.ts';
import { pickLanguage } from '../protocol/languages.ts';
import { loadFormatter } from '../render/formatter.ts';
import { createSession, type Session } from '../state/session.ts';
import { tokenFromUrl } from '../state/sign-in.ts';
import { createThreadView, rememberedSort, rememberSort, type ThreadView } from '../state/thread-view.ts';
import { adoptStyles } from '../styles/adopt-styles.ts';
import css from '../styles/widget.css?inline';
import { loadWriteChunk, loadWriteChunkWhenIdle } from '../write/load-write-chunk.ts';
import { clampOption, commentIdFromHash, DEFAULT_PAGE_SIZE, describePage, type MountOptions, resolveThreadKey } from './options.ts';

/** A mounted widget. */
export interface MountHandle {
  /** The widget's session (reader, backend, live stream, clock, translator), for embedding code and tests. */
  readonly session: Session;
  /** The thread under the article, a view over the session. */
  readonly view: ThreadView;
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
  if (!options.backend && !options.api) throw new Error('[threadline] mount() needs `api` (or a `backend`).');
  // Writes carry the signed-in reader's token, read when each request leaves.
  const backend =
    options.backend ??
    createHttpBackend({
      api: options.api!,
      token: () => session.identity.value?.token ?? null,
      onTokenRejected: () => session.rejectToken(),
    });
  const doc = element.ownerDocument;
  const win = doc.defaultView ?? window;
  const lang = pickLanguage([options.lang, element.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])]);
  const session = createSession({
    backend,
    threadKey: resolveThreadKey(options.thread, doc),
    page: describePage(doc),
    t: createTranslator('en', en),
    win,
    auth: options.auth ?? (options.ssoTokenUrl ? tokenFromUrl(options.ssoTokenUrl) : undefined),
    signInLinks: { loginUrl: options.loginUrl ?? null, logoutUrl: options.logoutUrl ?? null },
    api: options.backend ? undefined : options.api,
  });
  const view = createThreadView(session, {
    settings: { maxDepth: clampOption(options.maxDepth, 4, 1, 8), pageSize: clampOption(options.pageSize, DEFAULT_PAGE_SIZE, 1, 200) },
    thread: { sort: rememberedSort(), onSortChange: rememberSort },
  });
  // Run in reverse on unmount: the view goes before the session it is a view over.
  const cleanups: (() => void)[] = [() => session.dispose(), () => view.dispose()];

  // The requests go out before anything else is built: everything below runs while they travel.
  // The formatting chunk is fetched alongside the first page rather than after it: most threads
  // have some formatting, and waiting for the API answer first would add a round trip.
  void loadFormatter().catch(() => {});
  const loaded = view.thread.load().catch((err: unknown) => log.error('loading the thread failed', err));

  const host = doc.createElement(HOST_TAG);
  if (options.theme) host.setAttribute('data-theme', options.theme);
  const root = host.attachShadow({ mode: 'open' });
  cleanups.push(adoptStyles(root, css));
  element.append(host);

  // A link to #comment-ID opens that comment, now and whenever the hash changes.
  const showLinked = () => {
    const id = commentIdFromHash(win.location.hash);
    if (id) void view.thread.showComment(id);
  };
  void loaded.then(showLinked);

  // Live: others' comments, edits, deletions and votes, from the version the first page is at.
  void loaded.then(() => {
    if (handle.isMounted) session.connect(view.thread.version.value);
  });

  // Inline comments beside the article: their own chunk, loaded only where a site asks for them.
  if (options.inline && backend.listAnchors) {
    const selector = options.inline;
    import('../inline/inline-layer.tsx').then(
      (m) => {
        if (handle.isMounted)
          cleanups.push(
            m.startInline({
              selector,
              container: element,
              before: host,
              session,
              main: view,
              theme: options.theme,
              handoff: options.markers,
            }),
          );
      },
      (err: unknown) => log.warn('inline comments could not be loaded', err),
    );
  }
  win.addEventListener('hashchange', showLinked);
  cleanups.push(() => win.removeEventListener('hashchange', showLinked));

  // Render once the reader's language is known, so no English flashes first.
  let isRendered = false;
  const show = () => {
    if (isRendered || !handle.isMounted) return;
    isRendered = true;
    render(h(App, { view }), root);
    cleanups.push(() => render(null, root), loadWriteChunkWhenIdle(win));
  };
  // What a reader needs to write comes after the first screenful (write/), or as soon as they
  // reach for the widget: a post or vote then finds it here.
  const reachFor = () => void loadWriteChunk().catch(() => {});
  for (const type of ['pointerdown', 'focusin', 'keydown']) {
    root.addEventListener(type, reachFor, { once: true, passive: true });
    cleanups.push(() => root.removeEventListener(type, reachFor));
  }
  const handle = {
    session,
    view,
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
  let waiting = 0;
  const firstPage = Promise.race([loaded, new Promise<void>((resolve) => (waiting = win.setTimeout(resolve, SHOW_LOADING_AFTER_MS)))]);
  cleanups.push(() => win.clearTimeout(waiting));
  loadTranslator(lang).then(
    (translator) => {
      if (!handle.isMounted) return;
      session.setTranslator(translator);
      // Dates and numbers are first needed when the comments arrive; build their formatters
      // while the request is still on the wire.
      const warm = win.setTimeout(() => translator.warm(), 0);
      cleanups.push(() => win.clearTimeout(warm));
      void firstPage.then(show);
    },
    (err: unknown) => {
      log.warn(`language "${lang}" could not be loaded; using English`, err);
      void firstPage.then(show);
    },
  );
  return handle;
}
