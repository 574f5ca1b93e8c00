import { Hono } from 'hono';
import { z } from 'zod';
import { parseEdit } from '../domain/validation.ts';
import type { AdminQuery, ModerationOp } from '../store/moderation-store.ts';
import type { ApiContext } from './api-context.ts';
import { HttpError } from './http-error.ts';
import { type ActorEnv, requireModerator } from './moderator-auth.ts';
import { limitOf, moderatorRoutes } from './moderator-routes.ts';
import { outboxAdminRoutes } from './outbox-admin-routes.ts';
import { parseBody } from './parse-body.ts';
import { checkKey, limitBody } from './thread-routes.ts';

const STATUSES = ['published', 'deleted', 'pending', 'rejected', 'reported'] as const;
const lockSchema = z.strictObject({ thread: z.string().min(1).max(512), locked: z.boolean() });
const banSchema = z.strictObject({ kind: z.enum(['ip', 'email']), value: z.string().trim().min(1).max(254), banned: z.boolean() });
const featureSchema = z.strictObject({ featured: z.boolean({ error: 'featured must be true or false.' }) });
const editSchema = z.strictObject({
  body: z.unknown(),
  note: z.string({ error: 'note must be text.' }).trim().max(500, { error: 'The note is longer than 500 characters.' }).optional(),
});

/** A search filter from the query string: trimmed, bounded, absent when empty. */
function filter(raw: string | undefined, name: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value.length > 254) throw new HttpError(400, 'validation_failed', `${name} is too long.`, name);
  return value;
}

/** The moderation API under `/api/admin`: the owner, named moderators and signed-in moderators (see moderator-auth.ts). */
export function adminRoutes(ctx: ApiContext, adminToken: string | undefined): Hono<ActorEnv> {
  const { store } = ctx;
  const app = new Hono<ActorEnv>();
  app.use('*', requireModerator(store, adminToken, ctx.verifyToken));

  app.get('/comments', async (c) => {
    const status = c.req.query('status');
    if (status && !(STATUSES as readonly string[]).includes(status))
      throw new HttpError(400, 'validation_failed', `status must be one of ${STATUSES.join(', ')}.`, 'status');
    const thread = c.req.query('thread');
    const before = c.req.query('before');
    const query: AdminQuery = { limit: limitOf(c.req.query('limit')) };
    if (status) query.status = status as NonNullable<AdminQuery['status']>;
    if (thread) query.thread = checkKey(thread);
    if (before && /^\d+$/.test(before)) query.beforeSeq = Number(before);
    for (const name of ['q', 'author', 'email', 'ipHash'] as const) {
      const value = filter(c.req.query(name), name);
      if (value) query[name] = value;
    }
    const page = await store.listForAdmin(query);
    return c.json({ comments: page.comments, nextBefore: page.nextBeforeSeq });
  });

  const find = async (id: string) => {
    const found = await store.findComment(id);
    if (!found) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
    return found;
  };
  const now = () => ctx.posting.now().toISOString();
  const moderate = async (actor: string, op: ModerationOp) => store.moderate(op, actor, now());

  app.post('/comments/:id/approve', async (c) => {
    const { comment } = await find(c.req.param('id'));
    if (comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was deleted.');
    return c.json(await moderate(c.get('actor').name, { kind: 'status', id: comment.id, status: 'published' }));
  });
  app.post('/comments/:id/reject', async (c) => {
    const { comment } = await find(c.req.param('id'));
    if (comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was deleted.');
    return c.json(await moderate(c.get('actor').name, { kind: 'status', id: comment.id, status: 'rejected' }));
  });
  app.delete('/comments/:id', async (c) => {
    const found = await find(c.req.param('id'));
    if (found.comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was already deleted.');
    return c.json(await moderate(c.get('actor').name, { kind: 'delete', id: found.comment.id }));
  });
  app.patch('/comments/:id', limitBody, async (c) => {
    const { comment } = await find(c.req.param('id'));
    const raw = await parseBody(c, editSchema);
    const body = parseEdit({ body: raw.body });
    if (comment.status === 'deleted' || comment.status === 'rejected')
      throw new HttpError(409, 'already_deleted', 'Only a published or pending comment can be edited.');
    return c.json(await moderate(c.get('actor').name, { kind: 'edit', id: comment.id, body, note: raw.note ?? '', at: now() }));
  });
  app.post('/comments/:id/feature', limitBody, async (c) => {
    const { comment } = await find(c.req.param('id'));
    const { featured } = await parseBody(c, featureSchema);
    if (featured && comment.status !== 'published')
      throw new HttpError(409, 'validation_failed', 'Only a published comment can be an editors’ pick.', 'featured');
    return c.json(await moderate(c.get('actor').name, { kind: 'feature', id: comment.id, featured }));
  });
  app.post('/comments/:id/dismiss-reports', async (c) => {
    const { comment } = await find(c.req.param('id'));
    return c.json(await moderate(c.get('actor').name, { kind: 'dismiss', id: comment.id }));
  });
  app.post('/threads/lock', limitBody, async (c) => {
    const { thread, locked } = await parseBody(c, lockSchema);
    await moderate(c.get('actor').name, { kind: 'lock', thread: checkKey(thread), locked });
    return c.json({ thread, locked });
  });
  app.post('/bans', limitBody, async (c) => {
    const { kind, value, banned } = await parseBody(c, banSchema);
    const stored = kind === 'email' ? value.toLowerCase() : value;
    await moderate(c.get('actor').name, { kind: 'ban', banKind: kind, value: stored, banned });
    return c.json({ kind, value, banned });
  });
  app.route('/', moderatorRoutes(ctx));
  app.route('/outbox', outboxAdminRoutes(ctx));
  return app;
}
