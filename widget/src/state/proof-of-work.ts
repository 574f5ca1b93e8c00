import type { CommentsBackend } from '../backend/backend.ts';
import { log } from '../log.ts';

/** The proof of work for the reader's next comment, on servers that ask for one (`features.pow`). */
export interface PowTicket {
  /** Starts fetching and solving in the background; cheap to call on every focus of a form. */
  prepare(): void;
  /** The solution for one comment (started now if need be), used up by taking it; undefined where none is needed. */
  take(): Promise<string | undefined>;
}

/**
 * Keeps one solution ready: fetched when the reader first focuses a form, solved in a worker while
 * they type, taken by the post. The solver is a chunk of its own, loaded only where the server asks.
 */
export function createPowTicket(backend: CommentsBackend, isRequired: () => boolean): PowTicket {
  let ready: Promise<string | undefined> | null = null;
  const solve = async (): Promise<string | undefined> => {
    if (!isRequired() || !backend.getChallenge) return undefined;
    const [challenge, { solveChallenge }] = await Promise.all([backend.getChallenge(), import('../backend/pow-solver.ts')]);
    return solveChallenge(challenge);
  };
  const start = () => {
    const attempt = solve();
    // A failure here is retried by the post that needs it; the form shows the post's error.
    attempt.catch((err: unknown) => log.warn('the anti-spam challenge could not be prepared', err));
    ready = attempt;
    return attempt;
  };
  return {
    prepare() {
      if (!ready && isRequired()) void start();
    },
    async take() {
      const attempt = ready ?? start();
      ready = null;
      try {
        return await attempt;
      } catch {
        // A failed background attempt (offline a moment ago): one fresh try, now that it is needed.
        return solve();
      }
    },
  };
}
