/**
 * The languages threadline speaks, declared once for the widget, its loader and the server.
 * Each tag names one catalog (`widget/src/i18n/catalogs/TAG.ts`); English is built in.
 */
export const LANGUAGES = [
  'en',
  'ar',
  'bg',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'fa',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-PT',
  'ro',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-Hans',
  'zh-Hant',
] as const;

/** A supported language tag, e.g. `de`, `pt-PT`, `zh-Hant`. */
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left: the widget mirrors its layout for them. */
export const RTL_LANGUAGES: readonly Language[] = ['ar', 'fa', 'he'];

/**
 * Tags that mean a supported language under another name: retired codes (`iw`, `in`), Norwegian
 * (`no`, `nn`: Nynorsk readers read Bokmål far better than English), Chinese by region.
 * `pt` is Brazilian Portuguese; every other Portuguese region reads the European catalog.
 */
const ALIASES: Record<string, Language> = {
  iw: 'he',
  in: 'id',
  no: 'nb',
  nn: 'nb',
  zh: 'zh-Hans',
  'zh-hans': 'zh-Hans',
  'zh-hant': 'zh-Hant',
  'zh-tw': 'zh-Hant',
  'zh-hk': 'zh-Hant',
  'zh-mo': 'zh-Hant',
  'pt-br': 'pt',
};

/** The supported language a BCP 47 tag asks for (`de-AT` → `de`, `zh-TW` → `zh-Hant`, `pt-AO` → `pt-PT`), if any. */
export function matchLanguage(tag: string): Language | undefined {
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const [base = '', second] = parts;
  // zh-Hant-HK, zh-Hans-SG: the script decides before the region does.
  const pair = ALIASES[`${base}-${second}`];
  if (pair) return pair;
  if (base === 'pt' && second) return 'pt-PT';
  const alias = ALIASES[base];
  if (alias) return alias;
  return LANGUAGES.find((l) => l === base);
}

/** The first supported language among the candidates, in order; English when none is. */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const lang = tag ? matchLanguage(tag) : undefined;
    if (lang) return lang;
  }
  return 'en';
}

/** True for a language written right to left. */
export const isRtl = (lang: Language): boolean => RTL_LANGUAGES.includes(lang);
