import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';

/** Compares two secrets in constant time (hashing first, so lengths leak nothing either). */
export function secretsMatch(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Lets a request through only with `Authorization: Bearer <admin token>` (or `?token=` where a
 * client cannot set headers, like feed readers). Without a configured token the admin surface
 * does not exist (404).
 */
export function requireAdmin(adminToken: string | undefined, allowQueryToken = false): MiddlewareHandler {
  return async (c, next) => {
    if (!adminToken) throw new HttpError(404, 'not_found', 'No such endpoint.');
    const header = c.req.header('authorization');
    const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : allowQueryToken ? c.req.query('token') : undefined;
    if (!secretsMatch(given, adminToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="threadline admin"');
      throw new HttpError(401, 'unauthorized', 'The admin token is missing or wrong.');
    }
    await next();
  };
}
