import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Identity } from '../domain/identity.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { secretsMatch } from './admin-auth.ts';
import { HttpError } from './http-error.ts';

/** Who acts on the admin API: the owner (the admin token), a named moderator, or a signed-in reader with the moderator role. */
export interface Actor {
  name: string;
  isOwner: boolean;
}

/** Hono variables the moderation routes read. */
export type ActorEnv = { Variables: { actor: Actor } };

/** The stored form of a moderator token (a SHA-256 is enough: tokens are 32 random bytes). */
export const hashModeratorToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The Bearer token of a request, if any. */
export const bearerOf = (c: Context) => {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
};

/**
 * Resolves the actor from the Bearer token: the owner token, else a moderator token, else (with
 * sign-in) a signed-in reader whose roles include `moderator`. Anything else is 401. Without an
 * owner token or sign-in the admin surface does not exist (404).
 */
export function requireModerator(
  store: CommentStore,
  adminToken: string | undefined,
  verifyToken: ((token: string) => Promise<Identity>) | null,
): MiddlewareHandler<ActorEnv> {
  return async (c, next) => {
    if (!adminToken && !verifyToken) throw new HttpError(404, 'not_found', 'No such endpoint.');
    const token = bearerOf(c);
    const actor = token ? await actorOf(store, adminToken, verifyToken, token) : null;
    if (!actor) {
      c.header('WWW-Authenticate', 'Bearer realm="threadline admin"');
      throw new HttpError(401, 'unauthorized', 'The admin or moderator token is missing or wrong.');
    }
    c.set('actor', actor);
    await next();
  };
}

async function actorOf(
  store: CommentStore,
  adminToken: string | undefined,
  verifyToken: ((token: string) => Promise<Identity>) | null,
  token: string,
): Promise<Actor | null> {
  if (adminToken && secretsMatch(token, adminToken)) return { name: 'owner', isOwner: true };
  const moderator = await store.findModeratorByTokenHash(hashModeratorToken(token));
  if (moderator) return { name: moderator.name, isOwner: false };
  if (!verifyToken) return null;
  // A token that does not verify is no actor at all, whatever the verifier's reason.
  const identity = await verifyToken(token).catch(() => null);
  return identity?.roles.includes('moderator') ? { name: identity.name, isOwner: false } : null;
}

/** Refuses everyone but the owner (managing the team is the site owner's). */
export const requireOwner: MiddlewareHandler<ActorEnv> = async (c, next) => {
  if (!c.get('actor').isOwner) throw new HttpError(403, 'forbidden', 'Only the site owner (the admin token) may do this.');
  await next();
};
