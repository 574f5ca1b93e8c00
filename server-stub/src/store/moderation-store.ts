import type { AdminComment, AuditEntry, Moderator, ReportReason } from '../../../widget/src/protocol/moderation.ts';
import type { Comment, CommentStatus } from '../../../widget/src/protocol/types.ts';

/** What a moderator lists (every filter optional, combined with AND), newest first. */
export interface AdminQuery {
  /** A status, or `reported`: comments with reports not yet dismissed. */
  status?: CommentStatus | 'reported';
  thread?: string;
  /** Words that must all occur in the text or the author's name (full-text search). */
  q?: string;
  /** An author's history: by name (exact, any case), email (any case), or IP hash. */
  author?: string;
  email?: string;
  ipHash?: string;
  limit: number;
  /** Continue below this insertion order. */
  beforeSeq?: number;
}

/** One change a moderator makes; each runs with its audit entry in one transaction. */
export type ModerationOp =
  | { kind: 'status'; id: string; status: 'published' | 'rejected' }
  | { kind: 'delete'; id: string }
  | { kind: 'edit'; id: string; body: string; note: string; at: string }
  | { kind: 'feature'; id: string; featured: boolean }
  | { kind: 'dismiss'; id: string }
  | { kind: 'lock'; thread: string; locked: boolean }
  | { kind: 'ban'; banKind: 'ip' | 'email'; value: string; banned: boolean };

/** A reader's report as the store takes it; `reporter` is one per person (a signed-in user or an address). */
export interface ReportInput {
  id: string;
  reporter: string;
  reason: ReportReason;
  note: string | null;
  at: string;
  /** Reports from this many reporters hold a published comment for review. */
  threshold: number;
}

/** How a thread stands towards closing: a moderator's lock or reopening, and when it began. */
export interface ThreadClosing {
  locked: boolean;
  /** A moderator reopened it: auto-closing no longer applies. */
  reopened: boolean;
  createdAt: string;
  lockedAt: string | null;
}

/** The moderation part of the store, written once over both databases (moderation-port.ts). */
export interface ModerationStore {
  /** Applies one moderation change and records who did it; resolves with the comment as it now is (null: gone). */
  moderate(op: ModerationOp, actor: string, at: string): Promise<{ comment: Comment | null }>;
  /** Stores a report (once per reporter and comment); `held`: this report held the comment for review. */
  report(input: ReportInput): Promise<{ held: boolean; comment: Comment }>;
  /** Comments for moderators, newest first, each with its open reports. */
  listForAdmin(query: AdminQuery): Promise<{ comments: AdminComment[]; nextBeforeSeq: number | null }>;
  /** A thread's published editors' picks, oldest first. */
  listFeatured(thread: string): Promise<Comment[]>;
  /** The audit log, newest first. */
  listAudit(query: { limit: number; beforeSeq?: number }): Promise<{ entries: AuditEntry[]; nextBeforeSeq: number | null }>;
  addModerator(moderator: Moderator, tokenHash: string, actor: string): Promise<void>;
  listModerators(): Promise<Moderator[]>;
  /** Revokes a moderator's token; false when there was none with that id. */
  removeModerator(id: string, actor: string, at: string): Promise<boolean>;
  findModeratorByTokenHash(tokenHash: string): Promise<Moderator | null>;
  threadClosing(key: string): Promise<ThreadClosing | null>;
  /** Published comments from this email since its last rejected one (trust). */
  approvedSinceRejection(email: string): Promise<number>;
}
