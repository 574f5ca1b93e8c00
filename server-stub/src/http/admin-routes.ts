import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { CommentStatus } from '../../../widget/src/protocol/types.ts';
import { requireAdmin } from './admin-auth.ts';
import type { ApiContext } from './api-context.ts';
import { HttpError } from './http-error.ts';
import { outboxAdminRoutes } from './outbox-admin-routes.ts';
import { readJsonBody } from './read-json.ts';
import { checkKey, limitBody } from './thread-routes.ts';

const STATUSES: readonly CommentStatus[] = ['published', 'deleted', 'pending', 'rejected'];
const lockSchema = z.strictObject({ thread: z.string().min(1).max(512), locked: z.boolean() });
const banSchema = z.strictObject({ kind: z.enum(['ip', 'email']), value: z.string().trim().min(1).max(254), banned: z.boolean() });

/** Parses a JSON body against a schema, refusing it with a 422 naming the first problem. */
async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(c));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new HttpError(422, 'validation_failed', issue.message, issue.path.join('.') || undefined);
}

/** The moderation API under `/api/admin` (Bearer THREADLINE_ADMIN_TOKEN). */
export function adminRoutes(ctx: ApiContext, adminToken: string | undefined): Hono {
  const { store } = ctx;
  const app = new Hono();
  app.use('*', requireAdmin(adminToken));

  app.get('/comments', async (c) => {
    const status = c.req.query('status') as CommentStatus | undefined;
    if (status && !STATUSES.includes(status))
      throw new HttpError(400, 'validation_failed', `status must be one of ${STATUSES.join(', ')}.`, 'status');
    const thread = c.req.query('thread');
    const limit = Math.min(200, Math.max(1, Number(c.req.query('limit') ?? 50) || 50));
    const before = c.req.query('before');
    const page = await store.listForAdmin({
      limit,
      ...(status ? { status } : {}),
      ...(thread ? { thread: checkKey(thread) } : {}),
      ...(before && /^\d+$/.test(before) ? { beforeSeq: Number(before) } : {}),
    });
    return c.json({ comments: page.comments, nextBefore: page.nextBeforeSeq });
  });

  const find = async (id: string) => {
    const found = await store.findComment(id);
    if (!found) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
    return found;
  };
  app.post('/comments/:id/approve', async (c) => {
    await find(c.req.param('id'));
    return c.json({ comment: await store.setStatus(c.req.param('id'), 'published') });
  });
  app.post('/comments/:id/reject', async (c) => {
    await find(c.req.param('id'));
    return c.json({ comment: await store.setStatus(c.req.param('id'), 'rejected') });
  });
  app.delete('/comments/:id', async (c) => {
    const found = await find(c.req.param('id'));
    if (found.comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was already deleted.');
    return c.json({ comment: await store.deleteComment(c.req.param('id')) });
  });
  app.post('/threads/lock', limitBody, async (c) => {
    const { thread, locked } = await body(c, lockSchema);
    await store.setThreadLocked(checkKey(thread), locked);
    return c.json({ thread, locked });
  });
  app.post('/bans', limitBody, async (c) => {
    const { kind, value, banned } = await body(c, banSchema);
    await store.setBan(kind, kind === 'email' ? value.toLowerCase() : value, banned);
    return c.json({ kind, value, banned });
  });
  app.route('/outbox', outboxAdminRoutes(ctx));
  return app;
}
