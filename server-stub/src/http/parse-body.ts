import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json.ts';

/** Parses a JSON body against a schema, refusing it with a 422 naming the first problem. */
export async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(c));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new HttpError(422, 'validation_failed', issue.message, issue.path.join('.') || undefined);
}
