/**
 * Every change the reader makes to the thread: post, edit, delete, vote. Each shows at once where
 * it can (optimism), is undone if the server refuses (rollback), and keeps the reader's books
 * (edit tokens, held comments, votes, drafts) in the same place.
 */
import { batch, createModel, type ReadonlySignal, signal } from '@preact/signals';
import { asBackendError } from '../backend/backend-error.ts';
import type { Anchor, Comment, PostCommentRequest } from '../protocol/types.ts';
import { checkBody } from './comment-checks.ts';
import type { Session } from './session.ts';
import { applyDelete, applyEdited, applyOptimistic, applyPosted, applyPostFailed, setScore, type ThreadData } from './thread-data.ts';
import type { ThreadModel } from './thread-model.ts';
import type { ThreadUi } from './thread-ui.ts';

/** The view a write starts from: its thread and flags, and where its new comments go. */
export interface WritesTarget {
  readonly thread: ThreadModel;
  readonly ui: ThreadUi;
  /** Where this view's drafts are kept (the thread key, or it and an inline panel's scope). */
  readonly draftKey: string;
  /** The passage new top-level comments are anchored to (an inline panel's), if any. */
  newAnchor?(): Anchor | null;
  /** Called once the server has a comment the reader posted here. */
  onPosted?(comment: Comment): void;
}

/** A comment to post, as the form has it. */
export interface PostInput {
  parentId: string | null;
  /** The text, trimmed. */
  body: string;
  /** Same key for every attempt at this text, so the server stores it once. */
  idempotencyKey: string;
  /** Anti-spam signals (the honeypot's content, how long the form was open) and the mail asked for (`notify`, `lang`). */
  extra?: Pick<PostCommentRequest, 'hp' | 'elapsedMs' | 'notify' | 'lang'>;
}

/** The reader's writes from one view. */
export interface CommentWritesShape {
  /** True while an edit is being saved. */
  readonly isSaving: ReadonlySignal<boolean>;
  /**
   * Shows the comment at once, marked as sending, and posts it. Resolves with the server's copy
   * (its token kept, the draft cleared); on failure the comment is taken back and it rejects.
   */
  post(input: PostInput): Promise<Comment>;
  /** Saves the open edit box; false (the text stays) when refused. */
  saveEdit(): Promise<boolean>;
  /** Deletes the reader's own comment (a placeholder stays if it has replies). */
  remove(id: string): Promise<boolean>;
  /** Upvotes, or takes the upvote back; the score moves at once and back if refused. */
  toggleVote(comment: Comment): Promise<void>;
}

