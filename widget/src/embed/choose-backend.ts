import type { CommentsBackend } from '../backend/backend.ts';
import { createHttpBackend } from '../backend/http-backend.ts';
import { createLazyBackend } from '../backend/lazy-backend.ts';
import type { MountOptions } from './options.ts';

/**
 * The backend `options` ask for. The WordPress and static adapters are chunks of their own,
 * fetched only by pages that use them; what they can do is declared here, so the widget draws
 * its forms before they arrive.
 */
export function chooseBackend(options: MountOptions, doc: Document): CommentsBackend {
  const { backend = 'threadline', api } = options;
  if (typeof backend === 'object') return backend;
  if (backend === 'wordpress') {
    const load = () => import('../backend/wordpress/wordpress-adapter.ts').then((m) => m.createWordPressBackendFromPage(options, doc));
    return createLazyBackend(load, { requiresIdentity: true, listAnchors: true, listAround: true, subscribe: true });
  }
  if (!api) throw new Error('[threadline] mount() needs `api` (or a `backend`).');
  if (backend === 'static') {
    const load = () => import('../backend/static-backend.ts').then((m) => m.createStaticBackend({ url: new URL(api, doc.baseURI).href }));
    return createLazyBackend(load, { listAnchors: true, listAround: true });
  }
  return createHttpBackend({ api });
}
