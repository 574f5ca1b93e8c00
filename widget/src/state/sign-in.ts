import { type Signal, signal } from '@preact/signals';
import { log } from '../log.ts';
import { readSignedInReader, type SignedInReader } from './signed-in-reader.ts';

/** Where the site's token comes from: resolves with a JWT for a signed-in reader, null for a guest. */
export type TokenSource = () => Promise<string | null>;

/** The reader's sign-in: who they are (null: a guest) and how to ask the site again. */
export interface SignIn {
  readonly identity: Signal<SignedInReader | null>;
  /** Asks the site for a fresh token (on mount, before the current one expires, after signing in elsewhere). */
  refresh(): Promise<void>;
  /** Stops the refresh timer. */
  dispose(): void;
}

/** How long before expiry a token is replaced, so no write goes out with one about to lapse. */
export const REFRESH_BEFORE_MS = 60_000;

/**
 * The sign-in model of a session. With no `source` the reader is always a guest. A token that
 * cannot be read, or a site that fails to answer, leaves the reader a guest rather than breaking
 * the widget.
 */
export function createSignIn(source: TokenSource | undefined, win: Pick<Window, 'setTimeout' | 'clearTimeout'>, now = Date.now): SignIn {
  const identity = signal<SignedInReader | null>(null);
  let timer = 0;
  let isDisposed = false;
  const schedule = (reader: SignedInReader | null) => {
    win.clearTimeout(timer);
    if (!reader || isDisposed) return;
    // At least 5 s apart, so a site handing out nearly expired tokens is not asked in a loop.
    const wait = Math.max(5_000, reader.expiresAt - REFRESH_BEFORE_MS - now());
    timer = win.setTimeout(() => void refresh(), Math.min(wait, 2 ** 31 - 1));
  };
  const refresh = async () => {
    if (!source || isDisposed) return;
    let token: string | null = null;
    try {
      token = await source();
    } catch (err) {
      log.warn('the sign-in token could not be fetched', err);
    }
    if (isDisposed) return;
    const reader = token ? readSignedInReader(token) : null;
    if (token && !reader) log.warn('the sign-in token is not a JWT with sub and exp; signed out');
    identity.value = reader && reader.expiresAt > now() ? reader : null;
    schedule(identity.value);
  };
  return {
    identity,
    refresh,
    dispose() {
      isDisposed = true;
      win.clearTimeout(timer);
    },
  };
}

/**
 * The token source of `data-sso-token-url`: a URL on the site's own origin that answers
 * `{"token": "…"}` for a signed-in reader and 204 for a guest, using the site's cookies.
 */
export function tokenFromUrl(url: string): TokenSource {
  return async () => {
    const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
    if (res.status === 204 || res.status === 401 || res.status === 403) return null;
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const body = (await res.json()) as { token?: unknown };
    return typeof body.token === 'string' ? body.token : null;
  };
}
