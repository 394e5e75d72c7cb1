/**
 * What the numbering cell of a row says: a group ("I", "II", "Phần I"), a criterion ("Tiêu chí 17",
 * "TC 17", "17"), an indicator code ("17.8", "17,8", "17.8."), a letter ("a)", "b."), a bullet
 * ("-", "+", "•"), nothing, or other text.
 * Invariant: the label alone decides the kind; whether a plain "17" is a criterion or the 17th item
 * of a list is the table reader's call, made from the row's other cells.
 */
import { foldVietnamese } from "./foldVietnamese";
import { memoiseByText } from "./memoiseByText";

export type RowLabel =
  | { kind: "group"; text: string }
  | { kind: "integer"; n: number }
  | { kind: "criterion"; code: string }
  | { kind: "indicator"; code: string }
  | { kind: "letter"; index: number }
  | { kind: "bullet" }
  | { kind: "none" }
  | { kind: "other"; text: string };

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const CRITERION = /^(?:tieu chi|tc)\s*(?:so\s*)?(\d{1,2})\s*[.:)-]?$/;
const CODE = /^(\d{1,2})[.,](\d{1,2})(?:[.,](\d{1,2}))?\.?$/;
const LETTER = /^([a-z])\s*[).]$/;
const BULLETS = new Set(["-", "+", "•", "–", "—", "*", "·", "o"]);

/** The label of a numbering cell (remembered per text; the result is shared and read-only). */
export const parseRowLabel = memoiseByText(parseRowLabelUncached);

function parseRowLabelUncached(text: string): RowLabel {
  const t = text.trim();
  if (t === "") return { kind: "none" };
  if (t.length > 40) return { kind: "other", text: t };
  if (BULLETS.has(t)) return { kind: "bullet" };
  if (/^\d{1,3}\.?$/.test(t)) return { kind: "integer", n: parseInt(t, 10) };
  const code = CODE.exec(t);
  if (code)
    return {
      kind: "indicator",
      code: code
        .slice(1)
        .filter(Boolean)
        .map((p) => String(Number(p)))
        .join("."),
    };
  if (isRomanGroup(t)) return { kind: "group", text: t };
  const folded = foldVietnamese(t);
  const crit = CRITERION.exec(folded);
  if (crit) return { kind: "criterion", code: String(Number(crit[1])) };
  const letter = LETTER.exec(folded);
  if (letter) return { kind: "letter", index: letter[1].charCodeAt(0) - 96 };
  return { kind: "other", text: t };
}

/**
 * A code written at the start of a name cell when there is no numbering column:
 * "17.8. Tỷ lệ hộ …", "Tiêu chí 17: Môi trường …", "a) Xã có điểm …". Returns the label and the
 * rest of the text.
 */
export const splitLeadingLabel = memoiseByText(splitLeadingLabelUncached, 5000, 400);

function splitLeadingLabelUncached(text: string): { label: RowLabel; rest: string } | undefined {
  const t = text.trim();
  let m = /^(\d{1,2}[.,]\d{1,2}(?:[.,]\d{1,2})?)[.):]?\s+(\S[\s\S]*)$/.exec(t);
  if (m) return { label: parseRowLabel(m[1]), rest: m[2] };
  const folded = foldVietnamese(t);
  m = /^(tieu chi|tc)\s*(?:so\s*)?(\d{1,2})\s*[.:)-]\s*/.exec(folded);
  if (m) {
    return { label: { kind: "criterion", code: String(Number(m[2])) }, rest: restAfterWords(t, m[0]) };
  }
  m = /^([a-z])\)\s+/.exec(folded);
  if (m) return { label: { kind: "letter", index: m[1].charCodeAt(0) - 96 }, rest: t.slice(m[0].length) };
  m = /^(\d{1,2})[.)]\s+(\S[\s\S]*)$/.exec(t);
  if (m) return { label: { kind: "integer", n: Number(m[1]) }, rest: m[2] };
  m = /^[-+•–]\s+(\S[\s\S]*)$/.exec(t);
  if (m) return { label: { kind: "bullet" }, rest: m[1] };
  return undefined;
}

/** Cuts the original text after as many characters as the folded prefix had (folding keeps length for NFC Vietnamese letters). */
function restAfterWords(original: string, foldedPrefix: string): string {
  return original.slice(foldedPrefix.length).trim();
}

/** "I", "II.", "IV", "Phần II", "Nhóm III" (upper-case numerals only: a lower-case "x" is a mark). */
function isRomanGroup(t: string): boolean {
  let s = t.replace(/\.$/, "");
  const f = foldVietnamese(s);
  if (f.startsWith("phan ") || f.startsWith("nhom ")) s = s.slice(5).trim();
  if (s === "" || s !== s.toUpperCase()) return false;
  return ROMAN.test(s);
}
