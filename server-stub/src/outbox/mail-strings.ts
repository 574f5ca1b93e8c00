import { type Language, pickLanguage } from '../../../widget/src/protocol/languages.ts';
import { MAIL_CATALOG } from './mail-catalog.ts';

/**
 * The few words of the mails and pages notifications send, per language the widget speaks. Kept
 * on the server (the widget's catalogs ship to browsers; these never do). `{title}`, `{name}` and
 * `{n}` are filled in.
 */
export interface MailStrings {
  /** Subject of a mail about one reply. */
  replySubject: string;
  /** Subject of a mail about several replies (`{n}`). */
  repliesSubject: string;
  /** Above each reply: `{name}` wrote. */
  wrote: string;
  anonymous: string;
  /** The link to the reply on its page. */
  read: string;
  /** Ends this subscription. */
  unsubscribe: string;
  /** Ends every subscription of the address. */
  stopAll: string;
  confirmSubject: string;
  confirmText: string;
  confirmButton: string;
  /** Pages the links open. */
  confirmed: string;
  unsubscribed: string;
  linkInvalid: string;
}

const KEYS: (keyof MailStrings)[] = [
  'replySubject',
  'repliesSubject',
  'wrote',
  'anonymous',
  'read',
  'unsubscribe',
  'stopAll',
  'confirmSubject',
  'confirmText',
  'confirmButton',
  'confirmed',
  'unsubscribed',
  'linkInvalid',
];

/** The mail strings in the language a tag asks for (English when it is none we speak), and that language. */
export function mailStrings(tag: string | null | undefined): { lang: Language; t: MailStrings } {
  const lang = pickLanguage([tag]);
  const row = MAIL_CATALOG[lang];
  return { lang, t: Object.fromEntries(KEYS.map((k, i) => [k, row[i]])) as unknown as MailStrings };
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
