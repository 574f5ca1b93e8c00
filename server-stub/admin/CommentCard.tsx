import type { AdminComment } from './admin-api.ts';
import type { AdminKey, AdminTranslator } from './admin-messages.ts';
import type { AdminModel } from './admin-model.ts';

/** Props of CommentCard. */
export interface CommentCardProps {
  comment: AdminComment;
  model: AdminModel;
  tr: AdminTranslator;
}

/** One comment in a queue: what moderators see of it, a tick box for bulk actions, and its buttons. */
export function CommentCard({ comment: c, model, tr }: CommentCardProps) {
  const { t } = tr;
  const name = c.author.name ?? t('anonymous');
  const isSelected = model.selectedId.value === c.id;
  return (
    <li
      class={isSelected ? 'comment selected' : 'comment'}
      data-comment-id={c.id}
      aria-current={isSelected ? 'true' : undefined}
      tabIndex={-1}
      // The keyboard's place is also wherever the moderator last tabbed or clicked into.
      onFocusIn={() => (model.selectedId.value = c.id)}
    >
      <p class="meta">
        <input
          type="checkbox"
          class="tick"
          aria-label={t('tick', { name })}
          checked={model.checked.value.has(c.id)}
          onChange={() => model.toggleChecked(c.id)}
        />{' '}
        <strong>{name}</strong> {c.authorEmail && <span>&lt;{c.authorEmail}&gt;</span>} ·{' '}
        <span class="status">{t(`status.${c.status}` as AdminKey)}</span> ·{' '}
        <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString(tr.lang)}</time> · <code>{c.thread}</code>
      </p>
      {c.anchor && <p class="anchor">{t('anchor', { quote: c.anchor.exact })}</p>}
      <p class="body">{c.body || t('noText')}</p>
      {c.reports && c.reports.length > 0 && (
        <div class="reports">
          <p>
            {t('reports', { n: String(c.reports.length) })}
            {c.heldFor === 'reports' && ` · ${t('heldByReports')}`}
          </p>
          <ul>
            {c.reports.map((r) => (
              <li key={r.at + r.reason}>
                <strong>{t(`reason.${r.reason}`)}</strong>
                {r.note && ` · ${r.note}`} · <time dateTime={r.at}>{new Date(r.at).toLocaleString(tr.lang)}</time>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="actions">
        {c.status !== 'published' && c.status !== 'deleted' && (
          <button type="button" onClick={() => void model.approve(c)}>
            {t('approve')}
          </button>
        )}
        {(c.status === 'pending' || c.status === 'published') && (
          <button type="button" onClick={() => void model.reject(c)}>
            {t('reject')}
          </button>
        )}
        {c.reports && c.reports.length > 0 && (
          <button type="button" onClick={() => void model.dismissReports(c)}>
            {t('dismissReports')}
          </button>
        )}
        {c.status === 'published' && (
          <button type="button" aria-pressed={!!c.featured} onClick={() => void model.feature(c, !c.featured)}>
            {t(c.featured ? 'unfeature' : 'feature')}
          </button>
        )}
        {c.status !== 'deleted' && (
          <button type="button" onClick={() => void model.remove(c)}>
            {t('delete')}
          </button>
        )}
        {c.authorEmail && (
          <button type="button" onClick={() => void model.banEmail(c)}>
            {t('banEmail')}
          </button>
        )}
        {c.ipHash && (
          <button type="button" onClick={() => void model.banIp(c)}>
            {t('banIp')}
          </button>
        )}
      </p>
    </li>
  );
}
