import type { BackendError } from '../backend/backend-error.ts';
import { LIMITS } from '../protocol/limits.ts';
import { useT } from '../state/thread-view.ts';

/** Props of ErrorMessage. */
export interface ErrorMessageProps {
  error: BackendError;
  id?: string;
}

/** A failure told in the reader's language: our catalog by code (a service's own message inside `error.refused`), else the server's own message. */
export function ErrorMessage({ error, id }: ErrorMessageProps) {
  const t = useT();
  const key = `error.${error.code}`;
  const vars = {
    max: error.code === 'name_too_long' ? LIMITS.nameChars : LIMITS.bodyChars,
    wait: error.retryAfter ?? 60,
    message: error.message,
  };
  const text = t.has(key) ? t.t(key, vars) : error.message;
  return (
    <p id={id} class="tl-error" role="alert">
      {text}
    </p>
  );
}
