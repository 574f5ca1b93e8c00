/** Counts which comments a component tree re-renders, through Preact's render hook (no timing). */
import { type FunctionComponent, options, type VNode } from 'preact';

/** Preact calls `__r` (its mangled `_render` option) just before a component renders; @preact/signals hooks the same one. */
type RenderHook = { __r?: ((vnode: VNode) => void) | undefined };

/** The comment ids `component` rendered since the last `reset()`, in order. */
export interface RenderLog {
  readonly ids: string[];
  reset(): void;
  stop(): void;
}

/** Records every render of `component`, by the id of the comment in its `node` prop. */
export function countRenders(component: FunctionComponent<never>): RenderLog {
  const hooks = options as RenderHook;
  const previous = hooks.__r;
  const ids: string[] = [];
  hooks.__r = (vnode) => {
    if (vnode.type === component) ids.push((vnode.props as unknown as { node: { comment: { id: string } } }).node.comment.id);
    previous?.(vnode);
  };
  return {
    ids,
    reset: () => void ids.splice(0),
    stop: () => {
      hooks.__r = previous;
    },
  };
}
