import type { Comment, ThreadInfo } from '../../protocol/types.ts';
import type { CommentsBackend } from '../backend.ts';
import { BackendError } from '../backend-error.ts';
import { countAnchors, pageThread, threadAround } from '../local-thread.ts';
import { pollWhileVisible } from '../poll.ts';
import { COMMENT_FIELDS, hasAnchorMeta, toComment, type WordPressComment } from './comments.ts';
import { createPostOnce, type NewComment, type PostOnceOptions } from './post-once.ts';
import { createRestClient, type Query, type RestClient, type RestClientOptions } from './rest-client.ts';

/** Options of the WordPress backend. */
export interface WordPressBackendOptions extends RestClientOptions, PostOnceOptions {
  /** The site's REST root, e.g. `https://news.example/wp-json/`. */
  root: string;
  /** The post whose comments the widget's thread is (its thread key stays the widget's own). */
  postId: string;
  /** REST route of the post when known (`wp/v2/pages/7`), for its title and whether comments are open. */
  postRoute?: string;
  /** Seconds between checks for others' new comments while the tab is visible; 0: never. Default 60. */
  pollSeconds?: number;
}

/** WordPress answers at most this many comments per request. */
const PER_PAGE = 100;
/** Pages of newest comments one poll reads before it gives up and reloads the thread instead. */
const POLL_PAGES = 3;

/**
 * A WordPress site's own comments (REST API, `wp/v2/comments`) as a CommentsBackend. The thread
 * key is the post id. Reads, posts and replies; no votes, edits or deletions (WordPress allows
 * those only to logged-in users); anchors where the threadline plugin is installed; new comments
 * from others by polling. Bodies are WordPress's rendered HTML (`bodyFormat: 'html'`). Whatever
 * thread key the widget uses names this one post (its comments carry that key).
 */
export function createWordPressBackend(options: WordPressBackendOptions): CommentsBackend {
  const rest = createRestClient(options.root, options);
  const postOnce = createPostOnce(rest, options);
  const post = options.postId;
  /** The last full read of the thread, for "more" pages, permalinks and anchors. */
  let loaded: Promise<{ thread: ThreadInfo; comments: Comment[] }> | undefined;
  /** Ids already delivered, so a poll reports only what is new. */
  const known = new Set<string>();
  /** The reader's comments WordPress held: a poll that finds one approved reports an edit. */
  const held = new Set<string>();
  let anchorMeta: Promise<boolean> | undefined;
  const list = (query: Query) =>
    rest.list<WordPressComment>('wp/v2/comments', { post, orderby: 'date_gmt', _fields: COMMENT_FIELDS, ...query });

  function readAll(key: string): Promise<{ thread: ThreadInfo; comments: Comment[] }> {
    const run = (async () => {
      const query = { per_page: PER_PAGE, order: 'asc' };
      const [first, about] = await Promise.all([list(query), readPost(rest, options.postRoute ?? `wp/v2/posts/${post}`)]);
      const more = await Promise.all(Array.from({ length: first.totalPages - 1 }, (_, i) => list({ ...query, page: i + 2 })));
      const comments = [first, ...more].flatMap((p) => p.items).map((c) => toComment(c, key));
      for (const c of comments) known.add(c.id);
      const thread: ThreadInfo = { key, title: about.title, url: about.url, commentCount: comments.length, locked: about.locked === true };
      return { thread, comments };
    })();
    loaded = run;
    run.catch(() => {
      if (loaded === run) loaded = undefined;
    });
    return run;
  }
  // A new first page (load, sort, filter) reads afresh; "more" pages reuse the read they follow.
  const current = (key: string) => loaded ?? readAll(key);

  /** Others' comments since the last look, oldest first; null when there are more than a poll reads. */
  async function readNew(key: string): Promise<Comment[] | null> {
    const found: WordPressComment[] = [];
    for (let page = 1; page <= POLL_PAGES; page++) {
      const res = await list({ per_page: 20, page, order: 'desc' });
      const fresh = res.items.filter((c) => !known.has(String(c.id)) || held.has(String(c.id)));
      found.push(...fresh);
      if (fresh.length < res.items.length || page >= res.totalPages) return found.reverse().map((c) => toComment(c, key));
    }
    return null;
  }

  return {
    requiresIdentity: true,
    async listThread(key, page = {}) {
      const all = page.cursor ? await current(key) : await readAll(key);
      return pageThread(all.thread, all.comments, page);
    },
    async listAround(key, commentId) {
      const all = await current(key);
      return threadAround(all.thread, all.comments, commentId);
    },
    async listAnchors(key) {
      anchorMeta ??= rest.get('wp/v2/comments', {}, 'OPTIONS').then(hasAnchorMeta, () => false);
      // Without the plugin there are no anchors to show or keep: the widget shows no markers.
      if (!(await anchorMeta)) throw new BackendError('not_found', 'The threadline plugin is not installed on this site.', 404);
      return countAnchors(key, (await readAll(key)).comments);
    },
    async postComment(request, opts = {}) {
      const author = request.author ?? {};
      const key = opts.idempotencyKey ?? String(Math.random());
      const wp: NewComment = {
        post: Number(post),
        parent: Number(request.parentId ?? 0),
        content: request.body,
        author_name: author.name?.trim() ?? '',
        author_email: author.email?.trim() ?? '',
        author_url: author.website?.trim() ?? '',
        ...(request.anchor ? { threadline_anchor: JSON.stringify(request.anchor) } : {}),
      };
      const outcome = await postOnce(wp, key);
      if ('held' in outcome) {
        // Stored, but held for moderation, and WordPress shows it to no visitor: the reader's copy stands in.
        const comment: Comment = {
          id: `held-${key}`,
          thread: request.thread,
          parentId: request.parentId ?? null,
          author: { name: wp.author_name || null, website: wp.author_url || null },
          body: request.body,
          createdAt: new Date().toISOString(),
          status: 'pending',
        };
        return { comment };
      }
      const comment = toComment(outcome.comment, request.thread);
      known.add(comment.id);
      if (comment.status === 'pending') held.add(comment.id);
      return { comment };
    },
    subscribe(key, _version, onEvent) {
      const seconds = options.pollSeconds ?? 60;
      if (seconds <= 0) return () => {};
      return pollWhileVisible(seconds, async () => {
        const fresh = await readNew(key);
        // More new comments than a poll reads: the widget reads the thread again.
        if (!fresh) return onEvent({ type: 'reset' });
        for (const comment of fresh) {
          known.add(comment.id);
          onEvent({ type: held.delete(comment.id) ? 'edit' : 'comment', comment });
        }
      });
    },
  };
}

/** Title, address and open/closed state of the post (nothing, where the REST API does not show it). */
async function readPost(rest: RestClient, route: string): Promise<{ title: string | null; url: string | null; locked?: boolean }> {
  try {
    const post = await rest.get<{ title?: { rendered?: string }; link?: string; comment_status?: string }>(route, {
      _fields: 'title,link,comment_status',
    });
    return { title: post.title?.rendered ?? null, url: post.link ?? null, locked: post.comment_status === 'closed' };
  } catch {
    // Private or unknown to the REST API: the comments can still be read.
    return { title: null, url: null };
  }
}
