import { useT, useView } from '../state/thread-view.ts';

/** "Show 3 new comments": others' new top-level comments wait here instead of shoving the page. */
export function NewCommentsBar() {
  const { thread } = useView();
  const t = useT();
  const n = thread.incoming.value.length;
  return (
    <div class="tl-incoming" aria-live="polite">
      {n > 0 && (
        <button type="button" class="tl-button tl-incoming-button" part="button incoming" onClick={() => thread.showIncoming()}>
          {t.plural('live.new', n)}
        </button>
      )}
    </div>
  );
}
