/** Limits the server enforces and the widget checks before sending (same numbers, one place). */
export const LIMITS = {
  /** Characters (Unicode code points) in a comment body. */
  bodyChars: 10_000,
  /** Characters in an author name. */
  nameChars: 80,
  /** Characters in an email address and a website URL. */
  emailChars: 254,
  websiteChars: 300,
  /** Characters in an Idempotency-Key, X-Edit-Token and X-Voter-Id. */
  headerTokenChars: 128,
  /** Characters in a thread key. */
  threadKeyChars: 512,
  /** Characters in a page title sent with a comment. */
  pageTitleChars: 300,
  /** Characters in a page URL sent with a comment. */
  pageUrlChars: 2048,
  /** Top-level comments per page a client may ask for (`limit`). */
  pageMax: 200,
  /** Top-level comments answered when a client asks for no page (the whole thread, up to this). */
  unpagedMax: 1000,
  /** Thread keys in one `GET /api/counts`. */
  countsMax: 100,
  /** Characters in an anchor's quoted text, and in its prefix and suffix. */
  anchorExactChars: 1000,
  anchorContextChars: 64,
  /** Anchor keys in one `GET /api/comments?anchor=…`. */
  anchorsMax: 50,
  /** Bytes in a request body; larger requests get 413 before parsing. */
  requestBytes: 64 * 1024,
} as const;

/** Length in Unicode code points, so an emoji counts once on both sides. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
