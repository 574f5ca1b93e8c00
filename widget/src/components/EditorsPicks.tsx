import { useT, useView } from '../state/thread-view.ts';

/** Plain text of a Markdown body, cut short for the strip (text nodes only: nothing here is HTML). */
const excerptOf = (body: string, max = 140) => {
  const text = body
    .replace(/[*_`>#[\]()~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};

/** The editors' picks in a labelled strip above the thread, each linking to its place in it. */
export function EditorsPicks() {
  const { thread } = useView();
  const t = useT();
  const picks = thread.featured.value;
  if (picks.length === 0) return null;
  return (
    <section class="tl-picks" part="picks" aria-labelledby="tl-picks-heading">
      <h3 class="tl-picks-heading" id="tl-picks-heading">
        {t.t('moderation.picks')}
      </h3>
      <ul class="tl-picks-list">
        {picks.map((c) => (
          <li key={c.id} class="tl-pick">
            <a
              href={`#comment-${c.id}`}
              onClick={(e) => {
                e.preventDefault();
                void thread.showComment(c.id);
              }}
            >
              <span class="tl-pick-author">{c.author.name ?? t.t('comment.anonymous')}</span>
              <span class="tl-pick-text">{excerptOf(c.body)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
