import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the API: only the site origins the owner listed may call it from a browser.
 * `*` in the list allows any origin (for trying things out, not for production).
 */
export function apiCors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return cors({
    origin: (origin) => (allowed.has('*') || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Edit-Token', 'X-Voter-Id', 'Last-Event-ID'],
    exposeHeaders: ['Retry-After', 'Idempotent-Replayed', 'ETag', 'WWW-Authenticate'],
    maxAge: 600,
  });
}

/**
 * Whether `origin` is one the owner listed by name (a scheme, host and port, nothing more). `*` does
 * not count: a sign-in token is handed only to a site the owner named.
 */
export function isListedOrigin(origins: readonly string[], origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) return false;
  return origins.some((o) => o.replace(/\/+$/, '') === origin);
}
