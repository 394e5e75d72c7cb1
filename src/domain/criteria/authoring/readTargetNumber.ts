/**
 * A target cell's text read as a number the Vietnamese way (domain/sheet/parseVietnameseNumber):
 * "29,68" is 29.68, "1.680" is 1680, "85 %" is 85 for a percent indicator, "3 km" is 3 when the
 * indicator's unit is km.
 * Invariant: a text is read for what it says or refused with what to write, never multiplied: a
 * decimal point ("92.5") is read as 92.5 and flagged as ambiguous at its cell; a range ("30–35"),
 * a unit the indicator does not use, or "%" on an indicator that is not a percent is refused.
 */
import { parseVietnameseNumber } from "../../sheet/parseVietnameseNumber";

export interface TargetCellProblem {
  vi: string;
  en: string;
}

export type TargetNumber =
  { ok: true; value: number; warning?: TargetCellProblem } | { ok: false; error: TargetCellProblem };

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** How a Vietnamese writer puts 92.5: with a decimal comma. */
function vietnamese(n: number): string {
  return String(n).replace(".", ",");
}

function ambiguityWarning(text: string, value: number, why: string): TargetCellProblem {
  if (why === "decimal-point")
    return {
      vi: `"${text}" được đọc là ${vietnamese(value)} (dấu chấm hiểu là dấu thập phân); nếu đúng, ghi "${vietnamese(value)}" cho rõ; nếu dấu chấm ngăn hàng nghìn, ghi số không có dấu chấm`,
      en: `"${text}" was read as ${value} (the dot taken as a decimal point); if that is right, write "${vietnamese(value)}" to be clear; if the dot groups thousands, write the number without it`,
    };
  return {
    vi: `"${text}" được đọc là ${vietnamese(value)} nhưng có thể hiểu khác (${why}); ghi số kiểu Việt Nam: dấu phẩy thập phân, dấu chấm ngăn hàng nghìn (ví dụ 1.680 hoặc 29,68)`,
    en: `"${text}" was read as ${value} but may mean something else (${why}); write the number the Vietnamese way: decimal comma, dot for thousands (e.g. 1.680 or 29,68)`,
  };
}

/** `text` (not "?" and not empty) as the target of an indicator of `kind` measured in `unit`. */
export function readTargetNumber(
  text: string,
  kind: string | undefined,
  unit: string | undefined,
): TargetNumber {
  const r = parseVietnameseNumber(text);
  if (!r)
    return {
      ok: false,
      error: {
        vi: `"${text}" không phải số; ghi một số (ví dụ 90 hoặc 29,68), hoặc "?" nếu chưa biết`,
        en: `"${text}" is not a number; write a number (e.g. 90 or 29,68), or "?" when not known`,
      },
    };
  if (r.kind === "range")
    return {
      ok: false,
      error: {
        vi: `"${text}" là một khoảng; mức chỉ tiêu là một số: ghi mức phải đạt (ví dụ ${vietnamese(r.low)}) và chọn phép so sánh ở cột op`,
        en: `"${text}" is a range; a target is one number: write the level to reach (e.g. ${r.low}) and choose the comparison in the op column`,
      },
    };
  if (r.percent && kind !== "percent")
    return {
      ok: false,
      error: {
        vi: `"${text}" có dấu %, nhưng chỉ tiêu không phải loại phần trăm (${kind ?? "?"}); ghi số không có %${unit ? `, tính bằng ${unit}` : ""}, hoặc đổi cột kind thành percent`,
        en: `"${text}" carries %, but the indicator is not a percent (${kind ?? "?"}); write the number without %${unit ? `, in ${unit}` : ""}, or change the kind column to percent`,
      },
    };
  if (r.unit !== undefined && (unit === undefined || fold(r.unit) !== fold(unit)))
    return {
      ok: false,
      error: {
        vi: `"${text}" ghi đơn vị "${r.unit}"${unit ? `, khác đơn vị của chỉ tiêu (${unit})` : ", nhưng chỉ tiêu không có đơn vị"}; ghi số không kèm đơn vị${unit ? `, đã đổi sang ${unit}` : ""}`,
        en: `"${text}" gives the unit "${r.unit}"${unit ? `, not the indicator's unit (${unit})` : ", but the indicator has no unit"}; write the number alone${unit ? `, converted to ${unit}` : ""}`,
      },
    };
  return r.ambiguous
    ? { ok: true, value: r.value, warning: ambiguityWarning(text, r.value, r.ambiguous) }
    : { ok: true, value: r.value };
}
