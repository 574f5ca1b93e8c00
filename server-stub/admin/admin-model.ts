import { batch, signal } from '@preact/signals';
import { type AdminComment, createAdminApi, describeError } from './admin-api.ts';
import type { AdminTranslator } from './admin-messages.ts';
import { createOutboxModel } from './outbox-model.ts';

const TOKEN_KEY = 'threadline-admin-token';

/** The moderation page's state: the token, the filters, the listed comments, and what just happened. */
export function createAdminModel(tr: AdminTranslator) {
  const token = signal(sessionStorage.getItem(TOKEN_KEY) ?? '');
  const status = signal('pending');
  const thread = signal('');
  const comments = signal<AdminComment[]>([]);
  const nextBefore = signal<number | null>(null);
  const message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const isSignedIn = signal(false);
  const api = () => createAdminApi(token.value);

  async function load(more = false): Promise<void> {
    try {
      const res = await api().list({
        status: status.value,
        thread: thread.value.trim(),
        ...(more && nextBefore.value ? { before: nextBefore.value } : {}),
      });
      batch(() => {
        comments.value = more ? [...comments.value, ...res.comments] : res.comments;
        nextBefore.value = res.nextBefore;
        isSignedIn.value = true;
      });
    } catch (err) {
      message.value = { kind: 'error', text: await describeError(err, tr) };
    }
  }

  async function act(label: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
      message.value = { kind: 'ok', text: label };
      await load();
    } catch (err) {
      message.value = { kind: 'error', text: await describeError(err, tr) };
    }
  }

  return {
    token,
    /** Outgoing mail and webhooks (outbox-model.ts). */
    outbox: createOutboxModel(tr, () => token.value),
    status,
    thread,
    comments,
    nextBefore,
    message,
    isSignedIn,
    async signIn(value: string) {
      token.value = value.trim();
      sessionStorage.setItem(TOKEN_KEY, token.value);
      message.value = null;
      await load();
    },
    signOut() {
      sessionStorage.removeItem(TOKEN_KEY);
      batch(() => {
        token.value = '';
        isSignedIn.value = false;
        comments.value = [];
      });
    },
    load,
    approve: (c: AdminComment) => act(tr.t('done.approved'), () => api().approve(c.id)),
    reject: (c: AdminComment) => act(tr.t('done.rejected'), () => api().reject(c.id)),
    remove: (c: AdminComment) => act(tr.t('done.deleted'), () => api().remove(c.id)),
    banEmail: (c: AdminComment) => act(tr.t('done.bannedEmail', { email: c.authorEmail! }), () => api().ban('email', c.authorEmail!)),
    banIp: (c: AdminComment) => act(tr.t('done.bannedIp'), () => api().ban('ip', c.ipHash!)),
    dismissReports: (c: AdminComment) => act(tr.t('done.dismissed'), () => api().dismissReports(c.id)),
    feature: (c: AdminComment, featured: boolean) =>
      act(tr.t(featured ? 'done.featured' : 'done.unfeatured'), () => api().feature(c.id, featured)),
    lock: (key: string, locked: boolean) =>
      act(tr.t(locked ? 'done.locked' : 'done.reopened', { thread: key }), () => api().lock(key, locked)),
  };
}
/** The moderation page's model. */
export type AdminModel = ReturnType<typeof createAdminModel>;
