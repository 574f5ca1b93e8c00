import { en, type MessageKey } from './en.ts';

/** Catalogs by language tag; English is the fallback for any missing key. */
const CATALOGS: Record<string, Partial<Record<MessageKey, string>>> = { en };

/** Variables substituted into `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;

/** Translates keys for one language; built once per widget instance. */
export interface Translator {
  /** The language actually used (a supported tag). */
  lang: string;
  t(key: MessageKey, vars?: MessageVars): string;
  /** Picks `key.one`/`key.other`… by `Intl.PluralRules` and fills `{n}`. */
  plural(base: 'thread.count' | 'comment.replies', n: number): string;
  /** True when the catalog has the key (used for error codes coming from the server). */
  has(key: string): key is MessageKey;
  /** Formats a date for display. */
  formatDate(iso: string): string;
}

/** Chooses the first supported language among the candidates (e.g. `de-AT` → `de`). */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): string {
  for (const tag of candidates) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (CATALOGS[lower]) return lower;
    const base = lower.split('-')[0]!;
    if (CATALOGS[base]) return base;
  }
  return 'en';
}

/** Builds a translator for a supported language tag. */
export function createTranslator(lang: string): Translator {
  const catalog = CATALOGS[lang] ?? en;
  const rules = new Intl.PluralRules(lang);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const t = (key: MessageKey, vars?: MessageVars): string => {
    const text: string = catalog[key] ?? en[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
  return {
    lang,
    t,
    plural(base, n) {
      const form = rules.select(n);
      const key = (`${base}.${form}` in en ? `${base}.${form}` : `${base}.other`) as MessageKey;
      return t(key, { n: n.toLocaleString(lang) });
    },
    has: (key): key is MessageKey => key in en,
    formatDate: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? '' : dates.format(d);
    },
  };
}
