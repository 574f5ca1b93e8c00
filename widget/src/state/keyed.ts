import { computed, type ReadonlySignal } from '@preact/signals';

/**
 * Per-comment views of a thread-wide value. `keyed(lookup)(id)` reads like `lookup()(id)`, but a
 * component that calls it depends only on that id's answer: opening a reply form re-renders the
 * two comments whose answer changed, not every comment of a 5,000-comment thread.
 *
 * Each id's view is a computed over one shared computed of the lookup, so nothing runs on its own:
 * there is no effect to dispose, and views nobody reads any more stop following the source.
 * Call it while rendering or in an effect, never from inside a model's action (actions read untracked).
 */
export function keyed<V>(lookup: () => (id: string) => V): (id: string) => V {
  const current = computed(lookup);
  const views = new Map<string, ReadonlySignal<V>>();
  return (id) => {
    let view = views.get(id);
    if (!view) {
      view = computed(() => current.value(id));
      views.set(id, view);
    }
    return view.value;
  };
}