/** The writes of one view over a session. */
export const CommentWrites = createModel<CommentWritesShape, [Session, WritesTarget]>((session, target) => {
  const { backend, reader, drafts } = session;
  const { thread, ui } = target;
  const isSaving = signal(false);
  /** A change to a comment shows in every open view that has it (the thread and an inline panel). */
  const everywhere = (change: (data: ThreadData) => ThreadData) => {
    batch(() => {
      for (const view of new Set([thread, ...[...session.views].map((v) => v.thread)])) view.update(change);
    });
  };
  const tokenOf = (id: string) => reader.owned.value[id]?.token;

  async function post({ parentId, body, idempotencyKey, extra = {} }: PostInput): Promise<Comment> {
    const tempId = `pending-${idempotencyKey}`;
    const name = reader.name.value.trim() || null;
    const website = reader.website.value.trim() || null;
    const anchor = parentId === null ? (target.newAnchor?.() ?? null) : null;
    const optimistic: Comment = {
      id: tempId,
      thread: session.threadKey,
      parentId,
      author: { name, website },
      body,
      createdAt: new Date().toISOString(),
      editedAt: null,
      score: 0,
      status: 'published',
      ...(anchor ? { anchor } : {}),
    };
    const request: PostCommentRequest = {
      thread: session.threadKey,
      ...(parentId ? { parentId } : {}),
      ...(anchor ? { anchor } : {}),
      author: { name, email: reader.email.value.trim() || null, website },
      body,
      page: session.page,
      ...extra,
    };
    batch(() => {
      thread.update((d) => applyOptimistic(d, optimistic));
      ui.setSending(tempId, true);
      ui.setLastPosted(tempId);
      // The reply is on its way: close its form (but not another one the reader opened), and show it.
      if (parentId !== null && ui.replyingTo.value === parentId) ui.setReplyingTo(null);
      if (parentId !== null && ui.collapsed.value.has(parentId)) ui.toggleCollapsed(parentId);
    });
    let posted: Comment;
    try {
      const res = await postWithProof(request, idempotencyKey);
      posted = res.comment;
      ui.keepRenderKey(posted.id, tempId);
      batch(() => {
        ui.setSending(tempId, false);
        thread.update((d) => applyPosted(d, tempId, posted));
        ui.setLastPosted(posted.id);
      });
      reader.rememberIdentity();
      if (posted.status === 'pending') reader.hold(posted);
      if (res.editToken && res.editableUntil) reader.own(posted.id, { token: res.editToken, until: Date.parse(res.editableUntil) });
      drafts.clear(target.draftKey, parentId);
    } catch (err) {
      batch(() => {
        ui.setSending(tempId, false);
        thread.update((d) => applyPostFailed(d, tempId));
        if (ui.lastPostedId.value === tempId) ui.setLastPosted(null);
        // The reply form comes back with the text and the reason, unless another one is open now.
        if (parentId !== null && ui.replyingTo.value === null) ui.setReplyingTo(parentId);
      });
      throw asBackendError(err);
    }
    // Other views of the page show it as the reader's own, not as someone's new comment.
    for (const view of session.views) if (view.thread !== thread) view.thread.includeOwn(posted);
    target.onPosted?.(posted);
    return posted;
  }

  /**
   * Posts with the proof of work the server asks for. A solution refused as expired or missing
   * (the server's settings changed, the tab slept) is replaced once, without the reader noticing.
   */
  async function postWithProof(request: PostCommentRequest, idempotencyKey: string) {
    const send = async () => {
      const pow = await session.pow.take();
      return backend.postComment(pow ? { ...request, pow } : request, { idempotencyKey });
    };
    try {
      return await send();
    } catch (err) {
      const code = asBackendError(err).code;
      if (code !== 'pow_invalid' && code !== 'pow_required') throw err;
      session.setFeatures({ ...session.features.value, pow: true });
      return send();
    }
  }

  async function saveEdit(): Promise<boolean> {
    const id = ui.editingId.value;
    const token = id && tokenOf(id);
    if (!id || !token || isSaving.value || !backend.editComment) return false;
    const body = ui.editText.value.trim();
    const problem = checkBody(body);
    if (problem) {
      ui.setFailure({ id, error: problem });
      return false;
    }
    isSaving.value = true;
    reader.setEditing(id, true);
    try {
      const updated = await backend.editComment(id, body, token);
      batch(() => {
        // Held again by the site's rules: the author keeps seeing it, "Waiting for approval", after reloads too.
        if (updated.status === 'pending') reader.hold(updated);
        everywhere((d) => applyEdited(d, updated));
        ui.stopEdit();
      });
      return true;
    } catch (err) {
      // The edited text stays in the box.
      ui.setFailure({ id, error: asBackendError(err) });
      return false;
    } finally {
      reader.setEditing(id, false);
      isSaving.value = false;
    }
  }

  async function remove(id: string): Promise<boolean> {
    const token = tokenOf(id);
    if (!token || !backend.deleteComment) return false;
    try {
      const left = await backend.deleteComment(id, token);
      batch(() => {
        // The same rule as another reader's delete arriving live: the count drops, a placeholder may stay.
        everywhere((d) => applyDelete(d, id, left));
        reader.disown(id);
        ui.setConfirmingDelete(null);
        ui.setFailure(null);
      });
      return true;
    } catch (err) {
      ui.setFailure({ id, error: asBackendError(err) });
      return false;
    }
  }

  async function toggleVote(comment: Comment): Promise<void> {
    if (!backend.vote) return;
    const on = !reader.votes.value.has(comment.id);
    const before = comment.score ?? 0;
    batch(() => {
      reader.setVoted(comment.id, on);
      everywhere((d) => setScore(d, comment.id, Math.max(0, before + (on ? 1 : -1))));
    });
    try {
      const res = await backend.vote(comment.id, reader.voterId(), on);
      everywhere((d) => setScore(d, comment.id, res.score));
    } catch (err) {
      batch(() => {
        reader.setVoted(comment.id, !on);
        everywhere((d) => setScore(d, comment.id, before));
        ui.setFailure({ id: comment.id, error: asBackendError(err) });
      });
    }
  }

  return { isSaving, post, saveEdit, remove, toggleVote };
});

/** An instance of CommentWrites. */
export type CommentWrites = InstanceType<typeof CommentWrites>;
