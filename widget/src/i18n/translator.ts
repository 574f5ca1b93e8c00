import { isRtl, type Language } from '../protocol/languages.ts';
import { type PackedCatalog, unpackCatalog } from './catalog-pack.ts';
import { type Catalog, en, type MessageKey } from './en.ts';

/** Variables substituted into `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;
/** Message families with plural forms (`.one`, `.other`, …). */
export type PluralKey = 'thread.count' | 'comment.replies' | 'comment.hide' | 'comment.show' | 'comment.score' | 'live.new';

/** Translates keys for one language; one per widget instance. */
export interface Translator {
  lang: Language;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, vars?: MessageVars): string;
  /** Picks the plural form by `Intl.PluralRules` and fills `{n}`. */
  plural(base: PluralKey, n: number): string;
  /** True when the catalog has the key (used for error codes coming from the server). */
  has(key: string): key is MessageKey;
  /** A full date and time, for tooltips. */
  formatDate(iso: string): string;
  /** "3 hours ago", by `Intl.RelativeTimeFormat`. */
  formatRelative(iso: string, now: number): string;
  /** Builds the Intl formatters now (they are otherwise built on first use). */
  warm(): void;
}

/** English, every language's fallback: threadline.js's strings, and the write chunk's once it is here. */
const english: Catalog = { ...en };
/** The keys of the strings chunks added, in the order packed catalogs carry their values. */
let later: readonly string[] = [];

/** Adds the English strings a chunk brings (the write chunk's, en-write.ts); packed catalogs' values for them become readable. */
export function addStrings(strings: Catalog): void {
  Object.assign(english, strings);
  later = [...later, ...Object.keys(strings)];
}

/** Loads a language's catalog (a separate small chunk, which embed.js loads too for counts). */
export async function loadCatalog(lang: Language): Promise<Catalog | PackedCatalog> {
  if (lang === 'en') return en;
  const { catalog } = (await import(`./catalogs/${lang}.ts`)) as { catalog: Catalog | PackedCatalog };
  // Built chunks ship values only (catalog-pack.ts); the sources, as unit tests import them, are objects.
  return catalog;
}

/** Loads a language's catalog and builds its translator. */
export async function loadTranslator(lang: Language): Promise<Translator> {
  return createTranslator(lang, await loadCatalog(lang));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** Builds a translator from a catalog (packed or not); keys it lacks fall back to English. */
export function createTranslator(lang: Language, source: Catalog | PackedCatalog): Translator {
  // A packed catalog is read again when a chunk adds keys (its values for them come last).
  let catalog: Catalog = {};
  let readWith: readonly string[] | null = null;
  const own = (key: string): string | undefined => {
    if (readWith !== later) {
      catalog = Array.isArray(source) ? unpackCatalog(source, later) : (source as Catalog);
      readWith = later;
    }
    return catalog[key];
  };
  // Intl formatters are built on first use: the first DateTimeFormat in a page loads locale
  // data (~13 ms here), which must not delay the request for the thread. `warm()` builds them
  // while that request is on the wire. One NumberFormat per translator: toLocaleString() builds
  // a formatter per call, and a thread calls this thousands of times.
  const once = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const rules = once(() => new Intl.PluralRules(lang));
  const dates = once(() => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }));
  const relative = once(() => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const numbers = once(() => new Intl.NumberFormat(lang));
  const fill = (text: string, vars?: MessageVars) =>
    vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  return {
    lang,
    dir: isRtl(lang) ? 'rtl' : 'ltr',
    // A key no catalog has yet (a chunk's, asked for before it came) shows as itself rather than breaking the render.
    t: (key, vars) => fill(own(key) ?? english[key] ?? key, vars),
    plural(base, n) {
      const form = `${base}.${rules().select(n)}`;
      const other = `${base}.other`;
      return fill(own(form) ?? own(other) ?? english[form] ?? english[other] ?? other, { n: numbers().format(n) });
    },
    has: (key): key is MessageKey => key in english,
    formatDate(iso) {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? '' : dates().format(d);
    },
    formatRelative(iso, now) {
      let value = (Date.parse(iso) - now) / 1000;
      if (Number.isNaN(value)) return '';
      // Clocks disagree a little: a comment from "the future" was posted just now.
      if (value > 0 && value < 120) value = 0;
      for (const [unit, size] of UNITS) {
        if (Math.abs(value) < size) return relative().format(Math.round(value), unit);
        value /= size;
      }
      return '';
    },
    warm() {
      rules();
      dates();
      relative();
      numbers();
    },
  };
}
