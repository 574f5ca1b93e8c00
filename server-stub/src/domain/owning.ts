import type { Comment } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore, StoredComment } from '../store/comment-store.ts';
import { tokenMatches } from './edit-token.ts';
import type { Identity } from './identity.ts';
import type { Writer } from './policy.ts';
import type { PostingContext } from './posting.ts';
import { admitDelete, admitEdit } from './write-gate.ts';

/** Who asks to change a comment: the edit token their browser kept, and the signed-in reader (any browser). */
export interface Claimant {
  token: string | undefined;
  reader: Identity | null;
}

/** Finds a comment its author may still change: the edit token or the signed-in author must match, and the window be open. */
async function ownedComment(store: CommentStore, ctx: PostingContext, id: string, { token, reader }: Claimant): Promise<StoredComment> {
  const found = await store.findComment(id);
  // A comment a moderator rejected is gone, for its author too.
  if (!found || found.comment.status === 'rejected')
    throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
  if (found.comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was already deleted.');
  const isSignedInAuthor = reader !== null && found.authorSub !== null && found.authorSub === reader.sub;
  if (!isSignedInAuthor && !tokenMatches(token, found.editTokenHash)) {
    throw new HttpError(403, 'forbidden', 'Only the author can change this comment, from the browser it was written in.');
  }
  if (ctx.now().getTime() > Date.parse(found.comment.createdAt) + ctx.editWindowMs) {
    throw new HttpError(
      403,
      'edit_window_closed',
      `Comments can be changed for ${Math.round(ctx.editWindowMs / 60_000)} minutes after posting.`,
    );
  }
  return found;
}

/**
 * Replaces the body of the author's own comment (within the edit window), through the same gate
 * as a new comment: an edit the site would hold holds the comment again (`status: "pending"`).
 */
export async function editComment(
  store: CommentStore,
  ctx: PostingContext,
  id: string,
  claimant: Claimant,
  body: string,
  who: Writer,
): Promise<Comment> {
  const found = await ownedComment(store, ctx, id, claimant);
  if (found.comment.body === body) return found.comment;
  const editedAt = ctx.now().toISOString();
  const status = await admitEdit(store, ctx, found, body, who, editedAt);
  return store.editComment(id, body, editedAt, status);
}

/** Deletes the author's own comment (within the edit window); resolves with the placeholder, or null once it is gone. */
export async function deleteComment(store: CommentStore, ctx: PostingContext, id: string, claimant: Claimant): Promise<Comment | null> {
  admitDelete(await ownedComment(store, ctx, id, claimant));
  return store.deleteComment(id);
}
