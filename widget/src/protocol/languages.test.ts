import { describe, expect, it } from 'vitest';
import { isRtl, LANGUAGES, matchLanguage, pickLanguage } from './languages.ts';

describe('language choice', () => {
  it.each([
    ['de-AT', 'de'],
    ['pt_BR', 'pt'],
    ['pt-BR', 'pt'],
    ['pt', 'pt'],
    ['pt-PT', 'pt-PT'],
    ['pt-AO', 'pt-PT'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['iw', 'he'],
    ['in-ID', 'id'],
    ['FR-ca', 'fr'],
    ['xx-YY', undefined],
    ['', undefined],
  ])('%s reads %s', (tag, lang) => {
    expect(matchLanguage(tag)).toBe(lang);
  });

  it('takes the first candidate it supports, else English', () => {
    expect(pickLanguage([undefined, 'xx', 'sv-FI', 'de'])).toBe('sv');
    expect(pickLanguage(['xx-YY', null, ''])).toBe('en');
  });

  it('names every language once and knows which are written right to left', () => {
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    expect(LANGUAGES.filter(isRtl)).toEqual(['ar', 'fa', 'he']);
  });
});
