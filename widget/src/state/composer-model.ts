import { computed, effect, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { BackendError, isBackendError } from '../backend/backend-error.ts';
import { countChars, LIMITS } from '../protocol/limits.ts';
import type { Comment } from '../protocol/types.ts';
import { type Draft, drafts } from './drafts.ts';
import { type ReaderModel, randomId } from './reader-model.ts';
import type { ThreadModel } from './thread-model.ts';

/** One comment form (top-level or a reply): its text, whether it is sending, and why it failed. */
export interface ComposerModel {
  readonly parentId: string | null;
  readonly body: Signal<string>;
  /** The honeypot: people never see it, so whatever is in it was filled by a bot. */
  readonly honeypot: Signal<string>;
  readonly isPending: ReadonlySignal<boolean>;
  readonly error: ReadonlySignal<BackendError | null>;
  readonly chars: ReadonlySignal<number>;
  /** True when the text was brought back from a draft of an earlier visit. */
  readonly isRestored: ReadonlySignal<boolean>;
  /**
   * Checks limits and posts. The text leaves the form at once (the comment shows as sending) and
   * comes back if the post fails; the draft is cleared only once the server has the comment.
   */
  submit(): Promise<Comment | null>;
  /** Empties the form and forgets its draft. */
  discard(): void;
  clearError(): void;
  /** Stops saving drafts (the widget is going away). */
  dispose(): void;
}

/** Returns the first rule the form breaks, with the same limits the server enforces. */
export function checkDraft(body: string, name: string, email = '', website = ''): BackendError | null {
  if (!body.trim()) return new BackendError('body_required', 'Write something before posting.', undefined, 'body');
  if (countChars(body.trim()) > LIMITS.bodyChars) {
    return new BackendError('body_too_long', `Longer than ${LIMITS.bodyChars} characters.`, undefined, 'body');
  }
  if (countChars(name.trim()) > LIMITS.nameChars) {
    return new BackendError('name_too_long', `Longer than ${LIMITS.nameChars} characters.`, undefined, 'author.name');
  }
  const mail = email.trim();
  if (mail && (mail.length > LIMITS.emailChars || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/.test(mail))) {
    return new BackendError('email_invalid', 'Not an email address.', undefined, 'author.email');
  }
  const site = website.trim();
  if (site && (site.length > LIMITS.websiteChars || !/^https?:\/\/\S+$/i.test(site))) {
    return new BackendError('website_invalid', 'Not an http(s) address.', undefined, 'author.website');
  }
  return null;
}

/** Creates a form model posting to `thread` as a reply to `parentId` (null: top level). */
export function createComposerModel(thread: ThreadModel, reader: ReaderModel, parentId: string | null): ComposerModel {
  const saved = drafts.load(thread.draftKey, parentId);
  const body = signal(saved?.body ?? '');
  const isRestored = signal(!!saved?.body);
  const isPending = signal(false);
  const error = signal<BackendError | null>(null);
  const honeypot = signal('');
  const openedAt = Date.now();
  let attempt: Draft['attempt'] = saved?.attempt;

  // Save as the reader types (debounced), so a reload or a crashed tab loses nothing.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopSaving = effect(() => {
    const text = body.value;
    if (isPending.peek()) return;
    clearTimeout(timer);
    timer = setTimeout(() => drafts.save(thread.draftKey, parentId, { body: text, ...(attempt ? { attempt } : {}) }), 300);
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
    drafts.save(thread.draftKey, parentId, { body: text, attempt });
    isPending.value = true;
    error.value = null;
    isRestored.value = false;
    body.value = '';
    try {
      const res = await thread.post(
        parentId,
        text,
        { name: reader.name.value, email: reader.email.value, website: reader.website.value },
        attempt.key,
        { hp: honeypot.value, elapsedMs: Date.now() - openedAt },
      );
      reader.rememberIdentity();
      if (res.comment.status === 'pending') reader.hold(res.comment);
      if (res.editToken && res.editableUntil) reader.own(res.comment.id, { token: res.editToken, until: Date.parse(res.editableUntil) });
      attempt = undefined;
      drafts.clear(thread.draftKey, parentId);
      // Anything typed while it was sending is a new draft.
      if (body.value) drafts.save(thread.draftKey, parentId, { body: body.value });
      return res.comment;
    } catch (err) {
      // The text comes back: a failed post never costs the reader what they wrote.
      body.value = body.value ? `${text}\n\n${body.value}` : text;
      error.value = isBackendError(err) ? err : new BackendError('network', String(err));
      return null;
    } finally {
      isPending.value = false;
    }
  }

  return {
    parentId,
    body,
    honeypot,
    isPending,
    error,
    isRestored,
    chars: computed(() => countChars(body.value)),
    submit,
    discard() {
      clearTimeout(timer);
      attempt = undefined;
      body.value = '';
      error.value = null;
      isRestored.value = false;
      drafts.clear(thread.draftKey, parentId);
    },
    clearError: () => {
      error.value = null;
    },
    dispose() {
      clearTimeout(timer);
      stopSaving();
    },
  };
}
