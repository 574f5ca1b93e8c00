import { describe, expect, it } from 'vitest';
import { cleanBody, cleanName, hasControlCharacters } from './clean-text.ts';

describe('cleanBody', () => {
  it('drops control characters but keeps newlines, tabs and paragraphs', () => {
    expect(cleanBody('a\u0000b\u0007c\u009b\td\r\n\r\ne')).toBe('abc\td\n\ne');
  });
  it('replaces lone surrogates instead of storing broken UTF-16', () => {
    expect(cleanBody('x\ud800y')).toBe('x\ufffdy');
    expect(cleanBody('🤦‍♀️')).toBe('🤦‍♀️');
  });
  it('keeps bidi text in bodies (Arabic and Hebrew readers need it)', () => {
    expect(cleanBody('שלום \u2067abc\u2069')).toBe('שלום \u2067abc\u2069');
  });
});

describe('cleanName', () => {
  it('strips bidi overrides and isolates that could make a name read as someone else’s', () => {
    expect(cleanName('\u202eevil\u202c Bob')).toBe('evil Bob');
    expect(cleanName('Ann\u2066x\u2069')).toBe('Annx');
  });
  it('puts the name on one line', () => {
    expect(cleanName('  Ann\n\nMarie\t Smith\u0000 ')).toBe('Ann Marie Smith');
  });
  it('keeps letters of every script and emoji', () => {
    expect(cleanName('José 山田 محمد 👍🏽')).toBe('José 山田 محمد 👍🏽');
  });
});

describe('hasControlCharacters', () => {
  it('flags control characters and lone surrogates, not ordinary Unicode', () => {
    expect(hasControlCharacters('/news/a\u0000')).toBe(true);
    expect(hasControlCharacters('/news/\ud800')).toBe(true);
    expect(hasControlCharacters('/news/café-😀')).toBe(false);
  });
});
