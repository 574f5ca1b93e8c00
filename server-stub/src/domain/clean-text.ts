/**
 * Text clean-up applied to everything a client sends, before limits are checked.
 * Invisible or control characters are how spoofed names and broken layouts get in.
 */

/** C0/C1 controls other than tab and newline, plus DEL. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates: they can reverse how a name or the text after it reads. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Well-formed (lone surrogates become U+FFFD), NFC, CRLF → LF, no control characters, trimmed. */
export function cleanBody(text: string): string {
  return text.toWellFormed().normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Like cleanBody, and on one line: no bidi controls, runs of white space folded to one space. */
export function cleanName(text: string): string {
  return text.toWellFormed().normalize('NFC').replace(CONTROL, ' ').replace(BIDI, '').replace(/\s+/g, ' ').trim();
}

/** True when a thread key has characters that do not belong in keys, URLs or logs. */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(text) || text !== text.toWellFormed();
}
