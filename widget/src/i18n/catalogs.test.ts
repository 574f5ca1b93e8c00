import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../protocol/languages.ts';
import { type Catalog, en as enCore } from './en.ts';
import { enWrite } from './en-write.ts';
import { loadCatalog } from './translator.ts';

/** The reference: threadline.js's English and the write chunk's. */
const en = { ...enCore, ...enWrite };

const PLURAL = /\.(zero|one|two|few|many|other)$/;
const families = [
  ...new Set(
    Object.keys(en)
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, '')),
  ),
];
const singles = Object.keys(en).filter((k) => !PLURAL.test(k));
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

/** Whole numbers up to 10,000 that fall into a plural category: a form without `{n}` is right only for exactly one. */
const numbersIn = (lang: string, category: string) => {
  const rules = new Intl.PluralRules(lang);
  return Array.from({ length: 10_001 }, (_, n) => n).filter((n) => rules.select(n) === category);
};

describe.each(LANGUAGES.filter((l) => l !== 'en'))('catalog %s', (lang) => {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

  it('has every key of English, with exactly its language’s plural forms, and nothing else', async () => {
    const catalog = (await loadCatalog(lang)) as Catalog;
    const expected = [...singles, ...families.flatMap((f) => categories.map((c) => `${f}.${c}`))].sort();
    expect(Object.keys(catalog).sort()).toEqual(expected);
    for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
  });

  it('keeps the placeholders of English', async () => {
    const catalog = (await loadCatalog(lang)) as Catalog;
    for (const key of singles) expect(placeholders(catalog[key] ?? ''), `${lang} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    for (const family of families) {
      for (const category of categories) {
        const text = catalog[`${family}.${category}`] ?? '';
        const found = placeholders(text);
        expect(
          found.filter((p) => p !== '{n}'),
          `${lang} ${family}.${category}`,
        ).toEqual([]);
        // "تعليقان" (two comments) needs no number; a Russian "one" form also serves 21, 31… and does.
        if (!found.includes('{n}')) expect(numbersIn(lang, category), `${lang} ${family}.${category} omits {n}`).toHaveLength(1);
      }
    }
  });
});
