import { matchLanguage } from '../../widget/src/protocol/languages.ts';
import { ADMIN_CATALOGS } from './admin-catalogs.ts';

/** The moderation page's English strings, the reference for its other languages (admin-catalogs.ts). */
export const ADMIN_EN = {
  title: 'threadline moderation',
  token: 'Admin token',
  signIn: 'Sign in',
  signOut: 'Sign out',
  status: 'Status',
  'status.pending': 'pending',
  'status.published': 'published',
  'status.rejected': 'rejected',
  'status.deleted': 'deleted',
  'status.all': 'all',
  thread: 'Thread',
  show: 'Show',
  lockThread: 'Thread to lock',
  lock: 'Lock',
  reopen: 'Reopen',
  empty: 'Nothing here.',
  anonymous: 'Anonymous',
  anchor: 'on: “{quote}”',
  noText: '(no text)',
  approve: 'Approve',
  reject: 'Reject',
  delete: 'Delete',
  banEmail: 'Ban email',
  banIp: 'Ban network',
  older: 'Show older',
  'done.approved': 'Approved.',
  'done.rejected': 'Rejected.',
  'done.deleted': 'Deleted.',
  'done.bannedEmail': 'Banned {email}.',
  'done.bannedIp': 'Banned that network.',
  'done.locked': 'Locked {thread}.',
  'done.reopened': 'Reopened {thread}.',
  'error.unauthorized': 'The admin token is missing or wrong.',
  'status.reported': 'reported',
  reports: 'Reports: {n}',
  'reason.spam': 'spam',
  'reason.abuse': 'abuse',
  'reason.off-topic': 'off-topic',
  'reason.other': 'other',
  dismissReports: 'Dismiss reports',
  feature: 'Feature',
  unfeature: 'Unfeature',
  'done.dismissed': 'Reports dismissed.',
  'done.featured': "Made an editors' pick.",
  'done.unfeatured': "No longer an editors' pick.",
  heldByReports: 'held by reports',
  outbox: 'Outgoing mail and webhooks',
  'outbox.sent': 'sent',
  'outbox.failed': 'failed',
  'outbox.skipped': 'skipped',
  'outbox.retry': 'Retry now',
  'outbox.empty': 'The outbox is empty.',
  'outbox.attempts': '{n} attempts',
  'done.retried': 'Queued again.',
  'tab.pending': 'Pending',
  'tab.reported': 'Reported',
  'tab.recent': 'Recent',
  'tab.audit': 'Audit log',
  'tab.moderators': 'Moderators',
  keys: 'Keys: j / k move, a approve, r reject, f feature.',
  selectedOf: '{n} of {total}: {name}',
  tick: 'Select the comment by {name}',
  tickAll: 'Select all',
  ticked: '{n} selected',
  bulk: 'Selected comments',
  approveTicked: 'Approve selected',
  rejectTicked: 'Reject selected',
  'done.bulkApproved': 'Approved {n}.',
  'done.bulkRejected': 'Rejected {n}.',
  'audit.empty': 'No moderation yet.',
  'audit.at': 'When',
  'audit.actor': 'Who',
  'audit.action': 'Action',
  'audit.target': 'Thread / comment',
  'audit.change': 'Change',
  'mod.name': 'Name',
  'mod.add': 'Add moderator',
  'mod.token': '{name}’s token (shown only now: copy it)',
  'mod.empty': 'No moderators yet.',
  'mod.revoke': 'Revoke',
  'mod.revokeName': 'Revoke {name}',
  'done.added': 'Added {name}.',
  'done.revoked': 'Revoked {name}.',
  'error.forbidden': 'Only the site owner may do this.',
} as const;

/** A key of the moderation page's strings. */
export type AdminKey = keyof typeof ADMIN_EN;
/** One language's moderation strings: every key of English. */
export type AdminCatalog = Record<AdminKey, string>;
/** Languages the moderation page speaks. */
export type AdminLanguage = 'en' | keyof typeof ADMIN_CATALOGS;

/** Translates the moderation page's strings, filling `{name}` placeholders. */
export interface AdminTranslator {
  lang: AdminLanguage;
  t(key: AdminKey, vars?: Record<string, string>): string;
  /** True for a server error code the page words itself (`unauthorized`). */
  hasError(code: string): boolean;
}

/** The first of the browser's languages the page speaks (`pt-PT` reads `pt`), else English. */
export function pickAdminLanguage(candidates: readonly string[]): AdminLanguage {
  for (const tag of candidates) {
    const lang = matchLanguage(tag);
    const base = lang === 'pt-PT' ? 'pt' : lang;
    if (base === 'en' || (base && base in ADMIN_CATALOGS)) return base as AdminLanguage;
  }
  return 'en';
}

/** The moderation page's translator for one language. */
export function createAdminTranslator(lang: AdminLanguage): AdminTranslator {
  const catalog: AdminCatalog = lang === 'en' ? ADMIN_EN : ADMIN_CATALOGS[lang];
  return {
    lang,
    t: (key, vars) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => vars?.[name] ?? m),
    hasError: (code) => `error.${code}` in catalog,
  };
}
