import { signal } from '@preact/signals';
import { createAdminApi, describeError, type Moderator } from './admin-api.ts';
import type { AdminTranslator } from './admin-messages.ts';

/** The moderators tab's state (the owner's): the team, a new member's token shown once, and what just happened. */
export function createModeratorsModel(tr: AdminTranslator, token: () => string) {
  const moderators = signal<Moderator[]>([]);
  /** The token just created, with whose it is; cleared on the next action so it is shown once. */
  const created = signal<{ name: string; token: string } | null>(null);
  const message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const api = () => createAdminApi(token());

  async function load(): Promise<void> {
    try {
      moderators.value = (await api().moderators()).moderators;
    } catch (err) {
      message.value = { kind: 'error', text: await describeError(err, tr) };
    }
  }
  return {
    moderators,
    created,
    message,
    load,
    /** Adds a named moderator and shows their token this once. */
    async add(name: string): Promise<boolean> {
      created.value = null;
      try {
        const res = await api().addModerator(name.trim());
        created.value = { name: res.moderator.name, token: res.token };
        message.value = { kind: 'ok', text: tr.t('done.added', { name: res.moderator.name }) };
        await load();
        return true;
      } catch (err) {
        message.value = { kind: 'error', text: await describeError(err, tr) };
        return false;
      }
    },
    /** Revokes a moderator: their token stops working at once. */
    async revoke(moderator: Moderator): Promise<void> {
      created.value = null;
      try {
        await api().removeModerator(moderator.id);
        message.value = { kind: 'ok', text: tr.t('done.revoked', { name: moderator.name }) };
        await load();
      } catch (err) {
        message.value = { kind: 'error', text: await describeError(err, tr) };
      }
    },
  };
}
/** The moderators tab's model. */
export type ModeratorsModel = ReturnType<typeof createModeratorsModel>;
