/**
 * Where in-place moderation plugs into the thread (issue 16). This small part is in the main
 * bundle; the tools themselves (moderation-tools.tsx) are a separate chunk, loaded only once the
 * signed-in reader is a moderator, so readers never download them.
 */
import type { ComponentType } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Comment } from '../protocol/types.ts';
import type { SignedInReader } from '../state/signed-in-reader.ts';
import type { ThreadView } from '../state/thread-view.ts';

/** What the tools chunk gives the thread: controls on each comment, and the held comments. */
export interface ModerationTools {
  /** Approve / Reject / Feature / Delete / Ban for one comment. */
  Controls: ComponentType<{ comment: Comment }>;
  /** The thread's pending and reported comments, marked as such, each with its controls. */
  Held: ComponentType;
  /** Stops listening to the thread and forgets the moderator's lists. */
  dispose(): void;
}

/** The tools of the current view, or null for everyone who is not a moderator. */
export const ModerationContext = createContext<ModerationTools | null>(null);

/** The tools, inside a thread (null unless a moderator is signed in). */
export const useModeration = () => useContext(ModerationContext);

/** True when the site's token gives the reader the `moderator` role. */
export const isModerator = (reader: SignedInReader | null): boolean => !!reader?.roles.includes('moderator');

/**
 * Loads the tools chunk when a moderator signs in on a backend with a moderators' API, and
 * disposes them when they sign out or the view goes.
 */
export function useModerationTools(view: ThreadView): ModerationTools | null {
  const [tools, setTools] = useState<ModerationTools | null>(null);
  const isOn = isModerator(view.session.identity.value) && !!view.session.backend.adminApi;
  useEffect(() => {
    if (!isOn) return;
    let made: ModerationTools | null = null;
    let isGone = false;
    void import('./moderation-tools.tsx').then(({ createModerationTools }) => {
      if (isGone) return;
      made = createModerationTools(view);
      setTools(made);
    });
    return () => {
      isGone = true;
      made?.dispose();
      setTools(null);
    };
  }, [isOn, view]);
  return tools;
}
