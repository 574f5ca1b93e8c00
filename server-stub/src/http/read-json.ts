import type { Context } from 'hono';
import { HttpError } from './http-error.ts';

/** Reads a JSON request body, refusing other content types and malformed JSON with a 4xx. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the comment as JSON (Content-Type: application/json).');
  }
  const raw = await c.req.text();
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
