import { createHash, randomBytes } from 'node:crypto';
import type { PostCommentResponse } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { editTokenFor, hashToken } from './edit-token.ts';
import { badgeOf, type Identity } from './identity.ts';
import type { Writer } from './policy.ts';
import type { NewCommentInput } from './validation.ts';
import { admitPost, type WriteGate } from './write-gate.ts';

/** What writing needs from the server: its secret, the edit window, a clock and the site's rules (the write gate). */
export interface PostingContext extends WriteGate {
  secret: string;
  editWindowMs: number;
  now(): Date;
}

/** A short, URL-safe, unguessable comment id. */
export function newCommentId(): string {
  return randomBytes(9).toString('base64url');
}

/** What identifies a request: its content, not the timing or honeypot fields that vary per attempt. */
const requestHash = ({ elapsedMs: _t, honeypot: _h, pow: _p, ...content }: NewCommentInput & { sub?: string }) =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex');

/** The answer for a stored comment, its edit token derived again (so a replay can return it too). */
function answer(ctx: PostingContext, comment: PostCommentResponse['comment']): PostCommentResponse {
  return {
    comment,
    editToken: editTokenFor(ctx.secret, comment.id),
    editableUntil: new Date(Date.parse(comment.createdAt) + ctx.editWindowMs).toISOString(),
  };
}

/**
 * Stores a validated comment after checking its parent. With an idempotency key, a repeat of the
 * same request answers with the comment the first one created (`replayed: true`) instead of
 * storing it twice; the same key with a different request is refused.
 */
export async function createComment(
  store: CommentStore,
  ctx: PostingContext,
  input: NewCommentInput,
  who: Writer,
  idempotencyKey?: string,
  reader: Identity | null = null,
): Promise<PostCommentResponse & { replayed: boolean }> {
  // A signed-in reader's name and email come from the token; what the form typed is ignored.
  if (reader) input = { ...input, authorName: reader.name, authorEmail: reader.email ?? null };
  const hash = idempotencyKey ? requestHash({ ...input, ...(reader ? { sub: reader.sub } : {}) }) : '';
  const replay = async () => {
    const seen = idempotencyKey ? await store.findIdempotencyKey(idempotencyKey) : null;
    if (!seen) return null;
    if (seen.requestHash !== hash) {
      throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different comment.');
    }
    const original = await store.findComment(seen.commentId);
    if (!original) throw new HttpError(409, 'already_deleted', 'The comment this request created has since been deleted.');
    return { ...answer(ctx, original.comment), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  if (input.parentId !== null) {
    const parent = await store.findComment(input.parentId);
    if (!parent) throw new HttpError(422, 'parent_not_found', 'The comment you are replying to no longer exists.', 'parentId');
    if (parent.comment.thread !== input.thread) {
      throw new HttpError(422, 'parent_in_other_thread', 'The comment you are replying to belongs to another page.', 'parentId');
    }
  }
  const id = newCommentId();
  const createdAt = ctx.now().toISOString();
  const status = await admitPost(store, ctx, input, who, { id, createdAt }, reader);
  // A solution buys one comment: used only now, so a post refused above can be corrected and sent again.
  if (input.pow && ctx.pow && !ctx.pow.use(input.pow)) {
    throw new HttpError(422, 'pow_invalid', 'The anti-spam check failed or expired; solve a new challenge.', 'pow');
  }
  try {
    const comment = await store.insertComment({
      id,
      thread: input.thread,
      parentId: input.parentId,
      authorName: input.authorName,
      authorEmail: input.authorEmail,
      authorWebsite: input.authorWebsite,
      authorSub: reader?.sub ?? null,
      authorBadge: reader ? badgeOf(reader) : null,
      body: input.body,
      createdAt,
      editTokenHash: hashToken(editTokenFor(ctx.secret, id)),
      ipHash: who.ipHash,
      status,
      page: input.page,
      anchor: input.anchor,
      notify: input.notify,
      ...(idempotencyKey ? { idempotency: { key: idempotencyKey, requestHash: hash } } : {}),
    });
    return { ...answer(ctx, comment), replayed: false };
  } catch (err) {
    // Two copies of one request racing: the loser answers with the winner's comment.
    const raced = idempotencyKey ? await replay() : null;
    if (raced) return raced;
    throw err;
  }
}
