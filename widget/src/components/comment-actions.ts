/**
 * The actions of every comment in a list, handled by one listener on the list: a comment's buttons
 * carry `data-action`, so a thousand comments need no click handler each.
 */
import type { ThreadView } from '../state/thread-view.ts';
import { loadCommentTools } from './comment-tools-slot.ts';

/** The button a click or focus landed on, if it is a comment's action button. */
const actionButton = (event: Event) => (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-action]');

/** Runs the action of the comment button clicked in `view`'s list (vote, reply, fold replies, More). */
export function handleCommentAction(view: ThreadView, event: Event): void {
  const button = actionButton(event);
  const id = button?.closest<HTMLElement>('[data-comment-id]')?.dataset.commentId;
  if (!button || button.disabled || !id) return;
  const { ui, writes, thread } = view;
  switch (button.dataset.action) {
    case 'vote': {
      const comment = thread.data.value.comments.find((c) => c.id === id);
      if (comment) void writes.toggleVote(comment);
      break;
    }
    case 'reply':
      ui.setReplyingTo(ui.replyingTo.value === id ? null : id);
      break;
    case 'toggle':
      ui.toggleCollapsed(id);
      break;
    case 'more':
      // Open at once (aria-expanded answers the click); the actions show as soon as the chunk is in.
      ui.setMenuFor(ui.menuFor.value === id ? null : id);
      void loadCommentTools();
      break;
  }
}

/** Fetches the comment tools ahead when the reader points at or tabs to a "More" button. */
export function prefetchCommentTools(event: Event): void {
  if (actionButton(event)?.dataset.action === 'more') void loadCommentTools();
}
