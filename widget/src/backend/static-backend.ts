import type { AdapterOptions } from '../embed/load-backend.ts';
import { shownComments } from '../protocol/shown-comments.ts';
import type { Anchor, Comment, ThreadInfo } from '../protocol/types.ts';
import type { CommentsBackend } from './backend.ts';
import { BackendError } from './backend-error.ts';
import { anchorKey, countAnchors, pageThread, threadAround } from './local-thread.ts';

/**
 * What the static adapter reads of a threadline export (`threadline-server export`, format
 * `threadline-export` version 1); everything else in the file (emails, votes' voters, bans) is ignored.
 */
export interface StaticArchive {
  format: 'threadline-export';
  version: 1;
  threads: { key: string; title: string | null; url: string | null; locked?: boolean }[];
  comments: {
    id: string;
    thread: string;
    parentId: string | null;
    authorName: string | null;
    authorWebsite?: string | null;
    body: string;
    createdAt: string;
    editedAt?: string | null;
    status: 'published' | 'deleted' | 'pending' | 'rejected';
    anchor?: Anchor | null;
  }[];
  votes?: { commentId: string }[];
}

/** Options of the static backend. */
export interface StaticBackendOptions {
  /** URL of the JSON export, e.g. `https://news.example/comments.json`. */
  url: string;
  /** For tests; default the global fetch. */
  fetch?: typeof fetch;
}

/**
 * A read-only backend over a JSON export file: a site that closed its comments (or left its
 * comments server) still shows them, with no server at all. Every thread reads as closed, so the
 * widget offers no form; posts are refused with `thread_locked`.
 */
export function createStaticBackend(options: StaticBackendOptions): CommentsBackend {
  let file: Promise<Map<string, { thread: ThreadInfo; comments: Comment[] }>> | undefined;
  const read = () =>
    (file ??= readArchive(options).catch((err: unknown) => {
      file = undefined;
      throw err;
    }));
  const threadOf = async (key: string) => (await read()).get(key) ?? { thread: emptyThread(key), comments: [] };
  return {
    listThread: async (key, page) => {
      const t = await threadOf(key);
      return pageThread(t.thread, t.comments, page);
    },
    listAround: async (key, id) => {
      const t = await threadOf(key);
      return threadAround(t.thread, t.comments, id);
    },
    listAnchors: async (key) => countAnchors(key, (await threadOf(key)).comments),
    postComment: () => Promise.reject(new BackendError('thread_locked', 'These comments are an archive: read-only.')),
  };
}

/** The static backend for this page: the export file at `api`, relative to the page (without one, every read fails with `not_found`). */
export function createStaticBackendFromPage(options: AdapterOptions, doc: Document): CommentsBackend {
  if (!options.api) {
    const fail = () => Promise.reject(new BackendError('not_found', 'data-backend="static" needs data-api: the URL of the export file.'));
    return { listThread: fail, postComment: fail };
  }
  return createStaticBackend({ url: new URL(options.api, doc.baseURI).href });
}

const emptyThread = (key: string): ThreadInfo => ({ key, title: null, url: null, commentCount: 0, locked: true });

async function readArchive(options: StaticBackendOptions) {
  let archive: StaticArchive;
  try {
    const res = await (options.fetch ?? fetch)(options.url, { credentials: 'omit' });
    if (!res.ok) throw new BackendError(res.status >= 500 ? 'server_error' : 'not_found', `HTTP ${res.status}`, res.status);
    archive = (await res.json()) as StaticArchive;
  } catch (err) {
    if (err instanceof BackendError) throw err;
    throw new BackendError(err instanceof SyntaxError ? 'bad_response' : 'network', String(err));
  }
  if (archive?.format !== 'threadline-export' || !Array.isArray(archive.comments)) {
    throw new BackendError('bad_response', 'Not a threadline export.');
  }
  return toThreads(archive);
}

/** The archive's comments as the protocol shows them, grouped by thread. */
export function toThreads(archive: StaticArchive): Map<string, { thread: ThreadInfo; comments: Comment[] }> {
  const scores = new Map<string, number>();
  for (const v of archive.votes ?? []) scores.set(v.commentId, (scores.get(v.commentId) ?? 0) + 1);
  const threads = new Map<string, { thread: ThreadInfo; comments: Comment[] }>();
  for (const t of archive.threads ?? [])
    threads.set(t.key, { thread: { ...emptyThread(t.key), title: t.title, url: t.url }, comments: [] });
  for (const c of shownComments(archive.comments)) {
    const isPlaceholder = c.status === 'deleted';
    const entry = threads.get(c.thread) ?? threads.set(c.thread, { thread: emptyThread(c.thread), comments: [] }).get(c.thread)!;
    const anchor = c.anchor && !c.parentId ? { ...c.anchor, key: c.anchor.key ?? anchorKey(c.anchor) } : null;
    entry.comments.push({
      id: c.id,
      thread: c.thread,
      parentId: c.parentId,
      author: { name: isPlaceholder ? null : c.authorName, website: isPlaceholder ? null : (c.authorWebsite ?? null) },
      body: isPlaceholder ? '' : c.body,
      createdAt: c.createdAt,
      editedAt: c.editedAt ?? null,
      score: scores.get(c.id) ?? 0,
      status: isPlaceholder ? 'deleted' : 'published',
      ...(anchor ? { anchor } : {}),
    });
  }
  return threads;
}
