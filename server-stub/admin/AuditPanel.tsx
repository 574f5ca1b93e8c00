import type { AuditEntry } from './admin-api.ts';
import type { AdminTranslator } from './admin-messages.ts';
import type { AuditModel } from './audit-model.ts';

/** Props of AuditPanel. */
export interface AuditPanelProps {
  model: AuditModel;
  tr: AdminTranslator;
}

/** A change as one line: `status: pending → published`, for each field that changed. */
function changeOf(entry: AuditEntry): string {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...keys]
    .map((k) => `${k}: ${JSON.stringify(entry.before?.[k] ?? null)} → ${JSON.stringify(entry.after?.[k] ?? null)}`)
    .join('; ');
}

/** The audit log, newest first: who did what to which comment or thread, and what changed. */
export function AuditPanel({ model, tr }: AuditPanelProps) {
  const { t } = tr;
  const entries = model.entries.value;
  return (
    <>
      {model.error.value && (
        <p role="alert" class="error">
          {model.error.value}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="empty">{t('audit.empty')}</p>
      ) : (
        <table class="audit">
          <caption>{t('tab.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.at}${i}`}>
                <td>
                  <time dateTime={e.at}>{new Date(e.at).toLocaleString(tr.lang)}</time>
                </td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.thread && <code>{e.thread}</code>} {e.commentId && <code>#{e.commentId}</code>}
                </td>
                <td class="change">{changeOf(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {model.nextBefore.value && (
        <button type="button" onClick={() => void model.load(true)}>
          {t('older')}
        </button>
      )}
    </>
  );
}
