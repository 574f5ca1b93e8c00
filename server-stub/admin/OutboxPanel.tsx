import type { AdminKey, AdminTranslator } from './admin-messages.ts';
import type { OutboxModel } from './outbox-model.ts';

/** Props of OutboxPanel. */
export interface OutboxPanelProps {
  model: OutboxModel;
  tr: AdminTranslator;
}

const STATUSES = ['failed', 'pending', 'sent', 'skipped', ''] as const;
const label = (s: string): AdminKey => (s === 'pending' ? 'status.pending' : s ? (`outbox.${s}` as AdminKey) : 'status.all');

/** Outgoing mail and webhooks (loaded when opened): pending, sent, failed with the reason, and a retry for failed ones. */
export function OutboxPanel({ model, tr }: OutboxPanelProps) {
  const { t } = tr;
  const msg = model.message.value;
  return (
    <details class="outbox" onToggle={(e) => e.currentTarget.open && void model.load()}>
      <summary>{t('outbox')}</summary>
      <label>
        {t('status')}{' '}
        <select value={model.status.value} onChange={(e) => void model.show(e.currentTarget.value)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(label(s))}
            </option>
          ))}
        </select>
      </label>
      {msg && (
        <p role={msg.kind === 'error' ? 'alert' : 'status'} class={msg.kind}>
          {msg.text}
        </p>
      )}
      {model.items.value.length === 0 ? (
        <p class="empty">{t('outbox.empty')}</p>
      ) : (
        <ul class="comments">
          {model.items.value.map((item) => (
            <li key={item.id} class="comment" data-outbox-id={item.id}>
              <p class="meta">
                <strong>{item.kind}</strong> → <code>{item.target}</code> · <span class="status">{t(label(item.status))}</span> ·{' '}
                {t('outbox.attempts', { n: String(item.attempts) })} ·{' '}
                <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString(tr.lang)}</time>
              </p>
              {item.lastError && <p class="body">{item.lastError}</p>}
              {item.status === 'failed' && (
                <p class="actions">
                  <button type="button" onClick={() => void model.retry(item)}>
                    {t('outbox.retry')}
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
