import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../protocol/languages.ts';
import { packCatalog, unpackCatalog } from './catalog-pack.ts';
import { en as enCore } from './en.ts';
import { enWrite } from './en-write.ts';
import type { createTranslator } from './translator.ts';

const en = { ...enCore, ...enWrite };
const later = Object.keys(enWrite);

describe('packed catalogs', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s survives packing unchanged', async (lang) => {
    const { catalog } = (await import(`./catalogs/${lang}.ts`)) as { catalog: Record<string, string> };
    expect(unpackCatalog(packCatalog(catalog, later), later)).toEqual(catalog);
  });

  it('starts with the plural categories and thread.count’s forms, which embed.js reads alone', async () => {
    const { catalog } = (await import('./catalogs/ru.ts')) as { catalog: Record<string, string> };
    expect(packCatalog(catalog, later).slice(0, 5)).toEqual([
      'one few many other',
      '{n} комментарий',
      '{n} комментария',
      '{n} комментариев',
      '{n} комментария',
    ]);
    expect(packCatalog(en, later).slice(0, 3)).toEqual(['one other', '{n} comment', '{n} comments']);
  });

  it('refuses a catalog with a missing or unknown key, so the build fails', () => {
    const { 'thread.label': _, ...missing } = en;
    expect(() => packCatalog(missing, later)).toThrow(/missing thread\.label/);
    expect(() => packCatalog({ ...en, 'thread.typo': 'x' }, later)).toThrow(/unknown thread\.typo/);
  });

  it('carries the write chunk’s strings last: readable once the chunk says their keys, the rest before that', async () => {
    const { catalog } = (await import('./catalogs/de.ts')) as { catalog: Record<string, string> };
    const packed = packCatalog(catalog, later);
    const core = unpackCatalog(packed);
    expect(core['thread.label']).toBe(catalog['thread.label']);
    expect(core['error.refused']).toBeUndefined();
    expect(Object.keys(core)).toHaveLength(Object.keys(catalog).length - later.length);
    // A translator built before the chunk came reads them once it is here.
    vi.resetModules();
    const fresh = (await import('./translator.ts')) as { createTranslator: typeof createTranslator; addStrings: (s: object) => void };
    const t = fresh.createTranslator('de', packed);
    expect(t.t('thread.label')).toBe(catalog['thread.label']);
    expect(t.has('error.refused')).toBe(false);
    fresh.addStrings(enWrite);
    expect(t.t('error.refused', { message: 'x' })).toBe(catalog['error.refused']!.replace('{message}', 'x'));
    expect(fresh.createTranslator('en', enCore).t('error.banned')).toBe(enWrite['error.banned']);
  });
});
