import { signal } from '@preact/signals';
import { type AuditEntry, createAdminApi, describeError } from './admin-api.ts';
import type { AdminTranslator } from './admin-messages.ts';

/** The audit log tab's state: entries newest first, the cursor for older ones, and a failure to show. */
export function createAuditModel(tr: AdminTranslator, token: () => string) {
  const entries = signal<AuditEntry[]>([]);
  const nextBefore = signal<number | null>(null);
  const error = signal<string | null>(null);

  async function load(more = false): Promise<void> {
    try {
      const page = await createAdminApi(token()).audit(more ? (nextBefore.value ?? undefined) : undefined);
      entries.value = more ? [...entries.value, ...page.entries] : page.entries;
      nextBefore.value = page.nextBefore;
      error.value = null;
    } catch (err) {
      error.value = await describeError(err, tr);
    }
  }
  return { entries, nextBefore, error, load };
}
/** The audit log tab's model. */
export type AuditModel = ReturnType<typeof createAuditModel>;
