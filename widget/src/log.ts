/** Console output of the widget, prefixed so site owners can tell it from their own. */
export const log = {
  warn: (...args: unknown[]): void => console.warn('[threadline]', ...args),
  error: (...args: unknown[]): void => console.error('[threadline]', ...args),
};
