import { describe, expect, it } from 'vitest';
import { createTranslator, pickLanguage } from './translator.ts';

describe('translator', () => {
  it('picks plural forms by Intl.PluralRules', () => {
    const t = createTranslator('en');
    expect(t.plural('thread.count', 1)).toBe('1 comment');
    expect(t.plural('thread.count', 19)).toBe('19 comments');
    expect(t.plural('thread.count', 0)).toBe('0 comments');
    expect(t.plural('thread.count', 12345)).toBe('12,345 comments');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t.t('comment.replyTo', { name: 'Ann' })).toBe('Reply to Ann');
    expect(t.t('comment.replyTo')).toBe('Reply to {name}');
  });
  it('falls back to English for unsupported languages', () => {
    expect(pickLanguage(['xx-YY', undefined, ''])).toBe('en');
    expect(pickLanguage(['EN-gb'])).toBe('en');
  });
});
