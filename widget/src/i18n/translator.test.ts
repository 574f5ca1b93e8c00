// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { createTranslator, loadTranslator } from './translator.ts';

describe('translator', () => {
  it('picks plural forms by Intl.PluralRules', () => {
    const t = createTranslator('en', en);
    expect(t.plural('thread.count', 1)).toBe('1 comment');
    expect(t.plural('thread.count', 19)).toBe('19 comments');
    expect(t.plural('thread.count', 0)).toBe('0 comments');
    expect(t.plural('thread.count', 12345)).toBe('12,345 comments');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en', en);
    expect(t.t('comment.replyTo', { name: 'Ann' })).toBe('Reply to Ann');
    expect(t.t('comment.replyTo')).toBe('Reply to {name}');
  });

  it('uses each language’s plural rules', async () => {
    expect((await loadTranslator('de')).plural('thread.count', 1)).toBe('1 Kommentar');
    expect((await loadTranslator('fr')).plural('thread.count', 0)).toBe('0 commentaire');
    expect((await loadTranslator('ja')).plural('thread.count', 19)).toBe('コメント 19 件');
    const ar = await loadTranslator('ar');
    expect(ar.plural('thread.count', 2)).toBe('تعليقان');
    expect(ar.plural('thread.count', 5)).toBe(`${(5).toLocaleString('ar')} تعليقات`);
    expect(ar.dir).toBe('rtl');
    expect((await loadTranslator('he')).dir).toBe('rtl');
    expect((await loadTranslator('fa')).dir).toBe('rtl');
    expect((await loadTranslator('de')).dir).toBe('ltr');
    expect((await loadTranslator('ru')).plural('comment.replies', 22)).toBe('22 ответа');
    expect((await loadTranslator('pl')).plural('comment.replies', 5)).toBe('5 odpowiedzi');
  });

  it('says how long ago, in the reader’s language', () => {
    const now = Date.parse('2024-06-01T12:00:00Z');
    const t = createTranslator('en', en);
    expect(t.formatRelative('2024-06-01T11:59:50Z', now)).toBe('10 seconds ago');
    expect(t.formatRelative('2024-06-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(t.formatRelative('2024-05-31T12:00:00Z', now)).toBe('yesterday');
    expect(t.formatRelative('2019-07-17T13:05:00Z', now)).toBe('5 years ago');
    expect(t.formatRelative('2024-06-01T12:00:30Z', now)).toBe('now');
    expect(createTranslator('de', {}).formatRelative('2024-06-01T09:00:00Z', now)).toBe('vor 3 Stunden');
  });
});
