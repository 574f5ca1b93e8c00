import { batch, computed, signal } from '@preact/signals';
import { type AdminComment, createAdminApi, describeError } from './admin-api.ts';
import type { AdminTranslator } from './admin-messages.ts';
import { createAuditModel } from './audit-model.ts';
import { createModeratorsModel } from './moderators-model.ts';
import { createOutboxModel } from './outbox-model.ts';
import { movedSelection, type QueueCommand } from './queue-keys.ts';

const TOKEN_KEY = 'threadline-admin-token';

/** The page's tabs: three queues, the audit log, and (the owner's) the team. */
export const TABS = ['pending', 'reported', 'recent', 'audit', 'moderators'] as const;
/** One of TABS. */
export type AdminTab = (typeof TABS)[number];
// "Recent" is what readers see now, newest first: where a moderator catches what pre-moderation let through.
const STATUS_OF: Record<string, string> = { pending: 'pending', reported: 'reported', recent: 'published' };

/** The moderation page's state: the token, the tab, the listed comments, the selection, and what just happened. */
export function createAdminModel(tr: AdminTranslator) {
  const token = signal(sessionStorage.getItem(TOKEN_KEY) ?? '');
  const tab = signal<AdminTab>('pending');
  const thread = signal('');
  const comments = signal<AdminComment[]>([]);
  const nextBefore = signal<number | null>(null);
  const message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const isSignedIn = signal(false);
  /** True when the token is the owner's (the moderators tab answers): only then is the team shown. */
  const isOwner = signal(false);
  /** The comment the keyboard acts on, by id (ids survive a reload, positions do not). */
  const selectedId = signal<string | null>(null);
  /** Ticked for a bulk action. */
  const checked = signal<ReadonlySet<string>>(new Set());
  /** What a screen reader should hear after a keyboard move. */
  const announcement = signal('');
  const api = () => createAdminApi(token.value);
  const selectedIndex = computed(() => comments.value.findIndex((c) => c.id === selectedId.value));

  async function load(more = false): Promise<void> {
    const status = STATUS_OF[tab.value];
    if (!status) return;
    try {
      const res = await api().list({
        status,
        thread: thread.value.trim(),
        ...(more && nextBefore.value ? { before: nextBefore.value } : {}),
      });
      const list = more ? [...comments.value, ...res.comments] : res.comments;
      batch(() => {
        comments.value = list;
        nextBefore.value = res.nextBefore;
        isSignedIn.value = true;
        checked.value = new Set([...checked.value].filter((id) => list.some((c) => c.id === id)));
      });
    } catch (err) {
      message.value = { kind: 'error', text: await describeError(err, tr) };
    }
  }

  /** Runs one action, says how it went, reloads, and keeps the keyboard's place in the list. */
  async function act(label: string, run: () => Promise<unknown>): Promise<void> {
    const place = selectedIndex.value;
    try {
      await run();
      message.value = { kind: 'ok', text: label };
      await load();
      if (place >= 0) selectedId.value = comments.value[Math.min(place, comments.value.length - 1)]?.id ?? null;
    } catch (err) {
      message.value = { kind: 'error', text: await describeError(err, tr) };
    }
  }

  function select(index: number): void {
    const comment = comments.value[index];
    selectedId.value = comment?.id ?? null;
    if (comment)
      announcement.value = tr.t('selectedOf', {
        n: String(index + 1),
        total: String(comments.value.length),
        name: comment.author.name ?? tr.t('anonymous'),
      });
  }

  const model = {
    token,
    /** Outgoing mail and webhooks (outbox-model.ts). */
    outbox: createOutboxModel(tr, () => token.value),
    audit: createAuditModel(tr, () => token.value),
    team: createModeratorsModel(tr, () => token.value),
    tab,
    thread,
    comments,
    nextBefore,
    message,
    isSignedIn,
    isOwner,
    selectedId,
    checked,
    announcement,
    async signIn(value: string) {
      token.value = value.trim();
      sessionStorage.setItem(TOKEN_KEY, token.value);
      message.value = null;
      await load();
      // Only the owner may list the team; a moderator's token is refused (403) and sees no such tab.
      if (isSignedIn.value)
        isOwner.value = await api()
          .moderators()
          .then(
            () => true,
            () => false,
          );
    },
    signOut() {
      sessionStorage.removeItem(TOKEN_KEY);
      batch(() => {
        token.value = '';
        isSignedIn.value = false;
        isOwner.value = false;
        comments.value = [];
        tab.value = 'pending';
      });
    },
    load,
    /** Opens a tab and loads what it shows. */
    show(next: AdminTab) {
      batch(() => {
        tab.value = next;
        selectedId.value = null;
        checked.value = new Set();
        message.value = null;
        // A new moderator's token is shown once: leaving the tab forgets it.
        model.team.created.value = null;
      });
      if (next === 'audit') return model.audit.load();
      if (next === 'moderators') return model.team.load();
      return load();
    },
    select,
    /** Ticks or unticks one comment for a bulk action. */
    toggleChecked(id: string) {
      const next = new Set(checked.value);
      if (!next.delete(id)) next.add(id);
      checked.value = next;
    },
    /** Ticks every listed comment, or none when all are ticked. */
    toggleAll() {
      const all = comments.value.every((c) => checked.value.has(c.id));
      checked.value = all ? new Set() : new Set(comments.value.map((c) => c.id));
    },
    /** Approves or rejects every ticked comment: one request (and one audit entry) each. */
    bulk(kind: 'approve' | 'reject') {
      const ids = [...checked.value];
      checked.value = new Set();
      const done = tr.t(kind === 'approve' ? 'done.bulkApproved' : 'done.bulkRejected', { n: String(ids.length) });
      return act(done, () => Promise.all(ids.map((id) => api()[kind](id))));
    },
    /** Runs a keyboard command on the queue (queue-keys.ts). */
    command(command: QueueCommand) {
      if (command === 'next' || command === 'previous') return select(movedSelection(selectedIndex.value, command, comments.value.length));
      const comment = comments.value[selectedIndex.value];
      if (!comment) return;
      if (command === 'approve' && comment.status !== 'published') return model.approve(comment);
      if (command === 'reject' && comment.status !== 'rejected') return model.reject(comment);
      if (command === 'feature' && comment.status === 'published') return model.feature(comment, !comment.featured);
    },
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
  return model;
}
/** The moderation page's model. */
export type AdminModel = ReturnType<typeof createAdminModel>;
