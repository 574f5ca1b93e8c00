/**
 * What components read about one comment, each answer followed per comment (see keyed.ts): a
 * comment re-renders only when its own answer changes. These are reads, not actions, so they
 * live outside the models (a model's methods run untracked).
 */
import type { BackendError } from '../backend/backend-error.ts';
import type { Comment } from '../protocol/types.ts';
import { keyed } from './keyed.ts';
import type { OwnedComment } from './reader-model.ts';
import type { ReportModel } from './report-model.ts';
import type { Session } from './session.ts';
import type { ThreadModel } from './thread-model.ts';
import type { ThreadUi } from './thread-ui.ts';

/** What the widget shows about one comment: its reply form open, just posted, linked, and so on. */
export interface CommentFlags {
  readonly replying: boolean;
  readonly justPosted: boolean;
  readonly target: boolean;
  readonly fresh: boolean;
  readonly sending: boolean;
  readonly collapsed: boolean;
  readonly editing: boolean;
  readonly confirmingDelete: boolean;
  /** Its "More" actions are open. */
  readonly menuOpen: boolean;
  /** The reader upvoted it. */
  readonly voted: boolean;
  /** The reader holds its edit token (see canChange for the window). */
  readonly owned: boolean;
  /** The reader's last action on it failed (see failure). */
  readonly failed: boolean;
  /** Its report form is open. */
  readonly reporting: boolean;
  /** The reader reported it from this page. */
  readonly reported: boolean;
}

const NAMES = [
  'replying',
  'justPosted',
  'target',
  'fresh',
  'sending',
  'collapsed',
  'editing',
  'confirmingDelete',
  'menuOpen',
  'voted',
  'owned',
  'failed',
  'reporting',
  'reported',
] as const satisfies readonly (keyof CommentFlags)[];

const sharedFlags: CommentFlags[] = [];
/** One object per combination, so an unchanged answer is the same object (no re-render). */
const flagsFor = (bits: number): CommentFlags =>
  (sharedFlags[bits] ??= Object.fromEntries(NAMES.map((name, i) => [name, (bits & (1 << i)) > 0])) as unknown as CommentFlags);

/** Per-comment reads of one view. */
export interface CommentViews {
  flags(id: string): CommentFlags;
  /** The author's name (null: anonymous; undefined: not loaded). */
  authorName(id: string): string | null | undefined;
  /** Why the reader's last action on this comment failed, if it did. */
  failure(id: string): BackendError | null;
  owned(id: string): OwnedComment | undefined;
  /** True while the reader holds this comment's token and the edit window is open. */
  canChange(comment: Comment): boolean;
  /** "3 hours ago" for a time (ISO 8601): a comment re-renders when its words change, not every minute. */
  ago(iso: string): string;
}

/** Creates the per-comment reads of a view. */
export function createCommentViews(session: Session, thread: ThreadModel, ui: ThreadUi, reports: ReportModel): CommentViews {
  const { reader, backend } = session;
  const owned = keyed(() => {
    const all = reader.owned.value;
    return (id) => all[id];
  });
  const canEdit = !!backend.editComment && !!backend.deleteComment;
  return {
    // One view per comment for all fourteen: a computed per flag and comment would cost megabytes of
    // heap in a 5,000-comment thread.
    flags: keyed(() => {
      const [r, p, t, f, s, c, e, d, m] = [
        ui.replyingTo.value,
        ui.lastPostedId.value,
        ui.target.value,
        ui.fresh.value,
        ui.sending.value,
        ui.collapsed.value,
        ui.editingId.value,
        ui.confirmingDeleteId.value,
        ui.menuFor.value,
      ];
      const [votes, mine, failed, reporting, reported] = [
        reader.votes.value,
        reader.owned.value,
        ui.failure.value?.id,
        reports.openFor.value,
        reports.reported.value,
      ];
      // Bits in the order of NAMES; no allocation per comment and change.
      return (id) =>
        flagsFor(
          +(r === id) |
            (+(p === id) << 1) |
            (+(t === id) << 2) |
            (+f.has(id) << 3) |
            (+s.has(id) << 4) |
            (+c.has(id) << 5) |
            (+(e === id) << 6) |
            (+(d === id) << 7) |
            (+(m === id) << 8) |
            (+votes.has(id) << 9) |
            (+!!mine[id] << 10) |
            (+(failed === id) << 11) |
            (+(reporting === id) << 12) |
            (+reported.has(id) << 13),
        );
    }),
    authorName: keyed(() => {
      const names = thread.authorNames.value;
      return (id) => names.get(id);
    }),
    failure: keyed(() => {
      const f = ui.failure.value;
      return (id) => (f?.id === id ? f.error : null);
    }),
    owned,
    ago: keyed(() => {
      const [t, now] = [session.t.value, session.now.value];
      return (iso) => t.formatRelative(iso, now);
    }),
    canChange(comment) {
      const mine = owned(comment.id);
      // The clock is read (and so watched) only for the reader's own comments: their window closes.
      return !!mine && mine.until > session.now.value && comment.status === 'published' && canEdit;
    },
  };
}
