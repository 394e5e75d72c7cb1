/**
 * Folding Vietnamese text for comparison: lower case, no diacritics, "đ" → "d", runs of white
 * space (including line breaks inside header cells) collapsed to one space.
 * Invariant: fold(fold(s)) === fold(s), and ASCII-only text skips the Unicode normalisation
 * (most cells of a workbook are ASCII digits or already folded text, so this is the hot path).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

export function foldVietnamese(s: string): string {
  let t = s;
  if (hasNonAscii(t)) {
    t = t.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d");
    // Non-breaking and other Unicode spaces collapse like ordinary ones below.
  }
  return t.toLowerCase().replace(SPACES, " ").trim();
}

/** Tokens of folded text: letters and digits only, for name similarity. */
export function foldedTokens(s: string): string[] {
  const out: string[] = [];
  for (const tok of foldVietnamese(s).split(/[^a-z0-9]+/)) if (tok) out.push(tok);
  return out;
}
