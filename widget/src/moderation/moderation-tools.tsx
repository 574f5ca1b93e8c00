/** The in-place moderation chunk (loaded by moderation-slot.ts for signed-in moderators only). */
import type { ThreadView } from '../state/thread-view.ts';
import { HeldComments } from './HeldComments.tsx';
import { ModerationControls } from './ModerationControls.tsx';
import { createModerationModel } from './moderation-model.ts';
import type { ModerationTools } from './moderation-slot.ts';

/** The tools for one thread view: a model over the admin API, and components bound to it. */
export function createModerationTools(view: ThreadView): ModerationTools {
  const model = createModerationModel(view.session, view.session.backend.adminApi!);
  return {
    // The translator is read at render, so a language switch reaches the tools too.
    Controls: ({ comment }) => <ModerationControls comment={comment} model={model} t={view.session.t.value} />,
    Held: () => <HeldComments model={model} t={view.session.t.value} />,
    dispose: () => model.dispose(),
  };
}
