import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { BackendError, isBackendError } from '../backend/backend-error.ts';
import { LIMITS, countChars } from '../protocol/limits.ts';
import type { Comment } from '../protocol/types.ts';
import type { ThreadModel } from './thread-model.ts';

/** The reader at this widget: what they call themselves (shared by every form). */
export interface ReaderModel {
  readonly name: Signal<string>;
}

/** Creates the reader model. */
export function createReaderModel(): ReaderModel {
  return { name: signal('') };
}

/** One comment form (top-level or a reply): its text, whether it is sending, and why it failed. */
export interface ComposerModel {
  readonly parentId: string | null;
  readonly body: Signal<string>;
  readonly isPending: ReadonlySignal<boolean>;
  readonly error: ReadonlySignal<BackendError | null>;
  readonly chars: ReadonlySignal<number>;
  /** Checks limits, posts, and clears the text only once the server has the comment. */
  submit(): Promise<Comment | null>;
  clearError(): void;
}

/** Returns the first rule the draft breaks, with the same limits the server enforces. */
export function checkDraft(body: string, name: string): BackendError | null {
  if (!body.trim()) return new BackendError('body_required', 'Write something before posting.', undefined, 'body');
  if (countChars(body.trim()) > LIMITS.bodyChars) {
    return new BackendError('body_too_long', `Longer than ${LIMITS.bodyChars} characters.`, undefined, 'body');
  }
  if (countChars(name.trim()) > LIMITS.nameChars) {
    return new BackendError('name_too_long', `Longer than ${LIMITS.nameChars} characters.`, undefined, 'author.name');
  }
  return null;
}

/** Creates a form model posting to `thread` as a reply to `parentId` (null: top level). */
export function createComposerModel(thread: ThreadModel, reader: ReaderModel, parentId: string | null): ComposerModel {
  const body = signal('');
  const isPending = signal(false);
  const error = signal<BackendError | null>(null);

  async function submit(): Promise<Comment | null> {
    if (isPending.value) return null;
    const problem = checkDraft(body.value, reader.name.value);
    if (problem) {
      error.value = problem;
      return null;
    }
    isPending.value = true;
    error.value = null;
    try {
      const comment = await thread.post(parentId, body.value.trim(), reader.name.value);
      body.value = '';
      return comment;
    } catch (err) {
      // The text stays in `body`: a failed post never costs the reader what they wrote.
      error.value = isBackendError(err) ? err : new BackendError('network', String(err));
      return null;
    } finally {
      isPending.value = false;
    }
  }

  return {
    parentId,
    body,
    isPending,
    error,
    chars: computed(() => countChars(body.value)),
    submit,
    clearError: () => {
      error.value = null;
    },
  };
}
