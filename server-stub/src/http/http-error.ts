import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorResponse } from '../../../widget/src/protocol/types.ts';

/** The one error type handlers throw; `app.onError` turns it into `{ error: { code, message, field? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Seconds to wait, sent as Retry-After (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** The JSON body sent to the client. */
  toJSON(): ErrorResponse {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** Type guard for HttpError. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}
