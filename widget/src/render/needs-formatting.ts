/** Syntax the Markdown renderer turns into markup; without any, plain text renders the same. */
const SYNTAX = /[*_`[\\]|https?:\/\/|^ {0,3}(>|[-+]\s|\d{1,9}[.)]\s|~~~)/im;

/** True when a body uses any syntax that would render as markup. */
export function needsFormatting(text: string): boolean {
  return SYNTAX.test(text);
}
