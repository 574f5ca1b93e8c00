/**
 * What a view shows about single comments, apart from the comments themselves: which reply form
 * is open, what is folded, linked, fresh, sending, being edited or asked about, and what failed.
 */
import { createModel, type ReadonlySignal, signal } from '@preact/signals';
import type { BackendError } from '../backend/backend-error.ts';
import type { Comment } from '../protocol/types.ts';

/** The last failed action and the comment it was about. */
export interface CommentFailure {
  id: string;
  error: BackendError;
}

/** Per-comment UI flags of one view (see comment-views.ts for the per-comment reads components use). */
export interface ThreadUiShape {
  /** Id of the comment whose reply form is open, if any. */
  readonly replyingTo: ReadonlySignal<string | null>;
  /** Id of the comment this reader posted last, to scroll to and highlight it. */
  readonly lastPostedId: ReadonlySignal<string | null>;
  /** Id of the comment a permalink points at. */
  readonly target: ReadonlySignal<string | null>;
  /** Ids of comments that arrived live (others' replies), shown highlighted. */
  readonly fresh: ReadonlySignal<ReadonlySet<string>>;
  /** Ids of the reader's comments still on their way to the server. */
  readonly sending: ReadonlySignal<ReadonlySet<string>>;
  /** Ids of comments whose replies are folded away. */
  readonly collapsed: ReadonlySignal<ReadonlySet<string>>;
  /** The reader's own comment open for editing, and the text in its box. */
  readonly editingId: ReadonlySignal<string | null>;
  readonly editText: ReadonlySignal<string>;
  /** The comment whose "Delete?" question is open. */
  readonly confirmingDeleteId: ReadonlySignal<string | null>;
  /** The comment whose "More" actions (edit, delete, report) are open, one at a time. */
  readonly menuFor: ReadonlySignal<string | null>;
  readonly failure: ReadonlySignal<CommentFailure | null>;
  /** Opens the reply form under a comment, or closes it (null). */
  setReplyingTo(id: string | null): void;
  toggleCollapsed(id: string): void;
  /** Unfolds these comments (the ancestors of one to show) and points at `target`. */
  reveal(ancestors: readonly string[], target: string): void;
  markFresh(ids: readonly string[]): void;
  setSending(id: string, isSending: boolean): void;
  setLastPosted(id: string | null): void;
  startEdit(comment: Comment): void;
  setEditText(text: string): void;
  /** Closes the edit box (after a save, or cancelled). */
  stopEdit(): void;
  setConfirmingDelete(id: string | null): void;
  setMenuFor(id: string | null): void;
  setFailure(failure: CommentFailure | null): void;
  /**
   * The key to render a comment under: a posted comment keeps the key of its optimistic copy,
   * so its element (and the reader's focus in it) stays when the server's answer arrives.
   */
  renderKey(id: string): string;
  keepRenderKey(id: string, key: string): void;
}

const withId = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

/** A view's UI flags, disposable with `[Symbol.dispose]()`. */
export const ThreadUi = createModel<ThreadUiShape>(() => {
  const replyingTo = signal<string | null>(null);
  const lastPostedId = signal<string | null>(null);
  const target = signal<string | null>(null);
  const fresh = signal<ReadonlySet<string>>(new Set());
  const sending = signal<ReadonlySet<string>>(new Set());
  const collapsed = signal<ReadonlySet<string>>(new Set());
  const editingId = signal<string | null>(null);
  const editText = signal('');
  const confirmingDeleteId = signal<string | null>(null);
  const menuFor = signal<string | null>(null);
  const failure = signal<CommentFailure | null>(null);
  const renderKeys = new Map<string, string>();
  return {
    replyingTo,
    lastPostedId,
    target,
    fresh,
    sending,
    collapsed,
    editingId,
    editText,
    confirmingDeleteId,
    menuFor,
    failure,
    setReplyingTo(id) {
      replyingTo.value = id;
    },
    toggleCollapsed(id) {
      collapsed.value = withId(collapsed.value, id, !collapsed.value.has(id));
    },
    reveal(ancestors, id) {
      const open = new Set(collapsed.value);
      for (const a of ancestors) open.delete(a);
      collapsed.value = open;
      target.value = id;
    },
    markFresh(ids) {
      if (ids.length) fresh.value = new Set([...fresh.value, ...ids]);
    },
    setSending(id, isSending) {
      sending.value = withId(sending.value, id, isSending);
    },
    setLastPosted(id) {
      lastPostedId.value = id;
    },
    startEdit(comment) {
      menuFor.value = null;
      editingId.value = comment.id;
      editText.value = comment.body;
      failure.value = null;
      confirmingDeleteId.value = null;
    },
    setEditText(text) {
      editText.value = text;
    },
    stopEdit() {
      editingId.value = null;
      failure.value = null;
    },
    setConfirmingDelete(id) {
      confirmingDeleteId.value = id;
    },
    setMenuFor(id) {
      menuFor.value = id;
    },
    setFailure(next) {
      failure.value = next;
    },
    renderKey: (id) => renderKeys.get(id) ?? id,
    keepRenderKey(id, key) {
      renderKeys.set(id, key);
    },
  };
});

/** An instance of ThreadUi. */
export type ThreadUi = InstanceType<typeof ThreadUi>;
