import type { AdapterOptions } from '../../embed/load-backend.ts';
import { clampOption } from '../../embed/options.ts';
import type { CommentsBackend } from '../backend.ts';
import { BackendError } from '../backend-error.ts';
import { discoverPost, discoverRestRoot } from './discovery.ts';
import { createWordPressBackend } from './wordpress-backend.ts';

/**
 * The WordPress backend for this page: the REST root from `api` or the page's
 * `<link rel="https://api.w.org/">`, the post from `postId` or the page, polling every `poll`
 * seconds (default 60, at least 2, 0 off). Without a REST root or a post, every call fails with
 * `not_found`, so the reader sees why rather than nothing.
 */
export function createWordPressBackendFromPage(options: AdapterOptions, doc: Document): CommentsBackend {
  const root = options.api || discoverRestRoot(doc);
  const post = options.postId?.trim() ? { id: options.postId.trim() } : discoverPost(doc);
  if (!root || !post) {
    const why = root ? 'no data-post-id, and the page names no post' : 'no data-api, and the page has no <link rel="https://api.w.org/">';
    const fail = () => Promise.reject(new BackendError('not_found', `data-backend="wordpress": ${why}.`));
    return { listThread: fail, postComment: fail };
  }
  return createWordPressBackend({
    root,
    postId: post.id,
    pollSeconds: options.poll === 0 ? 0 : clampOption(options.poll, 60, 2, 86_400),
    ...(post.route ? { postRoute: post.route } : {}),
  });
}
