/**
 * The moderation part of the protocol (issue 16): reader reports and the moderators' API under
 * `/api/admin`. Documented in docs/protocol.md ("Moderation").
 */
import type { Comment } from './types.ts';

/** Why a reader reports a comment. */
export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'other'] as const;
/** One of REPORT_REASONS. */
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Longest note a reader may add to a report. */
export const REPORT_NOTE_CHARS = 500;

/** Body of `POST /api/comments/:id/flags` (with `X-Voter-Id`, or a signed-in reader's token). */
export interface ReportRequest {
  reason: ReportReason;
  note?: string;
}

/** Answer to a report: stored (a repeat by the same reporter changes nothing). */
export interface ReportResponse {
  id: string;
  reported: true;
}

/** One reader's report as moderators see it. */
export interface Report {
  reason: ReportReason;
  note: string | null;
  at: string;
}

/** A comment as moderators list it: with what only they see. */
export interface AdminComment extends Comment {
  authorEmail: string | null;
  /** A signed-in author's user id (the sign-in token's `sub`); null for guests. */
  authorSub?: string | null;
  ipHash: string | null;
  /** `reports`: held because enough readers reported it. */
  heldFor?: 'reports';
  /** Reports not dismissed yet, oldest first. */
  reports?: Report[];
}

/** What moderators may do; every one leaves an audit entry. */
export type AuditAction =
  | 'approve'
  | 'reject'
  | 'delete'
  | 'edit'
  | 'feature'
  | 'unfeature'
  | 'dismiss-reports'
  | 'hold'
  | 'lock'
  | 'unlock'
  | 'ban'
  | 'unban'
  | 'add-moderator'
  | 'remove-moderator';

/** One entry of `GET /api/admin/audit`, newest first. */
export interface AuditEntry {
  at: string;
  /** The moderator's name, `owner` (the admin token), a signed-in moderator, or `readers` (held by reports). */
  actor: string;
  action: AuditAction;
  commentId?: string;
  thread?: string;
  /** What changed: the comment's fields before and after (body, status, featured), a note, a ban. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** A moderator as `GET /api/admin/moderators` lists them (never with a token). */
export interface Moderator {
  id: string;
  name: string;
  createdAt: string;
}

/** Answer to `POST /api/admin/moderators`: the token is shown this once and stored only hashed. */
export interface NewModeratorResponse {
  moderator: Moderator;
  token: string;
}
