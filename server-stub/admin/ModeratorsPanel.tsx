import { useState } from 'preact/hooks';
import type { AdminTranslator } from './admin-messages.ts';
import type { ModeratorsModel } from './moderators-model.ts';

/** Props of ModeratorsPanel. */
export interface ModeratorsPanelProps {
  model: ModeratorsModel;
  tr: AdminTranslator;
}

/** The owner's team: add a named moderator (their token shown once), list them, revoke one. */
export function ModeratorsPanel({ model, tr }: ModeratorsPanelProps) {
  const { t } = tr;
  const [name, setName] = useState('');
  const msg = model.message.value;
  const created = model.created.value;
  return (
    <>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void model.add(name).then((ok) => ok && setName(''));
        }}
      >
        <label>
          {t('mod.name')} <input value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!name.trim()}>
          {t('mod.add')}
        </button>
      </form>
      {msg && (
        <p role={msg.kind === 'error' ? 'alert' : 'status'} class={msg.kind}>
          {msg.text}
        </p>
      )}
      {created && (
        <div class="created">
          <label for="new-token">{t('mod.token', { name: created.name })}</label>
          <input id="new-token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {model.moderators.value.length === 0 ? (
        <p class="empty">{t('mod.empty')}</p>
      ) : (
        <ul class="comments">
          {model.moderators.value.map((m) => (
            <li key={m.id} class="comment moderator">
              <p class="meta">
                <strong>{m.name}</strong> · <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleString(tr.lang)}</time>
              </p>
              <button type="button" aria-label={t('mod.revokeName', { name: m.name })} onClick={() => void model.revoke(m)}>
                {t('mod.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
