import type { CommentsBackend } from './backend.ts';
import { BackendError, isBackendError } from './backend-error.ts';

/** Which optional members the backend behind a lazy one has (they must be known before it loads). */
export interface BackendShape {
  requiresIdentity?: boolean;
  listAnchors?: boolean;
  listAround?: boolean;
  subscribe?: boolean;
}

/**
 * A backend whose code is loaded on first use (an adapter's chunk, fetched only by pages that
 * ask for it). The widget reads which actions exist before anything loads, so `shape` declares
 * them; calls wait for the chunk.
 */
export function createLazyBackend(load: () => Promise<CommentsBackend>, shape: BackendShape): CommentsBackend {
  let loading: Promise<CommentsBackend> | undefined;
  const get = () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw isBackendError(err) ? err : new BackendError('network', `The comments adapter could not be loaded: ${err}`);
    }));
  const backend: Record<string, unknown> = { requiresIdentity: shape.requiresIdentity };
  for (const name of ['listThread', 'postComment', 'listAnchors', 'listAround'] as const) {
    if (name === 'listThread' || name === 'postComment' || shape[name]) {
      backend[name] = async (...args: unknown[]) => ((await get())[name] as (...a: unknown[]) => unknown)(...args);
    }
  }
  if (shape.subscribe) {
    backend.subscribe = (...args: Parameters<NonNullable<CommentsBackend['subscribe']>>) => {
      let stop: (() => void) | undefined;
      let isStopped = false;
      get().then(
        (b) => {
          if (!isStopped) stop = b.subscribe?.(...args);
        },
        () => {},
      );
      return () => {
        isStopped = true;
        stop?.();
      };
    };
  }
  return backend as unknown as CommentsBackend;
}
