import { type CommentStatus, type IdentityMode, isPublicStatus } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore, StoredComment } from '../store/comment-store.ts';
import type { AutoClose } from './closing.ts';
import type { ExternalModerator, ModerationSubject } from './external-moderation.ts';
import type { Identity } from './identity.ts';
import { checkContent, type PostingPolicy, refuseBanned, refuseLocked, statusByMode, takeAllowance, type Writer } from './policy.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import { nameKey } from './reserved-name.ts';
import type { NewCommentInput } from './validation.ts';

/**
 * The one gate every write passes: posting, editing, deleting, voting. Each path applies the same
 * rules (bans, locks, content rules, allowances, the moderation mode, external moderators), so an
 * edit cannot carry what a post could not, and a held comment stays invisible to everyone else.
 */
export interface WriteGate {
  policy: PostingPolicy;
  /** Proof of work for new comments (`THREADLINE_POW=1`), or null. */
  pow: ProofOfWork | null;
  /** The moderation webhook and Akismet, combined; null when neither is set. */
  external: ExternalModerator | null;
  /** Votes one address may give one comment per 24 h, whatever voter ids it sends (`THREADLINE_VOTES_PER_IP`). */
  votesPerIp: number;
  /** Who may post (`THREADLINE_IDENTITY`): `required` refuses guests' posts with `401 sign_in_required`. */
  identity: IdentityMode;
  /** Threads close themselves this many days after their first comment (`THREADLINE_AUTO_CLOSE_DAYS`, 0: never). */
  autoClose: AutoClose;
  /** Authors (by confirmed email) with this many approved comments skip pre-moderation (`THREADLINE_TRUST_AFTER`, 0: off). */
  trustAfter: number;
}

/** A moderation subject before the writer's address is added. */
type SubjectParts = Omit<ModerationSubject, 'ip' | 'userAgent' | 'referrer' | 'ipHash'>;

const notFound = () => new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');

/** True for comments readers may see (a placeholder included). */
export const isPublic = (c: { status: CommentStatus }) => isPublicStatus(c.status);

/** Applies the external moderators' verdict to the status the site's own rules chose. */
async function withExternalVerdict(
  gate: WriteGate,
  status: 'published' | 'pending',
  subject: SubjectParts,
  who: Writer,
): Promise<'published' | 'pending'> {
  if (!gate.external) return status;
  const { verdict } = await gate.external.check({
    ...subject,
    ipHash: who.ipHash,
    ip: who.ip,
    userAgent: who.userAgent ?? null,
    referrer: who.referrer ?? null,
  });
  if (verdict === 'refuse') throw new HttpError(422, 'rejected_by_moderation', 'This comment was not accepted by the site’s moderation.');
  return verdict === 'hold' ? 'pending' : status;
}

/** A guest may not post under a name a signed-in author holds (whatever the case, accents or look-alike letters). */
async function refuseReservedName(store: CommentStore, guestName: string | null): Promise<void> {
  const key = guestName ? nameKey(guestName) : '';
  if (key && (await store.isNameReserved(key))) {
    throw new HttpError(422, 'name_reserved', 'That name belongs to a signed-in reader of this site; choose another.', 'author.name');
  }
}

