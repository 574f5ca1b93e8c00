import { BackendError, type BackendErrorCode } from '../backend-error.ts';

/** WordPress's REST error body: `{ code, message, data: { status, params? } }`. */
export interface WordPressError {
  code?: unknown;
  message?: unknown;
  data?: { status?: number; params?: Record<string, string> } | null;
}

/** WordPress's refusal codes, and the code of ours a reader's message is chosen by. */
const CODES: Record<string, BackendErrorCode> = {
  comment_duplicate: 'duplicate',
  comment_flood: 'rate_limited',
  rest_comment_author_data_required: 'identity_required',
  require_name_email: 'identity_required',
  rest_comment_closed: 'thread_locked',
  comment_closed: 'thread_locked',
  rest_comment_login_required: 'login_required',
  rest_comment_content_invalid: 'body_required',
  require_valid_comment: 'body_required',
  comment_content_column_length: 'body_too_long',
  comment_author_column_length: 'name_too_long',
  comment_author_email_column_length: 'email_invalid',
  comment_author_url_column_length: 'website_invalid',
  rest_comment_invalid_post_id: 'not_found',
  rest_post_invalid_id: 'not_found',
};

/** Fields of a rejected parameter, as the widget's forms name them. */
const FIELDS: Record<string, string> = {
  author_email: 'author.email',
  author_name: 'author.name',
  author_url: 'author.website',
  content: 'body',
};

/** WordPress waits this long between two comments from one address (its default flood interval). */
const FLOOD_SECONDS = 15;

/**
 * Turns a WordPress refusal into a BackendError: known codes get ours (the reader's message is
 * translated), any other keeps WordPress's own message under `refused`.
 */
export function toBackendError(status: number, body: WordPressError | null, request?: Record<string, unknown>): BackendError {
  const wpCode = typeof body?.code === 'string' ? body.code : '';
  const message = typeof body?.message === 'string' ? plainText(body.message) : `HTTP ${status}`;
  if (wpCode === 'rest_invalid_param') {
    const param = Object.keys(body?.data?.params ?? {})[0] ?? '';
    const code: BackendErrorCode = param === 'author_email' ? 'email_invalid' : param === 'author_url' ? 'website_invalid' : 'refused';
    return new BackendError(code, message, status, FIELDS[param]);
  }
  const code = CODES[wpCode];
  if (code === 'identity_required') {
    const hasName = typeof request?.author_name === 'string' && request.author_name.trim() !== '';
    return new BackendError(code, message, status, hasName ? 'author.email' : 'author.name');
  }
  if (code === 'rate_limited') return new BackendError(code, message, status, undefined, FLOOD_SECONDS);
  if (code) return new BackendError(code, message, status, code === 'body_required' || code === 'body_too_long' ? 'body' : undefined);
  if (status >= 500) return new BackendError('server_error', message, status);
  return new BackendError(wpCode ? 'refused' : 'bad_response', message, status);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
};

/** WordPress's messages are HTML (`&#8217;`, `<strong>`): the text a reader would see. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, ref: string) => {
      if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? all;
      const n = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    })
    .trim();
}
