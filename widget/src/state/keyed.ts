import { effect, type Signal, signal } from '@preact/signals';

/**
 * Per-comment views of a thread-wide value. `keyed(lookup)(id)` reads like `lookup()(id)`, but a
 * component that calls it depends only on that id's answer: opening a reply form re-renders the
 * two comments whose answer changed, not every comment of a 5,000-comment thread.
 */
export function keyed<V>(lookup: () => (id: string) => V): (id: string) => V {
  const views = new Map<string, Signal<V>>();
  let current: (id: string) => V = () => undefined as V;
  // On every change of the source, each view is asked again; only changed answers notify.
  effect(() => {
    current = lookup();
    for (const [id, view] of views) view.value = current(id);
  });
  return (id) => {
    let view = views.get(id);
    if (!view) {
      view = signal(current(id));
      views.set(id, view);
    }
    return view.value;
  };
}
