import { batch, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { CommentsBackend } from '../backend/backend.ts';
import { BackendError, isBackendError } from '../backend/backend-error.ts';
import { countChars, LIMITS } from '../protocol/limits.ts';
import type { Comment } from '../protocol/types.ts';
import { keyed } from './keyed.ts';
import type { ReaderModel } from './reader-model.ts';
import type { ThreadModel } from './thread-model.ts';

/** What the reader can do to a comment: edit or delete their own, and vote on any. */
export interface CommentActions {
  readonly editingId: Signal<string | null>;
  readonly editText: Signal<string>;
  readonly isSaving: ReadonlySignal<boolean>;
  readonly confirmingDeleteId: Signal<string | null>;
  /** The last failed action and the comment it was about. */
  readonly failure: ReadonlySignal<{ id: string; error: BackendError } | null>;
  /** True while the reader holds this comment's token and the edit window is open. */
  canChange(comment: Comment, now: ReadonlySignal<number>): boolean;
  /** The same per comment (see ThreadModel.of). */
  readonly of: {
    editing(id: string): boolean;
    confirmingDelete(id: string): boolean;
    failure(id: string): BackendError | null;
  };
  readonly canVote: boolean;
  startEdit(comment: Comment): void;
  cancelEdit(): void;
  saveEdit(): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  toggleVote(comment: Comment): Promise<void>;
}

const asError = (err: unknown) => (isBackendError(err) ? err : new BackendError('network', String(err)));

/** Creates the actions of one widget. */
export function createCommentActions(backend: CommentsBackend, thread: ThreadModel, reader: ReaderModel): CommentActions {
  const editingId = signal<string | null>(null);
  const editText = signal('');
  const isSaving = signal(false);
  const confirmingDeleteId = signal<string | null>(null);
  const failure = signal<{ id: string; error: BackendError } | null>(null);
  const tokenOf = (id: string) => reader.owned.value[id]?.token;
  const is = (current: ReadonlySignal<string | null>) =>
    keyed(() => {
      const id = current.value;
      return (c) => c === id;
    });

  return {
    editingId,
    editText,
    isSaving,
    confirmingDeleteId,
    failure,
    canVote: !!backend.vote,
    of: {
      editing: is(editingId),
      confirmingDelete: is(confirmingDeleteId),
      failure: keyed(() => {
        const f = failure.value;
        return (id) => (f?.id === id ? f.error : null);
      }),
    },
    canChange(comment, now) {
      const owned = reader.of.owned(comment.id);
      // The clock is read (and so watched) only for the reader's own comments: their window closes.
      return !!owned && owned.until > now.value && comment.status === 'published' && !!backend.editComment && !!backend.deleteComment;
    },
    startEdit(comment) {
      batch(() => {
        editingId.value = comment.id;
        editText.value = comment.body;
        failure.value = null;
        confirmingDeleteId.value = null;
      });
    },
    cancelEdit() {
      editingId.value = null;
      failure.value = null;
    },
    async saveEdit() {
      const id = editingId.value;
      const token = id && tokenOf(id);
      if (!id || !token || isSaving.value) return false;
      const body = editText.value.trim();
      const problem = !body
        ? new BackendError('body_required', 'Empty', undefined, 'body')
        : countChars(body) > LIMITS.bodyChars
          ? new BackendError('body_too_long', 'Too long', undefined, 'body')
          : null;
      if (problem) {
        failure.value = { id, error: problem };
        return false;
      }
      isSaving.value = true;
      try {
        const updated = await backend.editComment!(id, body, token);
        batch(() => {
          thread.replaceComment(updated);
          editingId.value = null;
          failure.value = null;
        });
        return true;
      } catch (err) {
        // The edited text stays in the box.
        failure.value = { id, error: asError(err) };
        return false;
      } finally {
        isSaving.value = false;
      }
    },
    async remove(id) {
      const token = tokenOf(id);
      if (!token) return false;
      try {
        const left = await backend.deleteComment!(id, token);
        batch(() => {
          // Same path as another reader's delete arriving live: it also updates the count.
          thread.applyEvent({ type: 'delete', id, comment: left });
          reader.disown(id);
          confirmingDeleteId.value = null;
          failure.value = null;
        });
        return true;
      } catch (err) {
        failure.value = { id, error: asError(err) };
        return false;
      }
    },
    async toggleVote(comment) {
      if (!backend.vote) return;
      const on = !reader.votes.value.has(comment.id);
      // Optimistic: the count moves now, and moves back if the server refuses.
      const before = comment.score ?? 0;
      batch(() => {
        reader.setVoted(comment.id, on);
        thread.setScore(comment.id, Math.max(0, before + (on ? 1 : -1)));
      });
      try {
        const res = await backend.vote(comment.id, reader.voterId, on);
        thread.setScore(comment.id, res.score);
      } catch (err) {
        batch(() => {
          reader.setVoted(comment.id, !on);
          thread.setScore(comment.id, before);
          failure.value = { id: comment.id, error: asError(err) };
        });
      }
    },
  };
}
