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

// Workbooks repeat the same short texts ("Đạt", "Chưa đạt", "≥ 90%"): remember their folding.
const memo = new Map<string, string>();
const MEMO_LIMIT = 20000;
const MEMO_MAX_LENGTH = 120;

export function foldVietnamese(s: string): string {
  if (s.length <= MEMO_MAX_LENGTH) {
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    const folded = foldUncached(s);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(s, folded);
    return folded;
  }
  return foldUncached(s);
}

// Precomposed Latin letters (Vietnamese uses U+00C0–U+024F and U+1EA0–U+1EFF) → folded base letter,
// built once with the Unicode decomposition so folding is one table lookup per character.
const FOLD = new Map<number, string>();
for (const [from, to] of [
  [0xc0, 0x24f],
  [0x1ea0, 0x1eff],
]) {
  for (let code = from; code <= to; code++) {
    const ch = String.fromCharCode(code);
    const base = ch.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
    if (base !== ch) FOLD.set(code, base);
  }
}
FOLD.set(0x111, "d"); // đ
FOLD.set(0x110, "d"); // Đ
// Ð / ð (Eth) stand in for Đ / đ in text converted from old Vietnamese encodings.
FOLD.set(0xd0, "d");
FOLD.set(0xf0, "d");

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x2007 ||
    code === 0x202f ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

function foldUncached(s: string): string {
  if (!hasNonAscii(s)) return s.toLowerCase().replace(SPACES, " ").trim();
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isSpace(code)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) continue; // a combining mark of decomposed text
    let piece: string;
    if (code < 128) piece = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : s[i];
    else piece = FOLD.get(code) ?? s[i].toLowerCase();
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += piece;
  }
  return out;
}

/** Tokens of folded text: letters and digits only, for name similarity. */
export function foldedTokens(s: string): string[] {
  const out: string[] = [];
  for (const tok of foldVietnamese(s).split(/[^a-z0-9]+/)) if (tok) out.push(tok);
  return out;
}
