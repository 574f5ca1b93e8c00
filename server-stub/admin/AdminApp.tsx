import { useState } from 'preact/hooks';
import type { AdminModel } from './admin-model.ts';

/** Props of AdminApp. */
export interface AdminAppProps {
  model: AdminModel;
}

const STATUSES = ['pending', 'published', 'rejected', 'deleted', ''];

/** The moderation page: sign in with the admin token, then approve, reject, delete, ban and lock. */
export function AdminApp({ model }: AdminAppProps) {
  const [tokenInput, setTokenInput] = useState(model.token.value);
  const [lockKey, setLockKey] = useState('');
  const msg = model.message.value;
  if (!model.isSignedIn.value) {
    return (
      <main class="admin">
        <h1>threadline moderation</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void model.signIn(tokenInput);
          }}
        >
          <label for="token">Admin token</label>
          <input
            id="token"
            type="password"
            autocomplete="current-password"
            value={tokenInput}
            onInput={(e) => setTokenInput(e.currentTarget.value)}
          />
          <button type="submit">Sign in</button>
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
        <h1>threadline moderation</h1>
        <button type="button" onClick={() => model.signOut()}>
          Sign out
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
          Status{' '}
          <select
            value={model.status.value}
            onChange={(e) => {
              model.status.value = e.currentTarget.value;
              void model.load();
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || 'all'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Thread <input value={model.thread.value} placeholder="/news/…" onInput={(e) => (model.thread.value = e.currentTarget.value)} />
        </label>
        <button type="submit">Show</button>
      </form>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label>
          Thread to lock <input value={lockKey} placeholder="/news/…" onInput={(e) => setLockKey(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={!lockKey.trim()} onClick={() => void model.lock(lockKey.trim(), true)}>
          Lock
        </button>
        <button type="button" disabled={!lockKey.trim()} onClick={() => void model.lock(lockKey.trim(), false)}>
          Reopen
        </button>
      </form>
      {msg && (
        <p role={msg.kind === 'error' ? 'alert' : 'status'} class={msg.kind}>
          {msg.text}
        </p>
      )}
      {model.comments.value.length === 0 ? (
        <p class="empty">Nothing here.</p>
      ) : (
        <ul class="comments">
          {model.comments.value.map((c) => (
            <li key={c.id} class="comment" data-comment-id={c.id}>
              <p class="meta">
                <strong>{c.author.name ?? 'Anonymous'}</strong> {c.authorEmail && <span>&lt;{c.authorEmail}&gt;</span>} ·{' '}
                <span class="status">{c.status}</span> · <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time> ·{' '}
                <code>{c.thread}</code>
              </p>
              {c.anchor && <p class="anchor">on: “{c.anchor.exact}”</p>}
              <p class="body">{c.body || '(no text)'}</p>
              <p class="actions">
                {c.status !== 'published' && c.status !== 'deleted' && (
                  <button type="button" onClick={() => void model.approve(c)}>
                    Approve
                  </button>
                )}
                {(c.status === 'pending' || c.status === 'published') && (
                  <button type="button" onClick={() => void model.reject(c)}>
                    Reject
                  </button>
                )}
                {c.status !== 'deleted' && (
                  <button type="button" onClick={() => void model.remove(c)}>
                    Delete
                  </button>
                )}
                {c.authorEmail && (
                  <button type="button" onClick={() => void model.banEmail(c)}>
                    Ban email
                  </button>
                )}
                {c.ipHash && (
                  <button type="button" onClick={() => void model.banIp(c)}>
                    Ban network
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {model.nextBefore.value && (
        <button type="button" onClick={() => void model.load(true)}>
          Show older
        </button>
      )}
    </main>
  );
}
