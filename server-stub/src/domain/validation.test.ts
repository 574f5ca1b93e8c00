import { describe, expect, it } from 'vitest';
import { type HttpError, isHttpError } from '../http/http-error.ts';
import { parseNewComment } from './validation.ts';

const valid = { thread: '/news/a', body: 'Hello' };

/** The HttpError a payload is refused with (fails the test if it is accepted). */
function refusal(payload: unknown): HttpError {
  try {
    parseNewComment(payload);
  } catch (err) {
    if (isHttpError(err)) return err;
    throw err;
  }
  throw new Error(`accepted: ${JSON.stringify(payload)}`);
}

describe('parseNewComment', () => {
  it('accepts a minimal anonymous top-level comment', () => {
    expect(parseNewComment(valid)).toEqual({
      thread: '/news/a',
      pow: null,
      notify: null,
      parentId: null,
      authorName: null,
      authorEmail: null,
      authorWebsite: null,
      body: 'Hello',
      page: { title: null, url: null },
      honeypot: '',
      elapsedMs: null,
      anchor: null,
    });
  });

  it('cleans an anchor like a name and keys the passage the same whatever the position hint', () => {
    const quote = { type: 'quote', exact: ' Connecticut\u202e \n Trust Act ', prefix: 'on the\u0000 ', suffix: ', which' };
    const a = parseNewComment({ ...valid, anchor: { ...quote, position: 10 } }).anchor!;
    expect(a).toMatchObject({ type: 'quote', exact: 'Connecticut Trust Act', prefix: 'on the', suffix: ', which', position: 10 });
    expect(parseNewComment({ ...valid, anchor: quote }).anchor!.key).toBe(a.key);
    expect(parseNewComment({ ...valid, anchor: { ...quote, type: 'paragraph' } }).anchor!.key).not.toBe(a.key);
  });

  it('keeps paragraphs, trims the ends and normalises line endings and Unicode (NFC)', () => {
    const out = parseNewComment({ ...valid, body: '  one\r\n\r\ntwo\rthree  ', author: { name: ' Jose\u0301 ' } });
    expect(out.body).toBe('one\n\ntwo\nthree');
    expect(out.authorName).toBe('Jos\u00e9');
  });

  it('keeps emoji and other astral characters intact', () => {
    expect(parseNewComment({ ...valid, body: 'Ugh 🤦‍♀️ 👍🏽' }).body).toBe('Ugh 🤦‍♀️ 👍🏽');
  });

  it('treats an empty or missing name as anonymous', () => {
    expect(parseNewComment({ ...valid, author: { name: '   ' } }).authorName).toBeNull();
    expect(parseNewComment({ ...valid, author: { name: null } }).authorName).toBeNull();
    expect(parseNewComment({ ...valid, author: {} }).authorName).toBeNull();
  });

  it('accepts an email (never shown) and an http(s) website; empty means none', () => {
    const out = parseNewComment({ ...valid, author: { name: 'A', email: ' a@b.example ', website: 'https://a.example/me' } });
    expect([out.authorEmail, out.authorWebsite]).toEqual(['a@b.example', 'https://a.example/me']);
    const none = parseNewComment({ ...valid, author: { email: '', website: '' } });
    expect([none.authorEmail, none.authorWebsite]).toEqual([null, null]);
  });

  it('accepts page title and http(s) url', () => {
    const out = parseNewComment({ ...valid, page: { title: 'T', url: 'https://example.com/a?b=1' } });
    expect(out.page).toEqual({ title: 'T', url: 'https://example.com/a?b=1' });
  });

  it('counts the 10,000-character limit in characters, not UTF-16 units', () => {
    expect(parseNewComment({ ...valid, body: '😀'.repeat(10_000) }).body).toHaveLength(20_000);
    expect(refusal({ ...valid, body: '😀'.repeat(10_001) }).code).toBe('body_too_long');
  });

  const table: { title: string; payload: unknown; code: string; field?: string }[] = [
    { title: 'missing body', payload: { thread: 't' }, code: 'body_required', field: 'body' },
    { title: 'empty body', payload: { ...valid, body: '' }, code: 'body_required', field: 'body' },
    { title: 'whitespace body', payload: { ...valid, body: ' \n\t ' }, code: 'body_required', field: 'body' },
    { title: 'body over 10,000 characters', payload: { ...valid, body: 'x'.repeat(10_001) }, code: 'body_too_long', field: 'body' },
    { title: 'body of wrong type', payload: { ...valid, body: 42 }, code: 'validation_failed', field: 'body' },
    { title: 'body as array', payload: { ...valid, body: ['a'] }, code: 'validation_failed', field: 'body' },
    { title: 'name over 80', payload: { ...valid, author: { name: 'n'.repeat(81) } }, code: 'name_too_long', field: 'author.name' },
    { title: 'name of wrong type', payload: { ...valid, author: { name: 7 } }, code: 'validation_failed', field: 'author.name' },
    { title: 'author not an object', payload: { ...valid, author: 'bob' }, code: 'validation_failed', field: 'author' },
    { title: 'unknown top-level field', payload: { ...valid, admin: true }, code: 'unknown_field', field: 'admin' },
    { title: 'unknown author field', payload: { ...valid, author: { name: 'a', role: 'x' } }, code: 'unknown_field', field: 'author.role' },
    { title: 'malformed email', payload: { ...valid, author: { email: 'not-an-email' } }, code: 'email_invalid', field: 'author.email' },
    {
      title: 'javascript: website',
      payload: { ...valid, author: { website: 'javascript:alert(1)' } },
      code: 'website_invalid',
      field: 'author.website',
    },
    { title: 'missing thread', payload: { body: 'x' }, code: 'thread_required', field: 'thread' },
    { title: 'empty thread', payload: { ...valid, thread: '  ' }, code: 'thread_required', field: 'thread' },
    { title: 'thread of wrong type', payload: { ...valid, thread: { a: 1 } }, code: 'thread_required', field: 'thread' },
    { title: 'thread too long', payload: { ...valid, thread: 't'.repeat(513) }, code: 'validation_failed', field: 'thread' },
    { title: 'thread with control characters', payload: { ...valid, thread: '/a\u0000b' }, code: 'validation_failed', field: 'thread' },
    { title: 'parentId of wrong type', payload: { ...valid, parentId: 12 }, code: 'validation_failed', field: 'parentId' },
    {
      title: 'page url not http',
      payload: { ...valid, page: { url: 'javascript:alert(1)' } },
      code: 'validation_failed',
      field: 'page.url',
    },
    {
      title: 'page title too long',
      payload: { ...valid, page: { title: 'x'.repeat(301) } },
      code: 'validation_failed',
      field: 'page.title',
    },
    { title: 'array instead of object', payload: [valid], code: 'validation_failed' },
    { title: 'null instead of object', payload: null, code: 'validation_failed' },
    { title: 'string instead of object', payload: 'hello', code: 'validation_failed' },
  ];
  for (const { title, payload, code, field } of table) {
    it(`refuses ${title} with 422 ${code}`, () => {
      const err = refusal(payload);
      expect(err.status).toBe(422);
      expect(err.code).toBe(code);
      expect(err.field).toBe(field);
      expect(err.message.length).toBeGreaterThan(5);
    });
  }
});
