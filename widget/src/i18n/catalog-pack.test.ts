import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../protocol/languages.ts';
import { packCatalog, unpackCatalog } from './catalog-pack.ts';
import { en } from './en.ts';

describe('packed catalogs', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s survives packing unchanged', async (lang) => {
    const { catalog } = (await import(`./catalogs/${lang}.ts`)) as { catalog: Record<string, string> };
    expect(unpackCatalog(packCatalog(catalog))).toEqual(catalog);
  });

  it('starts with the plural categories and thread.count’s forms, which embed.js reads alone', async () => {
    const { catalog } = (await import('./catalogs/ru.ts')) as { catalog: Record<string, string> };
    expect(packCatalog(catalog).slice(0, 5)).toEqual([
      'one few many other',
      '{n} комментарий',
      '{n} комментария',
      '{n} комментариев',
      '{n} комментария',
    ]);
    expect(packCatalog(en).slice(0, 3)).toEqual(['one other', '{n} comment', '{n} comments']);
  });

  it('refuses a catalog with a missing or unknown key, so the build fails', () => {
    const { 'thread.label': _, ...missing } = en;
    expect(() => packCatalog(missing)).toThrow(/missing thread\.label/);
    expect(() => packCatalog({ ...en, 'thread.typo': 'x' })).toThrow(/unknown thread\.typo/);
  });
});
