import type { Comment } from '../protocol/types.ts';
import { useT } from '../state/thread-view.ts';

/** Props of AuthorBadges. */
export interface AuthorBadgesProps {
  author: Comment['author'];
}

/**
 * What the site vouches for beside an author's name: a check mark for a signed-in (verified)
 * reader, and a "Staff" badge for the site's staff and moderators. Nothing for guests.
 */
export function AuthorBadges({ author }: AuthorBadgesProps) {
  const t = useT();
  if (!author.verified) return null;
  return (
    <>
      <span class="tl-verified" part="verified" role="img" aria-label={t.t('signIn.verified')} title={t.t('signIn.verified')}>
        ✓
      </span>
      {author.badge === 'staff' && (
        <span class="tl-badge" part="badge">
          {t.t('signIn.staff')}
        </span>
      )}
    </>
  );
}
