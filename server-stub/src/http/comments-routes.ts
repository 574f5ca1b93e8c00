import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../../widget/src/protocol/limits.ts';
import type { PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { hasControlCharacters } from '../domain/clean-text.ts';
import { createComment, readThread } from '../domain/comments.ts';
import { parseNewComment } from '../domain/validation.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json.ts';

/** `GET /api/comments` and `POST /api/comments`. */
export function commentsRoutes(store: CommentStore): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const key = c.req.query('thread')?.trim();
    if (!key) throw new HttpError(400, 'thread_required', 'Say which thread to read (?thread=KEY).', 'thread');
    if (key.length > LIMITS.threadKeyChars) throw new HttpError(400, 'validation_failed', 'Thread key is too long.', 'thread');
    if (hasControlCharacters(key)) throw new HttpError(400, 'validation_failed', 'Thread key contains control or invalid characters.', 'thread');
    const body: ThreadResponse = await readThread(store, key);
    c.header('Cache-Control', 'no-cache');
    return c.json(body);
  });

  app.post(
    '/',
    bodyLimit({
      maxSize: LIMITS.requestBytes,
      onError: () => {
        throw new HttpError(413, 'payload_too_large', `The request is larger than ${LIMITS.requestBytes / 1024} KB.`);
      },
    }),
    async (c) => {
      const input = parseNewComment(await readJsonBody(c));
      const comment = await createComment(store, input);
      const body: PostCommentResponse = { comment };
      return c.json(body, 201);
    },
  );

  app.all('/', (c) => {
    c.header('Allow', 'GET, POST, OPTIONS');
    throw new HttpError(405, 'method_not_allowed', `${c.req.method} is not supported here; use GET or POST.`);
  });

  return app;
}
