import { z } from 'zod';
import { LIMITS, countChars } from '../../../widget/src/protocol/limits.ts';
import type { ErrorCode } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import { cleanBody, cleanName, hasControlCharacters } from './clean-text.ts';

/** A comment as accepted from a client, cleaned and within limits. */
export interface NewCommentInput {
  thread: string;
  parentId: string | null;
  authorName: string | null;
  body: string;
  page: { title: string | null; url: string | null };
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
    .strictObject({ name: line(LIMITS.nameChars, 'name_too_long', 'Name').nullish() }, { error: 'author must be an object.' })
    .nullish(),
  body: z
    .string({ error: 'Comment must be text.' })
    .transform(cleanBody)
    .refine((s) => s.length > 0, { message: 'Write something before posting.', params: { code: 'body_required' } })
    .refine((s) => countChars(s) <= LIMITS.bodyChars, {
      message: `Comment is longer than ${LIMITS.bodyChars} characters.`,
      params: { code: 'body_too_long' },
    }),
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

/** Validates a parsed JSON body for `POST /api/comments`; throws a 4xx HttpError naming the first bad field. */
export function parseNewComment(json: unknown): NewCommentInput {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HttpError(422, 'validation_failed', 'The request body must be a JSON object.');
  }
  if (!('body' in json)) throw new HttpError(422, 'body_required', 'Write something before posting.', 'body');
  const result = postCommentSchema.safeParse(json);
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
  const { thread, parentId, author, body, page } = result.data;
  return {
    thread,
    parentId: parentId ?? null,
    authorName: author?.name || null,
    body,
    page: { title: page?.title || null, url: page?.url ?? null },
  };
}

function defaultCode(field: string | undefined, issue: string): ErrorCode {
  // A missing thread reads best as "required"; a missing body was caught before parsing.
  if (field === 'thread' && issue === 'invalid_type') return 'thread_required';
  return 'validation_failed';
}
