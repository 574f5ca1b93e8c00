import { Hono } from 'hono';
import type { ReportResponse } from '../../../widget/src/protocol/moderation.ts';
import { parseReport, reportComment } from '../domain/reporting.ts';
import { parseHeaderToken } from '../domain/validation.ts';
import type { ApiContext } from './api-context.ts';
import { writerOf } from './client-ip.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json.ts';
import { readerOf } from './reader-identity.ts';
import { limitBody, methodNotAllowed } from './thread-routes.ts';

/** `POST /api/comments/:id/flags`: a reader reports a comment (with X-Voter-Id, or signed in). */
export function reportRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.post('/:id/flags', limitBody, async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
    // A token that does not verify is refused (401 invalid_token), not quietly treated as anonymous.
    const identity = await readerOf(c, ctx);
    const voter = parseHeaderToken(c.req.header('x-voter-id'), 'X-Voter-Id');
    if (!voter && !identity) throw new HttpError(400, 'validation_failed', 'Send a voter id (X-Voter-Id) to report.', 'X-Voter-Id');
    const input = parseReport(await readJsonBody(c));
    const who = { ...writerOf(c, ctx.trustProxy, ctx.posting.secret), identity };
    const allowed = ctx.voteLimiter.take(who.ipHash);
    if (!allowed.ok) {
      const wait = allowed.retryAfterSeconds;
      throw new HttpError(429, 'rate_limited', `Too many requests from your network; try again in ${wait} s.`, undefined, wait);
    }
    await reportComment(ctx.store, ctx.reporting, id, input, who, ctx.posting.now());
    const answer: ReportResponse = { id, reported: true };
    return c.json(answer);
  });
  app.all('/:id/flags', methodNotAllowed('POST, OPTIONS'));
  return app;
}
