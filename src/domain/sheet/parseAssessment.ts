/**
 * Met / not-met words as communes write them: "Đạt", "Chưa đạt", "Đ", "CĐ", "x", "Có", "Không",
 * "Chưa có", "Không đạt", with or without diacritics and in any case.
 * Invariant: only whole-cell words count; prose that merely contains "đạt" ("Đạt 2/3 trường")
 * is not an assessment, so it cannot be mistaken for one.
 */
import { foldVietnamese } from "./foldVietnamese";
import { memoiseByText } from "./memoiseByText";

const MET = new Set([
  "dat",
  "d",
  "x",
  "co",
  "v",
  "✓",
  "✔",
  "yes",
  "met",
  "da dat",
  "hoan thanh",
  "dat chuan",
  "đ",
]);
const UNMET = new Set([
  "chua dat",
  "cd",
  "c.d",
  "khong",
  "khong dat",
  "chua co",
  "chua",
  "k",
  "no",
  "chua hoan thanh",
  "chua dat chuan",
  "✗",
  "✘",
  "kd",
  "k.d",
]);

/** true = met, false = not met, undefined = not an assessment word (remembered per text). */
export const parseAssessmentWord = memoiseByText(parseAssessmentWordUncached);

function parseAssessmentWordUncached(text: string): boolean | undefined {
  const f = foldVietnamese(text).replace(/[.!]+$/, "");
  if (f.length === 0 || f.length > 20) return undefined;
  if (MET.has(f)) return true;
  if (UNMET.has(f)) return false;
  return undefined;
}
