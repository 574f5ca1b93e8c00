import { type Context, Hono } from 'hono';
import type { CommentChangeResponse } from '../../../widget/src/protocol/types.ts';
import { deleteComment, editComment } from '../domain/owning.ts';
import { parseEdit, parseHeaderToken } from '../domain/validation.ts';
import { signedInVoterId, vote } from '../domain/voting.ts';
import type { ApiContext } from './api-context.ts';
import { writerOf } from './client-ip.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json.ts';
import { readerOf } from './reader-identity.ts';
import { limitBody, methodNotAllowed } from './thread-routes.ts';

const checkId = (id: string) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
  return id;
};

/** One comment: `PATCH`/`DELETE /api/comments/:id` (author, with X-Edit-Token or signed in) and `PUT`/`DELETE /api/comments/:id/vote`. */
export function commentRoutes(ctx: ApiContext): Hono {
  const { store, posting } = ctx;
  const app = new Hono();

  app.patch('/:id', limitBody, async (c) => {
    const id = checkId(c.req.param('id'));
    const token = parseHeaderToken(c.req.header('x-edit-token'), 'X-Edit-Token');
    const reader = await readerOf(c, ctx);
    const body = parseEdit(await readJsonBody(c));
    const who = writerOf(c, ctx.trustProxy, posting.secret);
    const answer: CommentChangeResponse = { comment: await editComment(store, posting, id, { token, reader }, body, who) };
    return c.json(answer);
  });

  app.delete('/:id', async (c) => {
    const id = checkId(c.req.param('id'));
    const token = parseHeaderToken(c.req.header('x-edit-token'), 'X-Edit-Token');
    const reader = await readerOf(c, ctx);
    const answer: CommentChangeResponse = { comment: await deleteComment(store, posting, id, { token, reader }) };
    return c.json(answer);
  });

  const voteHandler = (on: boolean) => async (c: Context) => {
    const id = checkId(c.req.param('id') ?? '');
    const browserVoter = parseHeaderToken(c.req.header('x-voter-id'), 'X-Voter-Id');
    const reader = await readerOf(c, ctx);
    const voter = reader ? signedInVoterId(reader.sub) : browserVoter;
    if (!voter) throw new HttpError(400, 'validation_failed', 'Send a voter id (X-Voter-Id) to vote.', 'X-Voter-Id');
    const who = writerOf(c, ctx.trustProxy, posting.secret);
    const allowed = ctx.voteLimiter.take(who.ipHash);
    if (!allowed.ok) {
      const wait = allowed.retryAfterSeconds;
      throw new HttpError(429, 'rate_limited', `Too many votes from your network; try again in ${wait} s.`, undefined, wait);
    }
    return c.json(await vote(store, posting, id, voter, who, on, posting.now()));
  };
  app.put('/:id/vote', voteHandler(true));
  app.delete('/:id/vote', voteHandler(false));

  app.all('/:id', methodNotAllowed('PATCH, DELETE, OPTIONS'));
  app.all('/:id/vote', methodNotAllowed('PUT, DELETE, OPTIONS'));
  return app;
}
