import { createHmac } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { OidcClient, PendingSignIn } from '../auth/oidc-client.ts';
import { signOwnToken } from '../auth/own-token.ts';
import type { OwnTokenKey } from '../auth/token-verifier.ts';
import { isListedOrigin } from './cors.ts';
import { HttpError, isHttpError } from './http-error.ts';
import { handOffPage, refusalPage } from './oidc-pages.ts';

/** What the OpenID sign-in routes need. */
export interface OidcRoutesOptions {
  client: OidcClient;
  own: OwnTokenKey;
  /** Lifetime of the server's own token, in seconds. */
  tokenSeconds: number;
  /** The site origins the API allows: the token is handed only to one of these (never to `*`). */
  origins: readonly string[];
  /** Server secret: signs the cookie that carries a sign-in from its start to the provider's answer. */
  secret: string;
  publicUrl: string;
  now: () => Date;
  logError: (err: unknown) => void;
}

/** The cookie that carries one sign-in's state, nonce, PKCE verifier and origin; first-party, as the popup is a top-level window on the API. */
const COOKIE = 'tl_oidc';
const PATH = '/api/auth/oidc';

/** The reasons a sign-in is refused, each a 4xx the reader can act on. */
const refusals = {
  origin: () => new HttpError(403, 'origin_not_allowed', 'This site is not allowed to sign readers in here.', 'origin'),
  expired: () =>
    new HttpError(400, 'state_mismatch', 'This sign-in was not started here or has expired. Close this window and sign in again.'),
  state: () =>
    new HttpError(
      400,
      'state_mismatch',
      'The answer from the sign-in provider does not belong to this sign-in. Close this window and sign in again.',
    ),
  failed: () => new HttpError(400, 'sign_in_failed', 'The sign-in provider did not confirm who you are. Close this window and try again.'),
  unavailable: () => new HttpError(503, 'oidc_unavailable', 'The sign-in provider cannot be reached right now. Please try again later.'),
};

/**
 * `GET /api/auth/oidc/start?origin=…` (opened by the widget in a popup) and `GET /api/auth/oidc/callback`
 * (where the provider sends the reader back). The callback finishes the code flow and posts the
 * server's own short-lived token to the opener's origin, which must be one the API allows.
 */
export function oidcRoutes(options: OidcRoutesOptions): Hono {
  const { client, own, origins, publicUrl } = options;
  const redirectUri = `${publicUrl}${PATH}/callback`;
  const cookieSecret = createHmac('sha256', options.secret).update('threadline oidc sign-in cookie').digest('base64url');
  const cookieOptions = { path: PATH, httpOnly: true, sameSite: 'Lax', secure: publicUrl.startsWith('https:'), maxAge: 600 } as const;
  const routes = new Hono();

  routes.get('/start', async (c) => {
    const origin = c.req.query('origin') ?? '';
    if (!isListedOrigin(origins, origin)) throw refusals.origin();
    let started: Awaited<ReturnType<OidcClient['start']>>;
    try {
      started = await client.start(origin, redirectUri);
    } catch (err) {
      options.logError(err);
      throw refusals.unavailable();
    }
    await setSignedCookie(c, COOKIE, JSON.stringify(started.pending), cookieSecret, cookieOptions);
    c.header('Cache-Control', 'no-store');
    return c.redirect(started.url.href, 302);
  });

  routes.get('/callback', async (c) => {
    const pending = await pendingOf(c, cookieSecret);
    deleteCookie(c, COOKIE, { path: PATH, secure: cookieOptions.secure });
    if (!pending) throw refusals.expired();
    // The answer must carry the state this browser was given: otherwise it is someone else's sign-in (login CSRF).
    const query = new URL(c.req.url).search;
    if (new URLSearchParams(query).get('state') !== pending.state) throw refusals.state();
    // The origin was checked at the start; checked again, as the list may have changed since.
    if (!isListedOrigin(origins, pending.origin)) throw refusals.origin();
    let claims: Awaited<ReturnType<OidcClient['finish']>>;
    try {
      // The URL as the provider saw it: built from the public URL, never from request headers.
      claims = await client.finish(new URL(`${redirectUri}${query}`), pending);
    } catch (err) {
      options.logError(new Error(`[threadline] OpenID sign-in failed: ${err instanceof Error ? err.message : String(err)}`));
      throw refusals.failed();
    }
    if (claims.sub.length > 200) throw refusals.failed();
    const token = await signOwnToken(own, claims, options.tokenSeconds, options.now());
    return handOffPage(c, token, pending.origin);
  });

  routes.onError((err, c) => {
    if (isHttpError(err)) return refusalPage(c, err);
    options.logError(err);
    return refusalPage(c, refusals.failed());
  });
  return routes;
}

/** The sign-in this browser started, from its signed cookie; null when absent, tampered with or malformed. */
async function pendingOf(c: Context, secret: string): Promise<PendingSignIn | null> {
  const raw = await getSignedCookie(c, secret, COOKIE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    const { state, nonce, verifier, origin } = value;
    return typeof state === 'string' && typeof nonce === 'string' && typeof verifier === 'string' && typeof origin === 'string'
      ? { state, nonce, verifier, origin }
      : null;
  } catch {
    return null;
  }
}
