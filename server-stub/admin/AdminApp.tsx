import { useState } from 'preact/hooks';
import type { AdminKey, AdminTranslator } from './admin-messages.ts';
import type { AdminModel } from './admin-model.ts';
import { OutboxPanel } from './OutboxPanel.tsx';

/** Props of AdminApp. */
export interface AdminAppProps {
  model: AdminModel;
  /** The page's strings in the moderator's language. */
  tr: AdminTranslator;
}

const STATUSES = ['pending', 'reported', 'published', 'rejected', 'deleted', ''];

/** The moderation page: sign in with the admin token, then approve, reject, delete, ban and lock. */
export function AdminApp({ model, tr }: AdminAppProps) {
  const { t } = tr;
  const [tokenInput, setTokenInput] = useState(model.token.value);
  const [lockKey, setLockKey] = useState('');
  const msg = model.message.value;
  if (!model.isSignedIn.value) {
    return (
      <main class="admin">
        <h1>{t('title')}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void model.signIn(tokenInput);
          }}
        >
          <label for="token">{t('token')}</label>
          <input
            id="token"
            type="password"
            autocomplete="current-password"
            value={tokenInput}
            onInput={(e) => setTokenInput(e.currentTarget.value)}
          />
          <button type="submit">{t('signIn')}</button>
        </form>
        {msg && (
          <p role="alert" class={msg.kind}>
            {msg.text}
          </p>
        )}
      </main>
    );
  }
  return (
    <main class="admin">
      <header>
        <h1>{t('title')}</h1>
        <button type="button" onClick={() => model.signOut()}>
          {t('signOut')}
        </button>
      </header>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void model.load();
        }}
      >
        <label>
          {t('status')}{' '}
          <select
            value={model.status.value}
            onChange={(e) => {
              model.status.value = e.currentTarget.value;
              void model.load();
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s || 'all'}` as AdminKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('thread')}{' '}
          <input value={model.thread.value} placeholder="/news/…" onInput={(e) => (model.thread.value = e.currentTarget.value)} />
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label>
          {t('lockThread')} <input value={lockKey} placeholder="/news/…" onInput={(e) => setLockKey(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={!lockKey.trim()} onClick={() => void model.lock(lockKey.trim(), true)}>
          {t('lock')}
        </button>
        <button type="button" disabled={!lockKey.trim()} onClick={() => void model.lock(lockKey.trim(), false)}>
          {t('reopen')}
        </button>
      </form>
      {msg && (
        <p role={msg.kind === 'error' ? 'alert' : 'status'} class={msg.kind}>
          {msg.text}
        </p>
      )}
      {model.comments.value.length === 0 ? (
        <p class="empty">{t('empty')}</p>
      ) : (
        <ul class="comments">
          {model.comments.value.map((c) => (
            <li key={c.id} class="comment" data-comment-id={c.id}>
              <p class="meta">
                <strong>{c.author.name ?? t('anonymous')}</strong> {c.authorEmail && <span>&lt;{c.authorEmail}&gt;</span>} ·{' '}
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
          ))}
        </ul>
      )}
      {model.nextBefore.value && (
        <button type="button" onClick={() => void model.load(true)}>
          {t('older')}
        </button>
      )}
      <OutboxPanel model={model.outbox} tr={tr} />
    </main>
  );
}
