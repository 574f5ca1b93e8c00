/**
 * One comment form (top-level or a reply): its text, kept as a draft while typed, the checks
 * before sending, and the text given back when a post fails. The post itself is comment-writes.ts's.
 */
import { computed, createModel, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { BackendError } from '../backend/backend-error.ts';
import { asBackendError } from '../backend/backend-error.ts';
import { countChars } from '../protocol/limits.ts';
import type { Comment } from '../protocol/types.ts';
import { checkDraft } from './comment-checks.ts';
import type { CommentWritesShape } from './comment-writes.ts';
import type { Draft } from './drafts.ts';
import { notifyFields } from './notify-choice.ts';
import { randomId } from './reader-model.ts';
import type { Session } from './session.ts';

/** A comment form's state and actions. */
export interface ComposerShape {
  /** The comment replied to; null for a top-level form. */
  readonly parentId: ReadonlySignal<string | null>;
  readonly body: ReadonlySignal<string>;
  /** The honeypot: people never see it, so whatever is in it was filled by a bot. */
  readonly honeypot: ReadonlySignal<string>;
  readonly isPending: ReadonlySignal<boolean>;
  readonly error: ReadonlySignal<BackendError | null>;
  readonly chars: ReadonlySignal<number>;
  /** True when the text was brought back from a draft of an earlier visit. */
  readonly isRestored: ReadonlySignal<boolean>;
  /** The reader ticked "Email me when someone replies" (sent only where the server mails and an email is typed). */
  readonly wantsMail: ReadonlySignal<boolean>;
  setBody(text: string): void;
  setWantsMail(on: boolean): void;
  setHoneypot(text: string): void;
  /** The reader starts writing: work the post will need (a proof of work) begins in the background. */
  prepare(): void;
  /**
   * Checks limits and posts. The text leaves the form at once (the comment shows as sending) and
   * comes back if the post fails; the draft is cleared only once the server has the comment.
   */
  submit(): Promise<Comment | null>;
  /** Empties the form and forgets its draft. */
  discard(): void;
  clearError(): void;
}

/** Where a form's text goes: the session's drafts and reader, and the view's writes. */
export interface ComposerDeps {
  session: Session;
  writes: Pick<CommentWritesShape, 'post'>;
  draftKey: string;
  parentId: string | null;
}

/** A comment form; disposing it stops saving its draft. */
export const ComposerModel = createModel<ComposerShape, [ComposerDeps]>(({ session, writes, draftKey, parentId }) => {
  const { drafts, reader } = session;
  const saved = drafts.load(draftKey, parentId);
  const body = signal(saved?.body ?? '');
  const isRestored = signal(!!saved?.body);
  const isPending = signal(false);
  const error = signal<BackendError | null>(null);
  const honeypot = signal('');
  const wantsMail = signal(false);
  const openedAt = Date.now();
  let attempt: Draft['attempt'] = saved?.attempt;

  // Save as the reader types (debounced), so a reload or a crashed tab loses nothing.
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const text = body.value;
    if (isPending.peek()) return;
    clearTimeout(timer);
    timer = setTimeout(() => drafts.save(draftKey, parentId, { body: text, ...(attempt ? { attempt } : {}) }), 300);
    // Runs before the next save is planned, and when the model is disposed.
    return () => clearTimeout(timer);
  });

  async function submit(): Promise<Comment | null> {
    if (isPending.value) return null;
    const problem = checkDraft(body.value, reader.name.value, reader.email.value, reader.website.value);
    if (problem) {
      error.value = problem;
      return null;
    }
    const text = body.value.trim();
    // Sending the same text again (after a failure, or after a reload) reuses its key: if the
    // first attempt did reach the server, the server answers with that comment, not a second one.
    if (attempt?.body !== text) attempt = { key: randomId(), body: text };
    clearTimeout(timer);
    drafts.save(draftKey, parentId, { body: text, attempt });
    isPending.value = true;
    error.value = null;
    isRestored.value = false;
    body.value = '';
    try {
      const posted = await writes.post({
        parentId,
        body: text,
        idempotencyKey: attempt.key,
        extra: { hp: honeypot.value, elapsedMs: Date.now() - openedAt, ...notifyFields(session, wantsMail.value) },
      });
      attempt = undefined;
      // Anything typed while it was sending is a new draft.
      if (body.value) drafts.save(draftKey, parentId, { body: body.value });
      return posted;
    } catch (err) {
      // The text comes back: a failed post never costs the reader what they wrote.
      body.value = body.value ? `${text}\n\n${body.value}` : text;
      error.value = asBackendError(err);
      return null;
    } finally {
      isPending.value = false;
    }
  }

  return {
    parentId: signal(parentId),
    body,
    honeypot,
    isPending,
    error,
    isRestored,
    wantsMail,
    setWantsMail(on) {
      wantsMail.value = on;
    },
    chars: computed(() => countChars(body.value)),
    setBody(text) {
      body.value = text;
    },
    setHoneypot(text) {
      honeypot.value = text;
    },
    prepare() {
      session.pow.prepare();
    },
    submit,
    discard() {
      clearTimeout(timer);
      attempt = undefined;
      body.value = '';
      error.value = null;
      isRestored.value = false;
      drafts.clear(draftKey, parentId);
    },
    clearError() {
      error.value = null;
    },
  };
});

/** An instance of ComposerModel. */
export type ComposerModel = InstanceType<typeof ComposerModel>;
