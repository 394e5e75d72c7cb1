/**
 * A workbook's own target text ("≥ 90%", ">= 90%", "100%", "1.500 m", "≤ 5%", "Đạt", "Không",
 * "≥ 47 triệu đồng/người/năm", "từ 80% trở lên") read into {op, value, unit}.
 * Invariant: the op is only what the text says; a bare number ("100%", "1.500 m") gets ">=" with
 * `opImplied: true`, so a caller that knows the indicator's direction (e.g. "≤" for poverty) can
 * override it.
 */
import { foldVietnamese } from "./foldVietnamese";
import { parseAssessmentWord } from "./parseAssessment";
import { parseVietnameseNumber } from "./parseVietnameseNumber";
import { memoiseByText } from "./memoiseByText";

export type TargetOp = ">=" | "<=" | ">" | "<" | "==";

export interface ParsedTarget {
  op: TargetOp;
  value: number | boolean;
  /** "%" for percent targets; otherwise the unit written after the number. */
  unit?: string;
  opImplied?: boolean;
}

const SYMBOL_OPS: [string, TargetOp][] = [
  [">=", ">="],
  ["=>", ">="],
  ["≥", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≤", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "=="],
];

// Word forms, folded; checked as prefixes ("tối thiểu 90%") or suffixes ("80% trở lên").
const WORD_PREFIX_OPS: [string, TargetOp][] = [
  ["toi thieu", ">="],
  ["it nhat", ">="],
  ["tu", ">="],
  ["tren", ">"],
  ["khong qua", "<="],
  ["khong vuot qua", "<="],
  ["toi da", "<="],
  ["duoi", "<"],
];
const WORD_SUFFIX_OPS: [string, TargetOp][] = [
  ["tro len", ">="],
  ["tro xuong", "<="],
];

/** The target a cell states (remembered per text; the result is shared and read-only). */
export const parseTarget = memoiseByText(parseTargetUncached);

function parseTargetUncached(text: string): ParsedTarget | undefined {
  let s = text.trim();
  if (s === "" || s.length > 120) return undefined;
  const word = parseAssessmentWord(s);
  if (word !== undefined) return { op: "==", value: word };
  let op: TargetOp | undefined;
  for (const [sym, o] of SYMBOL_OPS) {
    if (s.startsWith(sym)) {
      op = o;
      s = s.slice(sym.length).trim();
      break;
    }
  }
  if (!op) {
    const folded = foldVietnamese(s);
    for (const [w, o] of WORD_PREFIX_OPS) {
      if (folded.startsWith(w + " ")) {
        op = o;
        s = s
          .trim()
          .slice(s.trim().split(/\s+/, w.split(" ").length).join(" ").length)
          .trim();
        break;
      }
    }
    for (const [w, o] of WORD_SUFFIX_OPS) {
      if (foldVietnamese(s).endsWith(" " + w)) {
        op = op ?? o;
        s = s.slice(0, s.length - w.length).trim();
        break;
      }
    }
  }
  const n = parseVietnameseNumber(s);
  if (!n || n.kind !== "number") return undefined;
  const unit = n.percent ? "%" : n.unit;
  return { op: op ?? ">=", value: n.value, ...(unit ? { unit } : {}), ...(op ? {} : { opImplied: true }) };
}
