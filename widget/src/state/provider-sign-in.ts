import type { TokenSource } from './sign-in.ts';
import { readSignedInReader } from './signed-in-reader.ts';
import { storage } from './storage.ts';

/** The message the server's popup posts to the page when an OpenID sign-in succeeds. */
const SIGNED_IN = 'threadline:signed-in';

/** "Sign in" through the server's OpenID provider: a popup, and the server's own token kept in localStorage. */
export interface ProviderSignIn {
  /** The stored token, for the session's sign-in model; an expired or unreadable one is dropped. */
  readonly source: TokenSource;
  /** Opens the provider's sign-in in a popup (call it from a click, or the browser blocks it). */
  open(): void;
  /** Forgets the token, in this tab and the reader's others. */
  signOut(): void;
  /** Stops listening for the popup and other tabs. */
  dispose(): void;
}

/**
 * The OpenID sign-in of the server at `api`. The token is taken only from a message whose origin
 * is the server's and whose source is the popup this widget opened: any other window could post
 * a token of its choosing. `onChange` runs when the stored token changes (here or in another tab).
 */
export function createProviderSignIn(api: string, win: Window, onChange: () => void, now = Date.now): ProviderSignIn {
  const start = new URL('/api/auth/oidc/start', api);
  const key = `oidc-token:${start.origin}`;
  let popup: Window | null = null;
  const onMessage = (e: MessageEvent) => {
    const data = e.data as { type?: unknown; token?: unknown } | null;
    if (e.origin !== start.origin || !popup || e.source !== popup || data?.type !== SIGNED_IN || typeof data.token !== 'string') return;
    popup = null;
    storage.set(key, data.token);
    onChange();
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === `threadline:${key}`) onChange();
  };
  win.addEventListener('message', onMessage);
  win.addEventListener('storage', onStorage);
  return {
    async source() {
      const token = storage.get(key);
      const reader = token && readSignedInReader(token);
      if (reader && reader.expiresAt > now()) return token;
      if (token) storage.set(key, null);
      return null;
    },
    open() {
      start.searchParams.set('origin', win.location.origin);
      popup = win.open(start.href, 'threadline-sign-in', 'popup,width=520,height=680');
    },
    signOut() {
      storage.set(key, null);
      onChange();
    },
    dispose() {
      win.removeEventListener('message', onMessage);
      win.removeEventListener('storage', onStorage);
    },
  };
}
