import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { hashIp } from '../domain/edit-token.ts';
import type { Writer } from '../domain/policy.ts';

/**
 * The client's IP address: the first X-Forwarded-For hop when the server is told it sits behind a
 * proxy (`THREADLINE_TRUST_PROXY=1`), else the socket's address. Never trust the header otherwise:
 * any client could set it to dodge limits.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** The client's address and its salted hash (what limits, bans and moderation key on). */
export function clientIdentity(c: Context, trustProxy: boolean, secret: string): { ip: string; ipHash: string } {
  const ip = clientIp(c, trustProxy);
  return { ip, ipHash: hashIp(secret, ip) };
}

/** Who sends a write: address, hash, and what external spam checks want to know. */
export function writerOf(c: Context, trustProxy: boolean, secret: string): Writer {
  return { ...clientIdentity(c, trustProxy, secret), userAgent: c.req.header('user-agent'), referrer: c.req.header('referer') };
}
