import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { NewModeratorResponse } from '../../../widget/src/protocol/moderation.ts';
import { cleanName } from '../domain/clean-text.ts';
import type { ApiContext } from './api-context.ts';
import { HttpError } from './http-error.ts';
import { type ActorEnv, hashModeratorToken, requireOwner } from './moderator-auth.ts';
import { parseBody } from './parse-body.ts';
import { limitBody } from './thread-routes.ts';

const RESERVED = ['owner', 'readers'];
const moderatorSchema = z.strictObject({
  name: z
    .string({ error: 'name must be text.' })
    .transform(cleanName)
    .refine((s) => s.length >= 1 && s.length <= 80, { message: 'name must be 1 to 80 characters.' })
    .refine((s) => !RESERVED.includes(s.toLowerCase()), { message: 'That name is reserved for the audit log.' }),
});

/** A page size from a query string (1–200, default 50). */
export const limitOf = (raw: string | undefined) => Math.min(200, Math.max(1, Number(raw ?? 50) || 50));

/** `GET /api/admin/audit` and `/api/admin/moderators` (the team: the owner only). */
export function moderatorRoutes(ctx: ApiContext): Hono<ActorEnv> {
  const { store } = ctx;
  const app = new Hono<ActorEnv>();

  app.get('/audit', async (c) => {
    const before = c.req.query('before');
    const page = await store.listAudit({
      limit: limitOf(c.req.query('limit')),
      ...(before && /^\d+$/.test(before) ? { beforeSeq: Number(before) } : {}),
    });
    return c.json({ entries: page.entries, nextBefore: page.nextBeforeSeq });
  });

  app.use('/moderators', requireOwner);
  app.use('/moderators/*', requireOwner);
  app.get('/moderators', async (c) => c.json({ moderators: await store.listModerators() }));
  app.post('/moderators', limitBody, async (c) => {
    const { name } = await parseBody(c, moderatorSchema);
    // Shown once: only its hash is stored, so a lost token is replaced, never recovered.
    const token = `tlm_${randomBytes(32).toString('base64url')}`;
    const moderator = { id: randomBytes(9).toString('base64url'), name, createdAt: ctx.posting.now().toISOString() };
    await store.addModerator(moderator, hashModeratorToken(token), c.get('actor').name);
    const answer: NewModeratorResponse = { moderator, token };
    return c.json(answer, 201);
  });
  app.delete('/moderators/:id', async (c) => {
    if (!(await store.removeModerator(c.req.param('id'), c.get('actor').name, ctx.posting.now().toISOString())))
      throw new HttpError(404, 'not_found', 'There is no such moderator.');
    return c.json({ removed: true });
  });
  return app;
}
