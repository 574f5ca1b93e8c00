import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CommentStore } from '../store/comment-store.ts';

/**
 * The server's secret: `THREADLINE_SECRET`, else one generated on first start and kept in the
 * database, so edit tokens survive restarts and are the same on every instance.
 */
export async function serverSecret(store: CommentStore, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  // Instances starting together on one database must agree: the first stored secret wins for all.
  return store.ensureMeta('secret', randomBytes(32).toString('base64url'));
}

/** The edit token of a comment: derived, never stored, so a retried post can be given it again. */
export function editTokenFor(secret: string, commentId: string): string {
  return createHmac('sha256', secret).update(`edit:${commentId}`).digest('base64url');
}

/** What the database keeps of a token: its SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time check of a presented token against a stored hash. */
export function tokenMatches(token: string | undefined, storedHash: string | null): boolean {
  if (!token || !storedHash) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A stable, salted hash of an IP address, so votes can be limited per IP without storing IPs. */
export function hashIp(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`ip:${ip}`).digest('base64url').slice(0, 22);
}
