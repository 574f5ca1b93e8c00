/**
 * Which comments of an export a reader sees: nothing held or rejected, nor anything under such a
 * comment (the server hides it with them until they are approved); a deleted comment only as the
 * placeholder of a published one below it, at any depth. The static adapter draws an export by it,
 * and `threadline-server export --public` writes only these.
 */
export function shownComments<C extends { id: string; parentId: string | null; status: string }>(comments: readonly C[]): C[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  // The comment and its ancestors, stopping at a missing parent or a cycle.
  const line = (c: C): C[] => {
    const seen = new Set<C>();
    for (let at: C | undefined = c; at && !seen.has(at); at = at.parentId === null ? undefined : byId.get(at.parentId)) seen.add(at);
    return [...seen];
  };
  const kept = new Set<string>();
  for (const c of comments) {
    if (c.status !== 'published') continue;
    const up = line(c);
    if (up.some((a) => a.status === 'pending' || a.status === 'rejected')) continue;
    for (const a of up) kept.add(a.id);
  }
  return comments.filter((c) => kept.has(c.id));
}
