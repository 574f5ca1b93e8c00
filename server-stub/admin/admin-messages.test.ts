import { describe, expect, it } from 'vitest';
import { ADMIN_CATALOGS } from './admin-catalogs.ts';
import { ADMIN_EN, createAdminTranslator, pickAdminLanguage } from './admin-messages.ts';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the moderation page’s languages', () => {
  it.each(Object.entries(ADMIN_CATALOGS))('%s has every key of English, with its placeholders, and nothing else', (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(ADMIN_EN).sort());
    for (const [key, text] of Object.entries(ADMIN_EN)) {
      expect(placeholders(catalog[key as keyof typeof ADMIN_EN]), key).toEqual(placeholders(text));
    }
  });

  it('speaks the first browser language it knows, Portuguese of any region as pt', () => {
    expect(pickAdminLanguage(['sv-SE', 'de-AT', 'fr'])).toBe('de');
    expect(pickAdminLanguage(['pt-PT'])).toBe('pt');
    expect(pickAdminLanguage(['ja-JP'])).toBe('ja');
    expect(pickAdminLanguage(['ko', 'xx'])).toBe('en');
  });

  it('fills placeholders and words known server errors itself', () => {
    const de = createAdminTranslator('de');
    expect(de.t('done.locked', { thread: '/news/a' })).toBe('/news/a gesperrt.');
    expect(de.hasError('unauthorized')).toBe(true);
    expect(de.hasError('not_found')).toBe(false);
  });
});
