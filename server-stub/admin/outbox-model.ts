import { signal } from '@preact/signals';
import { createOutboxApi, describeError, type OutboxItem } from './admin-api.ts';
import type { AdminTranslator } from './admin-messages.ts';

/** The outbox view's state: the status shown, its items, and what just happened. */
export function createOutboxModel(tr: AdminTranslator, token: () => string) {
  const status = signal('failed');
  const items = signal<OutboxItem[]>([]);
  const message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const api = () => createOutboxApi(token());

  async function load(): Promise<void> {
    try {
      items.value = (await api().list(status.value)).items;
    } catch (err) {
      message.value = { kind: 'error', text: await describeError(err, tr) };
    }
  }
  return {
    status,
    items,
    message,
    load,
    /** Shows the items of one status ('' for all). */
    show(next: string) {
      status.value = next;
      return load();
    },
    /** Sends a failed item again now (with a fresh 24-hour window). */
    async retry(item: OutboxItem) {
      try {
        await api().retry(item.id);
        message.value = { kind: 'ok', text: tr.t('done.retried') };
        await load();
      } catch (err) {
        message.value = { kind: 'error', text: await describeError(err, tr) };
      }
    },
  };
}
/** The outbox view's model. */
export type OutboxModel = ReturnType<typeof createOutboxModel>;
