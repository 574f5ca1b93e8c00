import { createModel, type ReadonlySignal, signal } from '@preact/signals';
import type { Comment } from '../protocol/types.ts';
import { storage } from './storage.ts';

/** An edit token the server gave for one of the reader's comments. */
export interface OwnedComment {
  token: string;
  /** Epoch ms until which the server accepts edits and deletes. */
  until: number;
}

/** The fields a reader types about themselves. */
export type IdentityField = 'name' | 'email' | 'website';

/**
 * The reader at this browser: who they say they are (remembered for next time), a random voter
 * id, the edit tokens of their comments and their votes. Kept in localStorage so other tabs and
 * later visits share them; a page that blocks storage just forgets.
 */
export interface ReaderShape {
  readonly name: ReadonlySignal<string>;
  readonly email: ReadonlySignal<string>;
  readonly website: ReadonlySignal<string>;
  readonly owned: ReadonlySignal<Readonly<Record<string, OwnedComment>>>;
  readonly votes: ReadonlySignal<ReadonlySet<string>>;
  /** The reader's comments waiting for a moderator, so they can see them after a reload. */
  readonly held: ReadonlySignal<readonly Comment[]>;
  /** The random id votes are cast under (one per browser). */
  voterId(): string;
  /** Sets what the reader typed in one of the identity fields. */
  setIdentity(field: IdentityField, value: string): void;
  hold(comment: Comment): void;
  /** Marks an edit of the reader's comment as on its way (true) or answered (false). */
  setEditing(id: string, isEditing: boolean): void;
  /** True for the reader's comments that stay on their screen when others stop seeing them: held, or being edited. */
  keeps(id: string): boolean;
  /** Forgets held comments that are published, rejected or long gone. */
  releaseHeld(ids: readonly string[]): void;
  /** Remembers the name, email and website typed (called on a successful post). */
  rememberIdentity(): void;
  own(id: string, owned: OwnedComment): void;
  disown(id: string): void;
  setVoted(id: string, voted: boolean): void;
  /** Re-reads what another tab may have changed. */
  reload(): void;
}

const readJson = <T>(key: string, fallback: T): T => {
  try {
    return (JSON.parse(storage.get(key) ?? 'null') as T | null) ?? fallback;
  } catch {
    return fallback;
  }
};

/** A random id, URL-safe. */
export function randomId(bytes = 16): string {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return btoa(String.fromCharCode(...a))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A week is longer than any moderator should take; older held comments are forgotten. */
const WEEK = 7 * 86_400_000;

/** The reader model, read from what the browser remembers. */
export const ReaderModel = createModel<ReaderShape>(() => {
  const identity = readJson<{ name?: string; email?: string; website?: string }>('identity', {});
  const fields = { name: signal(identity.name ?? ''), email: signal(identity.email ?? ''), website: signal(identity.website ?? '') };
  let voter = storage.get('voter');
  if (!voter) {
    voter = randomId();
    storage.set('voter', voter);
  }
  const voterId = voter;
  const owned = signal(readJson<Record<string, OwnedComment>>('owned', {}));
  const votes = signal(new Set(readJson<string[]>('votes', [])));
  // Edits on their way: the server may hold the comment again, and its delete event can come first.
  const editing = new Set<string>();
  const held = signal(readJson<Comment[]>('held', []).filter((c) => Date.now() - Date.parse(c.createdAt) < WEEK));
  const saveHeld = (next: Comment[]) => {
    held.value = next;
    storage.set('held', next.length ? JSON.stringify(next) : null);
  };
  const saveOwned = (next: Record<string, OwnedComment>) => {
    // Tokens past their window are useless: drop them so storage does not grow forever.
    const now = Date.now();
    owned.value = Object.fromEntries(Object.entries(next).filter(([, o]) => o.until > now));
    storage.set('owned', JSON.stringify(owned.value));
  };
  return {
    ...fields,
    owned,
    votes,
    held,
    voterId: () => voterId,
    setIdentity(field, value) {
      fields[field].value = value;
    },
    rememberIdentity() {
      const [name, email, website] = [fields.name.value, fields.email.value, fields.website.value].map((v) => v.trim());
      storage.set('identity', JSON.stringify({ name, email, website }));
    },
    own: (id, o) => saveOwned({ ...readJson<Record<string, OwnedComment>>('owned', owned.value), [id]: o }),
    disown(id) {
      const { [id]: _gone, ...rest } = readJson<Record<string, OwnedComment>>('owned', owned.value);
      saveOwned(rest);
    },
    setVoted(id, voted) {
      const next = new Set(readJson<string[]>('votes', [...votes.value]));
      if (voted) next.add(id);
      else next.delete(id);
      votes.value = next;
      // Keep the newest few thousand; an old vote forgotten only shows as not pressed.
      storage.set('votes', JSON.stringify([...next].slice(-5000)));
    },
    hold: (comment) => saveHeld([...readJson<Comment[]>('held', []).filter((c) => c.id !== comment.id), comment]),
    setEditing(id, isEditing) {
      if (isEditing) editing.add(id);
      else editing.delete(id);
    },
    keeps: (id) => editing.has(id) || held.value.some((c) => c.id === id),
    releaseHeld(ids) {
      if (ids.length) saveHeld(readJson<Comment[]>('held', []).filter((c) => !ids.includes(c.id)));
    },
    reload() {
      held.value = readJson('held', []);
      owned.value = readJson('owned', {});
      votes.value = new Set(readJson<string[]>('votes', []));
    },
  };
});

/** An instance of ReaderModel. */
export type ReaderModel = InstanceType<typeof ReaderModel>;
