/** Limits the server enforces and the widget checks before sending (same numbers, one place). */
export declare const LIMITS: {
  /** Characters (Unicode code points) in a comment body. */
  readonly bodyChars: 10000;
  /** Characters in an author name. */
  readonly nameChars: 80;
  /** Characters in an email address and a website URL. */
  readonly emailChars: 254;
  readonly websiteChars: 300;
  /** Characters in an Idempotency-Key, X-Edit-Token and X-Voter-Id. */
  readonly headerTokenChars: 128;
  /** Characters in a thread key. */
  readonly threadKeyChars: 512;
  /** Characters in a page title sent with a comment. */
  readonly pageTitleChars: 300;
  /** Characters in a page URL sent with a comment. */
  readonly pageUrlChars: 2048;
  /** Top-level comments per page a client may ask for (`limit`). */
  readonly pageMax: 200;
  /** Top-level comments answered when a client asks for no page (the whole thread, up to this). */
  readonly unpagedMax: 1000;
  /** Thread keys in one `GET /api/counts`. */
  readonly countsMax: 100;
  /** Characters in an anchor's quoted text, and in its prefix and suffix. */
  readonly anchorExactChars: 1000;
  readonly anchorContextChars: 64;
  /** Anchor keys in one `GET /api/comments?anchor=…`. */
  readonly anchorsMax: 50;
  /** Bytes in a request body; larger requests get 413 before parsing. */
  readonly requestBytes: number;
};
/** Length in Unicode code points, so an emoji counts once on both sides. */
export declare function countChars(text: string): number;
