/** Test helpers: comments, an in-memory backend, and a session over it (for the DOM test environment). */
import type { CommentsBackend } from '../backend/backend.ts';
import { BackendError } from '../backend/backend-error.ts';
import { en } from '../i18n/en.ts';
import { createTranslator } from '../i18n/translator.ts';
import type { ReportRequest } from '../protocol/moderation.ts';
import type { Comment, LiveEvent, PageRequest, PostCommentRequest } from '../protocol/types.ts';
import { createSession, type Session, type SessionOptions } from '../state/session.ts';

let seq = 0;
/** A published top-level comment, each one a second later than the one before. */
export const comment = (id: string, over: Partial<Comment> = {}): Comment => ({
  id,
  thread: '/t',
  parentId: null,
  author: { name: null },
  body: `body ${id}`,
  createdAt: new Date(Date.UTC(2024, 0, 1) + ++seq * 1000).toISOString(),
  status: 'published',
  score: 0,
  ...over,
});

/** What the fake backend was asked, and the switches a test flips. */
export interface FakeBackend {
  backend: CommentsBackend;
  stored: Comment[];
  pages: PageRequest[];
  posts: { req: PostCommentRequest; key: string | undefined }[];
  votes: { id: string; on: boolean }[];
  /** Reader reports sent (moderation). */
  reports: { id: string; report: ReportRequest }[];
  /** Sends a live event to every subscriber. */
  emit(event: LiveEvent): void;
  /** The next write fails with this error (once). */
  failNext(error?: BackendError): void;
  /** Open live subscriptions. */
  readonly subscribers: number;
}

/**
 * A backend over `stored`: pages of `pageSize` top-level comments (with their replies) by
 * cursor, anchors and the inline filter honoured; posts answer with an edit token.
 */
export function fakeBackend(stored: Comment[] = [], pageSize = 100): FakeBackend {
  const listeners = new Set<(e: LiveEvent) => void>();
  let failure: BackendError | null = null;
  const fail = () => {
    const f = failure;
    failure = null;
    if (f) throw f;
  };
  const fake: FakeBackend = {
    stored,
    pages: [],
    posts: [],
    votes: [],
    reports: [],
    emit: (e) => {
      for (const l of listeners) l(e);
    },
    failNext: (e = new BackendError('server_error', 'HTTP 500', 500)) => {
      failure = e;
    },
    get subscribers() {
      return listeners.size;
    },
    backend: {
      async listAnchors(thread) {
        const counts = new Map<string, { key: string; anchor: NonNullable<Comment['anchor']>; count: number }>();
        for (const c of stored) {
          if (!c.anchor?.key || c.parentId !== null) continue;
          const replies = stored.filter((r) => r.parentId === c.id).length;
          const entry = counts.get(c.anchor.key) ?? { key: c.anchor.key, anchor: c.anchor, count: 0 };
          entry.count += 1 + replies;
          counts.set(c.anchor.key, entry);
        }
        return { thread, anchors: [...counts.values()] };
      },
      async listThread(key, req = {}) {
        fake.pages.push(req);
        const roots = stored.filter(
          (c) => c.parentId === null && (req.anchors ? req.anchors.includes(c.anchor?.key ?? '') : req.filter !== 'inline' || c.anchor),
        );
        const from = Number(req.cursor ?? 0);
        const limit = req.limit ?? pageSize;
        const ids = new Set(roots.slice(from, from + limit).map((c) => c.id));
        return {
          thread: { key, title: null, url: null, commentCount: stored.filter((c) => c.status === 'published').length, version: 1 },
          comments: stored.filter((c) => ids.has(c.id) || (c.parentId && ids.has(c.parentId))),
          nextCursor: from + limit < roots.length ? String(from + limit) : null,
          ...(req.cursor ? {} : { featured: stored.filter((c) => c.featured && c.status === 'published') }),
        };
      },
      async postComment(req, opts) {
        fake.posts.push({ req, key: opts?.idempotencyKey });
        fail();
        const posted = comment(`new${fake.posts.length}`, {
          body: req.body,
          parentId: req.parentId ?? null,
          author: { name: req.author?.name ?? null, website: req.author?.website ?? null },
          ...(req.anchor ? { anchor: { ...req.anchor, key: 'k-new' } } : {}),
        });
        return { comment: posted, editToken: `token-${posted.id}`, editableUntil: new Date(Date.now() + 900_000).toISOString() };
      },
      async editComment(id, body) {
        fail();
        const old = stored.find((c) => c.id === id) ?? comment(id);
        return { ...old, body, editedAt: new Date().toISOString() };
      },
      async deleteComment() {
        fail();
        return null;
      },
      async vote(id, _voter, on) {
        fake.votes.push({ id, on });
        fail();
        return { id, score: on ? 1 : 0, voted: on };
      },
      async reportComment(id, _voter, report) {
        fake.reports.push({ id, report });
        fail();
      },
      subscribe(_key, _version, onEvent) {
        listeners.add(onEvent);
        return () => listeners.delete(onEvent);
      },
    },
  };
  return fake;
}

/** A session over `backend` on the test window, in English (`more`: sign-in and the like). */
export function testSession(backend: CommentsBackend, threadKey = '/t', more: Partial<SessionOptions> = {}): Session {
  return createSession({
    backend,
    threadKey,
    page: { title: 'Story', url: 'https://news.example/story' },
    t: createTranslator('en', en),
    win: window,
    ...more,
  });
}

/** An unsigned JWT with these claims: what the widget reads of a token (the server checks signatures). */
export function testToken(claims: Record<string, unknown>): string {
  const part = (o: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Lets pending promises (a fake backend's answers) settle. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Gives the test an empty in-memory localStorage, as a browser has (call in beforeEach). */
export function useMemoryStorage(): void {
  const data = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => data.set(k, v),
      removeItem: (k: string) => data.delete(k),
    },
  });
}
