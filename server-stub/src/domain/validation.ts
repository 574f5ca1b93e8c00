import { createHash } from 'node:crypto';
import { z } from 'zod';
import { pickLanguage } from '../../../widget/src/protocol/languages.ts';
import { countChars, LIMITS } from '../../../widget/src/protocol/limits.ts';
import type { Anchor, ErrorCode } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import { cleanBody, cleanName, hasControlCharacters } from './clean-text.ts';

/** A comment as accepted from a client, cleaned and within limits. */
export interface NewCommentInput {
  thread: string;
  parentId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  authorWebsite: string | null;
  body: string;
  page: { title: string | null; url: string | null };
  /** The honeypot field's content ('' when a person posted). */
  honeypot: string;
  /** Milliseconds the form was open before posting, when the client says. */
  elapsedMs: number | null;
  /** The passage of the page a top-level comment is about (inline comments), keyed. */
  anchor: (Anchor & { key: string }) | null;
  /** A solved proof-of-work challenge (base64 ALTCHA payload), when sent. */
  pow: string | null;
  /** Mail the author asked for, in their language (ignored without an email or a mail server). */
  notify: { mode: 'replies' | 'thread'; lang: string } | null;
}

const line = (max: number, tooLong: ErrorCode, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .transform(cleanName)
    .refine((s) => countChars(s) <= max, { message: `${label} is longer than ${max} characters.`, params: { code: tooLong } });

const httpUrl = z
  .string({ error: 'Page URL must be text.' })
  .max(LIMITS.pageUrlChars, { error: `Page URL is longer than ${LIMITS.pageUrlChars} characters.` })
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), { message: 'Page URL must be an http(s) URL.' });

const optionalText = (schema: z.ZodType<string>) => z.union([z.literal(''), schema]).nullish();

const email = z
  .string({ error: 'Email must be text.' })
  .trim()
  .max(LIMITS.emailChars, { error: 'That email address is too long.' })
  .refine((s) => s === '' || /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/.test(s), {
    message: 'That does not look like an email address.',
    params: { code: 'email_invalid' },
  });

const website = z
  .string({ error: 'Website must be text.' })
  .trim()
  .max(LIMITS.websiteChars, { error: 'That website address is too long.' })
  .refine((s) => s === '' || (/^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s)), {
    message: 'The website must be an http(s) address.',
    params: { code: 'website_invalid' },
  });

/** A body, cleaned, not empty and within the limit (shared by posting and editing). */
const body = z
  .string({ error: 'Comment must be text.' })
  .transform(cleanBody)
  .refine((s) => s.length > 0, { message: 'Write something before posting.', params: { code: 'body_required' } })
  .refine((s) => countChars(s) <= LIMITS.bodyChars, {
    message: `Comment is longer than ${LIMITS.bodyChars} characters.`,
    params: { code: 'body_too_long' },
  });

const postCommentSchema = z.strictObject({
  thread: z
    .string({ error: 'Thread key must be text.' })
    .trim()
    .refine((s) => s.length > 0, { message: 'Thread key is required.', params: { code: 'thread_required' } })
    .max(LIMITS.threadKeyChars, { error: `Thread key is longer than ${LIMITS.threadKeyChars} characters.` })
    // Keys end up in URLs and logs; control characters have no business there.
    .refine((s) => !hasControlCharacters(s), { message: 'Thread key contains control or invalid characters.' }),
  parentId: z.string({ error: 'parentId must be text or null.' }).max(64).nullish(),
  author: z
    .strictObject(
      { name: line(LIMITS.nameChars, 'name_too_long', 'Name').nullish(), email: optionalText(email), website: optionalText(website) },
      { error: 'author must be an object.' },
    )
    .nullish(),
  body,
  hp: z.string({ error: 'hp must be text.' }).max(1000).optional(),
  elapsedMs: z.number({ error: 'elapsedMs must be a number.' }).int().min(0).max(1e12).optional(),
  anchor: z.lazy(() => anchorSchema).nullish(),
  pow: z
    .string({ error: 'pow must be text.' })
    .max(2048, { error: 'pow is too long.' })
    .refine((s) => /^[A-Za-z0-9+/=]*$/.test(s), { message: 'pow must be a base64 ALTCHA payload.', params: { code: 'pow_invalid' } })
    .nullish(),
  notify: z.enum(['replies', 'thread'], { error: 'notify must be "replies" or "thread".' }).nullish(),
  lang: z
    .string({ error: 'lang must be text.' })
    .max(35, { error: 'lang is too long.' })
    .refine((s) => /^[A-Za-z0-9-]*$/.test(s), { message: 'lang must be a language tag such as "de" or "pt-PT".' })
    .nullish(),
  page: z
    .strictObject(
      {
        title: line(LIMITS.pageTitleChars, 'validation_failed', 'Page title').optional(),
        url: httpUrl.optional(),
      },
      { error: 'page must be an object.' },
    )
    .optional(),
});

