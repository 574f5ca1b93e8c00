import type { ErrorCode } from '../protocol/types.ts';

/**
 * Why a backend call failed: a protocol error code, what went wrong before an answer came, or a
 * refusal of another service (adapters): `duplicate` (said already), `identity_required` (name
 * and email), `login_required`, and `refused` (any other, with the service's own message).
 */
export type BackendErrorCode =
  | ErrorCode
  | 'network'
  | 'offline'
  | 'timeout'
  | 'bad_response'
  | 'server_error'
  | 'duplicate'
  | 'identity_required'
  | 'login_required'
  | 'refused';

/** The one error type backends reject with, so the UI can pick a reader-facing message by code. */
export class BackendError extends Error {
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    readonly status?: number,
    readonly field?: string,
    /** Seconds the server asked to wait (Retry-After), for rate limits. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

/** Type guard for BackendError. */
export function isBackendError(value: unknown): value is BackendError {
  return value instanceof BackendError;
}

/**
 * The BackendError a failure is: itself, or a `network` one for anything else (a backend that
 * broke its promise to reject with BackendError only, or code that threw).
 */
export function asBackendError(err: unknown): BackendError {
  return isBackendError(err) ? err : new BackendError('network', String(err));
}
