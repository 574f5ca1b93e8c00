/**
 * localStorage that never throws: pages may block storage (privacy modes, sandboxed iframes,
 * full quota), and the widget then simply forgets between visits.
 */
export const storage = {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(`threadline:${key}`) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) globalThis.localStorage?.removeItem(`threadline:${key}`);
      else globalThis.localStorage?.setItem(`threadline:${key}`, value);
    } catch {
      // Blocked or full: nothing to do but carry on.
    }
  },
};