/** Quoted page text: one line, cleaned like a name (no controls, no bidi overrides). */
const quoteText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .transform(cleanName)
    .refine((s) => countChars(s) <= max, { message: `${label} is longer than ${max} characters.` });

const anchorSchema = z.strictObject(
  {
    type: z.enum(['quote', 'paragraph'], { error: 'anchor.type must be "quote" or "paragraph".' }),
    exact: quoteText('The quoted text', LIMITS.anchorExactChars).refine((s) => s.length > 0, { message: 'The quoted text is empty.' }),
    prefix: quoteText('anchor.prefix', LIMITS.anchorContextChars).optional(),
    suffix: quoteText('anchor.suffix', LIMITS.anchorContextChars).optional(),
    position: z.number({ error: 'anchor.position must be a number.' }).int().min(0).max(1e8).optional(),
    // Echoed back from a comment the client read: the server computes its own.
    key: z.string().max(64).optional(),
  },
  { error: 'anchor must be an object.' },
);

/** The same passage gets the same key, whoever quotes it and wherever the hint points. */
export function anchorKey(a: Pick<Anchor, 'type' | 'exact' | 'prefix' | 'suffix'>): string {
  return createHash('sha256')
    .update([a.type, a.exact, a.prefix ?? '', a.suffix ?? ''].join('\u0000'))
    .digest('base64url')
    .slice(0, 16);
}

const editSchema = z.strictObject({ body });

/** Validates `json` against `schema`, turning the first problem into a 4xx HttpError naming its field. */
function validate<T>(schema: z.ZodType<T>, json: unknown): T {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HttpError(422, 'validation_failed', 'The request body must be a JSON object.');
  }
  if (!('body' in json)) throw new HttpError(422, 'body_required', 'Write something before posting.', 'body');
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.') || undefined;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const where = field ? `${field}.${key}` : key;
      throw new HttpError(422, 'unknown_field', `Unknown field "${where}".`, where);
    }
    const code = (issue.code === 'custom' && (issue.params?.code as ErrorCode | undefined)) || defaultCode(field, issue.code);
    throw new HttpError(422, code, issue.message, field);
  }
  return result.data;
}

/** Validates a parsed JSON body for `POST /api/comments`. */
export function parseNewComment(json: unknown): NewCommentInput {
  const { thread, parentId, author, body: text, page, hp, elapsedMs, anchor, pow, notify, lang } = validate(postCommentSchema, json);
  if (anchor && parentId) {
    throw new HttpError(
      422,
      'anchor_on_reply',
      'Only a top-level comment can be anchored to a passage; replies follow their thread.',
      'anchor',
    );
  }
  const quoted = anchor ? { type: anchor.type, exact: anchor.exact, prefix: anchor.prefix ?? '', suffix: anchor.suffix ?? '' } : null;
  return {
    thread,
    parentId: parentId ?? null,
    authorName: author?.name || null,
    authorEmail: author?.email || null,
    authorWebsite: author?.website || null,
    body: text,
    page: { title: page?.title || null, url: page?.url ?? null },
    honeypot: hp ?? '',
    elapsedMs: elapsedMs ?? null,
    pow: pow || null,
    notify: notify && author?.email ? { mode: notify, lang: pickLanguage([lang]) } : null,
    anchor:
      quoted && anchor
        ? { ...quoted, key: anchorKey(quoted), ...(anchor.position === undefined ? {} : { position: anchor.position }) }
        : null,
  };
}

/** Validates a parsed JSON body for `PATCH /api/comments/:id`; returns the cleaned body. */
export function parseEdit(json: unknown): string {
  return validate(editSchema, json).body;
}

/** Checks an opaque token from a header (Idempotency-Key, X-Edit-Token, X-Voter-Id). */
export function parseHeaderToken(value: string | undefined, header: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(value)) {
    throw new HttpError(400, 'validation_failed', `${header} must be 8–128 letters, digits, - or _.`, header);
  }
  return value;
}

function defaultCode(field: string | undefined, issue: string): ErrorCode {
  // A missing thread reads best as "required"; a missing body was caught before parsing.
  if (field === 'thread' && issue === 'invalid_type') return 'thread_required';
  return 'validation_failed';
}
