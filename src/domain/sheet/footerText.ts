/**
 * The words that open a table's footer (signatures, totals, notes): the reader stops at the first
 * such row, so a signature block is never read as an unmatched indicator.
 * Invariant: compared on folded text (no diacritics, lower case), by prefix.
 */
import { foldVietnamese } from "./foldVietnamese";
import { memoiseByText } from "./memoiseByText";

const FOOTER_PREFIXES = [
  "nguoi lap",
  "nguoi tong hop",
  "noi nhan",
  "tm.",
  "t/m",
  "tm ",
  "xac nhan",
  "chu tich",
  "truong thon",
  "ky ten",
  "tong hop:",
  "ghi chu:",
  "ket luan:",
  "so tieu chi dat",
  "ty le tieu chi dat",
  "tong so tieu chi",
  "muc tieu:",
  "kiem tra",
  "thu truong",
  "giam doc",
  "pho chu tich",
];

/** Whether a row's first text starts a footer (signatures, totals); remembered per text. */
export const isFooterText = memoiseByText((text: string): boolean => {
  const f = foldVietnamese(text);
  for (const p of FOOTER_PREFIXES) if (f.startsWith(p)) return true;
  return false;
});
