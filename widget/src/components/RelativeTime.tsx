import { useT, useView } from '../state/thread-view.ts';

/** Props of RelativeTime. */
export interface RelativeTimeProps {
  iso: string;
  /** Where the time links to (the comment's permalink). */
  href: string;
}

/** "3 hours ago", linking to the comment, with the full date on hover and in `datetime`. */
export function RelativeTime({ iso, href }: RelativeTimeProps) {
  const t = useT();
  const now = useView().session.now.value;
  const date = t.formatDate(iso);
  return (
    <a class="tl-time" part="time" href={href} title={date} aria-label={`${date} · ${t.t('comment.permalink')}`}>
      <time dateTime={iso}>{t.formatRelative(iso, now)}</time>
    </a>
  );
}