/** Checks a new comment before it is stored; resolves with the status to store it with. */
export async function admitPost(
  store: CommentStore,
  gate: WriteGate,
  input: NewCommentInput & { pow: string | null },
  who: Writer,
  draft: { id: string; createdAt: string },
  reader: Identity | null,
): Promise<'published' | 'pending'> {
  const { policy } = gate;
  if (!reader && gate.identity === 'required') {
    throw new HttpError(401, 'sign_in_required', 'Sign in to comment on this site.');
  }
  await refuseBanned(store, who.ipHash, input.authorEmail);
  await refuseLocked(store, gate.autoClose, input.thread);
  if (input.honeypot) throw new HttpError(422, 'spam_suspected', 'This comment looks automated and was not posted.');
  if (policy.minSubmitMs > 0 && input.elapsedMs !== null && input.elapsedMs < policy.minSubmitMs) {
    throw new HttpError(422, 'spam_suspected', 'That was sent faster than anyone can write; please try again.');
  }
  const links = checkContent(policy, input);
  await refuseReservedName(store, reader ? null : input.authorName);
  if (input.parentId !== null) {
    let depth = 1;
    for (let p = (await store.findComment(input.parentId))?.comment.parentId; p; p = (await store.findComment(p))?.comment.parentId) {
      if (++depth > policy.maxDepth)
        throw new HttpError(422, 'too_deep', 'This conversation is nested too deeply to reply here.', 'parentId');
    }
  }
  // Proof of work before the allowance: a post without one must not use up a person's allowance.
  await gate.pow?.check(input.pow);
  // Limits last, so refused posts above do not use up a person's allowance.
  takeAllowance(policy, who, input.thread);
  const byMode = await statusByMode(store, policy, links, input.authorEmail, who.ipHash);
  const status = byMode === 'pending' && (await isTrusted(store, gate, who.confirmedEmail)) ? 'published' : byMode;
  return withExternalVerdict(
    gate,
    status,
    {
      action: 'create',
      comment: {
        id: draft.id,
        thread: input.thread,
        parentId: input.parentId,
        author: { name: input.authorName, website: input.authorWebsite },
        body: input.body,
        createdAt: draft.createdAt,
        anchor: input.anchor,
      },
      thread: { key: input.thread, title: input.page.title, url: input.page.url },
      email: input.authorEmail,
    },
    who,
  );
}

/**
 * Checks an author's edit exactly like a new comment: the bans (of the stored email and the
 * editing address), the lock, the content rules, the allowance and the moderation mode. An edit
 * the site would have held holds the comment again; a held comment stays held.
 */
export async function admitEdit(
  store: CommentStore,
  gate: WriteGate,
  found: StoredComment,
  body: string,
  who: Writer,
  editedAt: string,
): Promise<'published' | 'pending'> {
  const { comment } = found;
  await refuseBanned(store, who.ipHash, found.authorEmail);
  if (found.ipHash && found.ipHash !== who.ipHash) await refuseBanned(store, found.ipHash, null);
  await refuseLocked(store, gate.autoClose, comment.thread);
  const links = checkContent(gate.policy, { body, authorName: comment.author.name, authorWebsite: comment.author.website ?? null });
  takeAllowance(gate.policy, who, comment.thread);
  const byMode = comment.status === 'pending' ? 'pending' : await statusByMode(store, gate.policy, links, found.authorEmail, who.ipHash);
  const thread = await store.getThread(comment.thread);
  return withExternalVerdict(
    gate,
    byMode,
    {
      action: 'edit',
      comment: {
        id: comment.id,
        thread: comment.thread,
        parentId: comment.parentId,
        author: { name: comment.author.name, website: comment.author.website ?? null },
        body,
        createdAt: editedAt,
        anchor: comment.anchor ?? null,
      },
      thread: { key: comment.thread, title: thread?.title ?? null, url: thread?.url ?? null },
      email: found.authorEmail,
    },
    who,
  );
}

/**
 * Trust (`THREADLINE_TRUST_AFTER`): an author with that many approved comments since their last
 * rejected one skips pre-moderation. Only a confirmed email counts: anyone can type someone
 * else's address into the form.
 */
async function isTrusted(store: CommentStore, gate: WriteGate, confirmedEmail: string | undefined): Promise<boolean> {
  if (gate.trustAfter <= 0 || !confirmedEmail) return false;
  return (await store.approvedSinceRejection(confirmedEmail)) >= gate.trustAfter;
}

/** Checks an author's deletion: a comment a moderator rejected is gone as far as its author is concerned. */
export function admitDelete(found: StoredComment): void {
  if (found.comment.status === 'rejected') throw notFound();
}

/**
 * Checks a vote: only on a comment readers can see (a held one answers as unknown), not from a
 * banned address, not in a closed thread, and at most `votesPerIp` new votes from one address on
 * one comment a day (checked by the store, where the votes are).
 */
export async function admitVote(store: CommentStore, gate: WriteGate, found: StoredComment, who: Writer): Promise<void> {
  if (!isPublic(found.comment)) throw notFound();
  if (found.comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was deleted.');
  await refuseBanned(store, who.ipHash, null);
  await refuseLocked(store, gate.autoClose, found.comment.thread);
}
