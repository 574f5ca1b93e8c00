import { z } from 'zod';
import { REPORT_NOTE_CHARS, REPORT_REASONS, type ReportRequest } from '../../../widget/src/protocol/moderation.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { cleanBody } from './clean-text.ts';
import type { Identity } from './identity.ts';
import { refuseBanned, type Writer } from './policy.ts';
import { isPublic } from './write-gate.ts';

/** Reader reports (`THREADLINE_FLAG_THRESHOLD`); the owner's alert is the outbox's `comment.flagged`, inside the same write. */
export interface ReportingOptions {
  /** Reports from this many different reporters hold a published comment for review (default 3). */
  threshold: number;
}

const reportSchema = z.strictObject({
  reason: z.enum(REPORT_REASONS, { error: `reason must be one of ${REPORT_REASONS.join(', ')}.` }),
  note: z
    .string({ error: 'note must be text.' })
    .transform(cleanBody)
    .refine((s) => [...s].length <= REPORT_NOTE_CHARS, { message: `The note is longer than ${REPORT_NOTE_CHARS} characters.` })
    .nullish(),
});

/** Checks a report's body. */
export function parseReport(raw: unknown): { reason: ReportRequest['reason']; note: string | null } {
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(422, 'validation_failed', issue.message, issue.path.join('.') || undefined);
  }
  return { reason: parsed.data.reason, note: parsed.data.note || null };
}

/**
 * Stores a reader's report. A reporter is a signed-in user, else an address: several voter ids
 * from one network are one reporter, so one person cannot reach the threshold alone. Only
 * comments readers can see may be reported; a banned writer's reports are refused.
 */
export async function reportComment(
  store: CommentStore,
  options: ReportingOptions,
  id: string,
  input: { reason: ReportRequest['reason']; note: string | null },
  who: Writer & { identity: Identity | null },
  at: Date,
): Promise<{ held: boolean }> {
  const found = await store.findComment(id);
  if (!found || !isPublic(found.comment)) throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).');
  if (found.comment.status === 'deleted') throw new HttpError(409, 'already_deleted', 'That comment was deleted.');
  await refuseBanned(store, who.ipHash, who.identity?.email ?? null);
  const reporter = who.identity ? `user:${who.identity.sub}` : `ip:${who.ipHash}`;
  const { held } = await store.report({ id, reporter, ...input, at: at.toISOString(), threshold: options.threshold });
  return { held };
}
