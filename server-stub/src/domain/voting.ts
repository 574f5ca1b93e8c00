import { createHash } from 'node:crypto';
import type { VoteResponse } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';
import type { Writer } from './policy.ts';
import { admitVote, type WriteGate } from './write-gate.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The voter id of a signed-in reader: one per `sub`, whatever browser or voter id they vote from.
 * The colon keeps it apart from any id a browser may send (X-Voter-Id allows letters, digits, - and _).
 */
export function signedInVoterId(sub: string): string {
  return `sub:${createHash('sha256').update(sub).digest('base64url').slice(0, 32)}`;
}

/** Sets (`on`) or takes back one voter's upvote; voting twice or taking back twice changes nothing. */
export async function vote(
  store: CommentStore,
  gate: WriteGate,
  id: string,
  voterId: string,
  who: Writer,
  on: boolean,
  now: Date,
): Promise<VoteResponse> {
  const found = await store.findComment(id);
  if (!found) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
  await admitVote(store, gate, found, who);
  const cap = on && gate.votesPerIp > 0 ? { perIp: gate.votesPerIp, since: new Date(now.getTime() - DAY_MS).toISOString() } : undefined;
  const result = await store.setVote(id, voterId, who.ipHash, on, now.toISOString(), cap);
  if (result.cappedUntil) {
    const wait = Math.max(1, Math.ceil((Date.parse(result.cappedUntil) + DAY_MS - now.getTime()) / 1000));
    throw new HttpError(429, 'rate_limited', 'Your network has voted on this comment as often as it may today.', undefined, wait);
  }
  return { id, score: result.score, voted: result.voted };
}
