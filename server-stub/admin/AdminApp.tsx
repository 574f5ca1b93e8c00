import { useState } from 'preact/hooks';
import { AuditPanel } from './AuditPanel.tsx';
import type { AdminKey, AdminTranslator } from './admin-messages.ts';
import { type AdminModel, TABS } from './admin-model.ts';
import { ModeratorsPanel } from './ModeratorsPanel.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';

/** Props of AdminApp. */
export interface AdminAppProps {
  model: AdminModel;
  /** The page's strings in the moderator's language. */
  tr: AdminTranslator;
}

/** The moderation page: sign in with a token, then the queues, the audit log and (the owner's) the team, as tabs. */
export function AdminApp({ model, tr }: AdminAppProps) {
  const { t } = tr;
  const [tokenInput, setTokenInput] = useState(model.token.value);
  const msg = model.message.value;
  const message = msg && (
    <p role={msg.kind === 'error' ? 'alert' : 'status'} class={msg.kind}>
      {msg.text}
    </p>
  );
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
        {message}
      </main>
    );
  }
  const tab = model.tab.value;
  const tabs = TABS.filter((name) => name !== 'moderators' || model.isOwner.value);
  return (
    <main class="admin">
      <header>
        <h1>{t('title')}</h1>
        <button type="button" onClick={() => model.signOut()}>
          {t('signOut')}
        </button>
      </header>
      <div class="tabs" role="tablist" aria-label={t('title')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls="panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => void model.show(name)}
            onKeyDown={(e) => {
              // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = tabs[(tabs.indexOf(name) + step + tabs.length) % tabs.length]!;
              void model.show(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(`tab.${name}` as AdminKey)}
          </button>
        ))}
      </div>
      <p class="sr-only" aria-live="polite">
        {model.announcement.value}
      </p>
      <section id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab !== 'moderators' && message}
        {tab === 'audit' ? (
          <AuditPanel model={model.audit} tr={tr} />
        ) : tab === 'moderators' ? (
          <ModeratorsPanel model={model.team} tr={tr} />
        ) : (
          <QueuePanel model={model} tr={tr} />
        )}
      </section>
      <OutboxPanel model={model.outbox} tr={tr} />
    </main>
  );
}
