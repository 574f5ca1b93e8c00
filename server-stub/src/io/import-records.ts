import type { ArchivedComment } from './archive.ts';

/** Why a comment of the source was not imported; every one is counted in the import's summary. */
export type SkipReason =
  | 'spam'
  | 'trash'
  | 'pingback'
  | 'unknown-status'
  | 'duplicate'
  | 'already-there'
  | 'not-a-thread'
  | 'protected'
  | 'deleted-thread'
  | 'no-thread';

/** How the summary names each reason. */
export const SKIP_REASONS: Record<SkipReason, string> = {
  spam: 'spam',
  trash: 'in the trash',
  pingback: 'pingbacks and trackbacks',
  'unknown-status': 'with an unknown status',
  duplicate: 'duplicate ids (the first one was kept)',
  'already-there': 'already there (imported before)',
  'not-a-thread': 'on items that are not published posts or pages (drafts, attachments, menu items…)',
  protected: 'on password-protected posts (--skip-protected)',
  'deleted-thread': 'on deleted Disqus threads',
  'no-thread': 'on a thread that is not in the file',
};

/** One thing an export holds, in the order a reader of the file meets it. */
export type ImportRecord =
  /** A page whose comments follow: a published post or page, a Disqus thread. */
  | { type: 'thread'; key: string; title: string | null; url: string | null; locked: boolean }
  /** An item of the source that is not imported as a thread, by kind ("draft post", "attachment"). */
  | { type: 'skipped-item'; kind: string }
  /**
   * A comment to store. `held`: stored as pending whatever its state (a password-protected post's).
   * `note`: what had to be fixed on the way in (a bad date), reported with its id.
   */
  | { type: 'comment'; comment: ArchivedComment; held?: boolean; note?: string }
  /** A comment left out, and why. */
  | { type: 'skipped-comment'; reason: SkipReason; id: string }
  | { type: 'vote'; commentId: string; voterId: string; ipHash: string; createdAt: string }
  | { type: 'ban'; kind: 'ip' | 'email'; value: string };

/** Choices an owner makes when importing. */
export interface ImportOptions {
  /** Leave out comments on password-protected posts instead of holding them for moderation. Default false. */
  skipProtected?: boolean;
  /** Import Disqus threads marked deleted, and their comments. Default false. */
  includeDeletedThreads?: boolean;
}
