import type { VoteResponse } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';

/** Sets (`on`) or takes back one voter's upvote; voting twice or taking back twice changes nothing. */
export async function vote(
  store: CommentStore,
  id: string,
  voterId: string,
  ipHash: string,
  on: boolean,
  now: Date,
): Promise<VoteResponse> {
  const found = await store.findComment(id);
  if (!found) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
  if (found.comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was deleted.');
  const { score, voted } = await store.setVote(id, voterId, ipHash, on, now.toISOString());
  return { id, score, voted };
}
