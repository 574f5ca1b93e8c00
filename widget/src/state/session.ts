/**
 * One mounted widget's session: who the reader is (identity, edit tokens, votes, drafts), the
 * backend and its live connection, the clock and the translator. `mount()` creates it and
 * `unmount()` disposes it; the thread under the article and every inline panel are views over it.
 */
import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { CommentsBackend } from '../backend/backend.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Anchor, LiveEvent, ServerFeatures } from '../protocol/types.ts';
import { drafts } from './drafts.ts';
import { createPowTicket, type PowTicket } from './proof-of-work.ts';
import { createProviderSignIn, type ProviderSignIn } from './provider-sign-in.ts';
import { ReaderModel } from './reader-model.ts';
import { createSignIn, type TokenSource } from './sign-in.ts';
import type { SignedInReader } from './signed-in-reader.ts';
import type { ThreadModel } from './thread-model.ts';

/** What the widget knows of the page, sent with comments so the backend learns it. */
export interface PageInfo {
  title: string;
  url: string;
}

/** What the inline layer (data-inline) tells the thread about anchors on this page. */
export interface InlineBridge {
  /** Whether a comment's passage is still in the article (`found`), or has since changed. */
  locate(anchor: Anchor): 'found' | 'changed';
  /** Scrolls to the passage and opens its comments beside it. */
  reveal(anchor: Anchor): void;
}

/** What the session's writes need of each open view: its thread, to show a change there too. */
export interface SessionView {
  readonly thread: ThreadModel;
}

/** Everything one mounted widget shares between its views. */
export interface Session {
  readonly backend: CommentsBackend;
  readonly threadKey: string;
  readonly page: PageInfo;
  readonly t: ReadonlySignal<Translator>;
  /** Milliseconds since the epoch, ticking each minute so relative times stay true. */
  readonly now: ReadonlySignal<number>;
  readonly reader: ReaderModel;
  /** The reader's unsent forms, in localStorage. */
  readonly drafts: typeof drafts;
  /** Set while the page has inline comments (data-inline) and the backend supports anchors. */
  readonly inline: ReadonlySignal<InlineBridge | null>;
  /** The open views (the thread under the article, an inline panel). */
  readonly views: ReadonlySet<SessionView>;
  /** What the server said it offers, with its latest thread read (null before the first). */
  readonly features: ReadonlySignal<ServerFeatures | null>;
  /** The proof of work for the reader's next comment, where the server asks for one. */
  readonly pow: PowTicket;
  /** The signed-in reader (their token goes with every write), or null for a guest. */
  readonly identity: Signal<SignedInReader | null>;
  /** The site's "Sign in" and "Sign out" pages (`data-login-url`, `data-logout-url`), where it has them. */
  readonly signInLinks: SignInLinks;
  /** "Sign in" through the server's OpenID provider (shown where `features.oidc` says it works); null where the site signs readers in itself. */
  readonly provider: Pick<ProviderSignIn, 'open' | 'signOut'> | null;
  /** The server refused the reader's token: forget a stored OpenID token, or ask the site for a fresh one. */
  rejectToken(): void;
  setTranslator(t: Translator): void;
  setFeatures(features: ServerFeatures | null): void;
  setInline(bridge: InlineBridge | null): void;
  /** Registers a view; returns the function that forgets it. */
  addView(view: SessionView): () => void;
  /** Hears every live event of the thread; returns the function that stops listening. */
  listen(listener: (event: LiveEvent) => void): () => void;
  /** Opens the live stream from `version` (once; later calls do nothing). */
  connect(version: number): void;
  /** Closes the stream, stops the clock and the listeners, and disposes the reader. */
  dispose(): void;
}

/** What a session is made of. */
export interface SessionOptions {
  backend: CommentsBackend;
  threadKey: string;
  page: PageInfo;
  t: Translator;
  /** The window whose clock and storage events the session follows. */
  win: Window;
  /** Where the reader's sign-in token comes from (`mount({auth})`, `data-sso-token-url`); none: always a guest. */
  auth?: TokenSource | undefined;
  signInLinks?: SignInLinks;
  /** The API whose OpenID sign-in the reader may use, where the site gives no `auth` of its own. */
  api?: string | undefined;
}

/** The site's sign-in pages; null where it has none. */
export interface SignInLinks {
  loginUrl: string | null;
  logoutUrl: string | null;
}

/** Creates the session of one mount. */
export function createSession({ backend, threadKey, page, t, win, auth, signInLinks, api }: SessionOptions): Session {
  const translator = signal(t);
  const now = signal(Date.now());
  const inline = signal<InlineBridge | null>(null);
  const features = signal<ServerFeatures | null>(null);
  const pow = createPowTicket(backend, () => features.value?.pow === true);
  const reader = new ReaderModel();
  // The site's own sign-in wins; without one, the server's OpenID sign-in keeps its token here.
  const provider = !auth && api ? createProviderSignIn(api, win, () => void signIn.refresh()) : null;
  const signIn = createSignIn(auth ?? provider?.source, win);
  void signIn.refresh();
  const views = new Set<SessionView>();
  const listeners = new Set<(event: LiveEvent) => void>();
  const cleanups: (() => void)[] = [];
  let isConnected = false;
  let isDisposed = false;

  // Relative times ("3 minutes ago") stay true while the page is open.
  const tick = win.setInterval(() => {
    now.value = Date.now();
  }, 60_000);
  cleanups.push(() => win.clearInterval(tick));
  // Another tab of this reader posted, edited or voted: pick up its tokens and votes.
  const onStorage = (e: StorageEvent) => {
    if (!e.key || e.key.startsWith('threadline:')) reader.reload();
  };
  win.addEventListener('storage', onStorage);
  cleanups.push(() => win.removeEventListener('storage', onStorage));

  return {
    backend,
    threadKey,
    page,
    t: translator,
    now,
    reader,
    drafts,
    inline,
    views,
    features,
    pow,
    identity: signIn.identity,
    signInLinks: signInLinks ?? { loginUrl: null, logoutUrl: null },
    provider,
    rejectToken() {
      if (provider) provider.signOut();
      else void signIn.refresh();
    },
    setTranslator(next) {
      translator.value = next;
    },
    setFeatures(next) {
      features.value = next;
    },
    setInline(bridge) {
      inline.value = bridge;
    },
    addView(view) {
      views.add(view);
      return () => views.delete(view);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect(version) {
      if (isConnected || isDisposed || !backend.subscribe) return;
      isConnected = true;
      // One stream for every view: the thread below and an open inline panel.
      const stop = backend.subscribe(threadKey, version, (event) => {
        for (const l of [...listeners]) l(event);
      });
      cleanups.push(stop);
    },
    dispose() {
      if (isDisposed) return;
      isDisposed = true;
      for (const c of cleanups.splice(0).reverse()) c();
      listeners.clear();
      views.clear();
      signIn.dispose();
      provider?.dispose();
      reader[Symbol.dispose]();
    },
  };
}
