import type { Context } from 'hono';
import { invalidToken } from '../auth/token-verifier.ts';
import type { Identity } from '../domain/identity.ts';
import type { ApiContext } from './api-context.ts';

/** `Bearer <JWT>`: three base64url parts; anything else in `Authorization` is refused, never guessed at. */
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/**
 * The signed-in reader a request comes from, or null for a guest. Without an `Authorization`
 * header, or where sign-in is off (`THREADLINE_IDENTITY=anonymous`, nothing configured), the
 * request is a guest's; a header in another scheme or with a bad token is `401 invalid_token`.
 */
export async function readerOf(c: Context, ctx: Pick<ApiContext, 'verifyToken' | 'features'>): Promise<Identity | null> {
  const header = c.req.header('authorization');
  if (header === undefined || !ctx.verifyToken || ctx.features.identity === 'anonymous') return null;
  const token = BEARER.exec(header.trim())?.[1];
  try {
    if (!token) throw invalidToken();
    return await ctx.verifyToken(token);
  } catch (err) {
    c.header('WWW-Authenticate', 'Bearer realm="threadline", error="invalid_token"');
    throw err;
  }
}
