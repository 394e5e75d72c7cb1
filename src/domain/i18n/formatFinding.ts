/**
 * Messages for findings, Vietnamese and English. Each message says where (sheet!cell), what is
 * wrong, whose target judged it (official confirmed, official unchecked, or the commune's own), and
 * what to do. Findings are data; this is the only place they become sentences.
 */
import type {
  Finding,
  FindingOf,
  FindingParam,
  FindingParams,
  FindingParamsByType,
  TargetParams,
} from "../review/finding";
import { COMPARISON_SYMBOL } from "./comparisonSymbol";
import { renderRhythmFinding } from "../rhythm/rhythmMessages";
import { formatGap } from "./formatGap";
import { formatNumber, type Lang } from "./formatNumber";

function str(p: FindingParam | undefined): string {
  return p === null || p === undefined ? "" : String(p);
}

function formatValue(v: FindingParam | undefined, unit: FindingParam | undefined, lang: Lang): string {
  if (v === null || v === undefined) return lang === "vi" ? "(trống)" : "(blank)";
  if (typeof v === "boolean") return lang === "vi" ? (v ? "Có" : "Không") : v ? "yes" : "no";
  if (typeof v === "number") return unit ? `${formatNumber(v, lang)} ${unit}` : formatNumber(v, lang);
  return unit ? `${v} ${unit}` : v;
}

/** A target as written: "≥ 80 %", "Đạt"; by default the judging target of `p`. */
function formatTarget(
  p: TargetParams,
  lang: Lang,
  own?: { op: string; value: FindingParam | undefined; unit: FindingParam | undefined },
): string {
  const { op, value, unit } = own ?? { op: str(p.op), value: p.target, unit: p.targetUnit };
  if (op === "yes") return lang === "vi" ? "Đạt" : "met (Đạt)";
  const v = formatValue(value, unit, lang);
  const symbol = COMPARISON_SYMBOL[op];
  return symbol ? `${symbol} ${v}` : v;
}

/** Whose target it is, said every time (the product never passes a commune's number off as official). */
export function formatTargetSource(
  p: Pick<TargetParams, "source" | "decision" | "article">,
  lang: Lang,
): string {
  const decision = str(p.decision);
  const article = p.article ? `, ${str(p.article)}` : "";
  switch (p.source) {
    case "official-verified":
      return lang === "vi"
        ? `chỉ tiêu chính thức theo ${decision}${article}`
        : `official target, ${decision}${article}`;
    case "official-unverified":
      return lang === "vi"
        ? `mức theo ${decision}${article}, chưa đối chiếu với văn bản`
        : `per ${decision}${article}, not yet checked against the decision text`;
    case "workbook":
      return lang === "vi"
        ? "chỉ tiêu do xã tự ghi trong bảng tính, chưa phải chỉ tiêu chính thức đã xác nhận"
        : "the commune's own target from the workbook, not a confirmed official one";
    default:
      return lang === "vi" ? "chưa có chỉ tiêu" : "no target";
  }
}

function where(f: Finding): string {
  if (f.sheet && f.cell) return `[${f.sheet}!${f.cell}] `;
  if (f.cell) return `[${f.cell}] `;
  if (f.sheet) return `[${f.sheet}] `;
  return "";
}

function subject(f: Finding, lang: Lang): string {
  if (f.indicator) return lang === "vi" ? `Chỉ tiêu ${f.indicator}` : `Indicator ${f.indicator}`;
  return lang === "vi" ? "Ô này" : "This cell";
}

/** Each type's sentence, from its own params (typed per type: no param is read that is not made). */
type Renderers = {
  [T in keyof FindingParamsByType]: (f: FindingOf<T>, p: FindingParams<T>, lang: Lang) => string;
};

const RENDER: Renderers = {
  "indicator/unmet": (f, p, lang) => {
    const gap =
      typeof p.gap === "number" && p.gapDirection
        ? `; ${formatGap({ amount: p.gap, unit: str(p.gapUnit) || undefined, direction: p.gapDirection }, lang)}`
        : "";
    if (typeof p.target === "boolean" || p.op === "yes") {
      const want = formatValue(p.op === "yes" ? true : p.target, null, lang);
      return lang === "vi"
        ? `${subject(f, lang)}: chưa đạt — kết quả “${formatValue(p.value, null, lang)}”, yêu cầu “${want}” (${formatTargetSource(p, lang)}). Hoàn thành nội dung này để đạt chuẩn.`
        : `${subject(f, lang)}: not met — the result is "${formatValue(p.value, null, lang)}", "${want}" is required (${formatTargetSource(p, lang)}). Complete this item to meet it.`;
    }
    return lang === "vi"
      ? `${subject(f, lang)}: kết quả ${formatValue(p.value, p.unit, lang)} chưa đạt mức ${formatTarget(p, lang)} (${formatTargetSource(p, lang)})${gap}. Đưa phần còn thiếu vào kế hoạch để đạt chuẩn.`
      : `${subject(f, lang)}: ${formatValue(p.value, p.unit, lang)} does not meet ${formatTarget(p, lang)} (${formatTargetSource(p, lang)})${gap}. Plan the remaining work to meet it.`;
  },
  "indicator/unknown-target": (f, p, lang) =>
    lang === "vi"
      ? `${subject(f, lang)}: chưa có chỉ tiêu để so sánh kết quả ${formatValue(p.value, p.unit, lang)} — bộ tiêu chí chưa có mức đã xác nhận và bảng tính không ghi chỉ tiêu. Ghi chỉ tiêu vào cột “Chỉ tiêu” của bảng tính, hoặc dùng bộ tiêu chí do tỉnh ban hành.`
      : `${subject(f, lang)}: there is no target to judge ${formatValue(p.value, p.unit, lang)} against — the criteria set has no confirmed level and the workbook states none. Write the target in the workbook's target column, or use the province's authored set.`,
  "indicator/not-applicable": (f, p, lang) =>
    lang === "vi"
      ? `${subject(f, lang)}: không áp dụng — bảng tính ghi “${str(p.raw)}”, chỉ tiêu này chỉ áp dụng cho xã có nội dung đó (“nếu có”). Không tính vào kết quả tiêu chí; không cần sửa.`
      : `${subject(f, lang)}: not applicable — the workbook states "${str(p.raw)}", and the indicator applies only where there is such a thing ("nếu có"). Left out of the criterion's result; nothing to correct.`,
  "target/weaker-than-official": (f, p, lang) => {
    const wb = formatTarget(p, lang, { op: p.workbookOp, value: p.workbookTarget, unit: p.targetUnit });
    const off = formatTarget(p, lang);
    return lang === "vi"
      ? `${subject(f, lang)}: bảng tính ghi chỉ tiêu ${wb}, thấp hơn mức ${off} (${formatTargetSource(p, lang)}). Sửa chỉ tiêu trong bảng tính theo mức ${off}.`
      : `${subject(f, lang)}: the workbook's target ${wb} is weaker than ${off} (${formatTargetSource(p, lang)}). Change the workbook's target to ${off}.`;
  },
  "self-assessment/mismatch": (f, p, lang) => {
    if ("statedProgress" in p) {
      const stated = formatNumber(Number(p.statedProgress), lang);
      const computed = formatNumber(Number(p.computedProgress), lang, 1);
      return lang === "vi"
        ? `${str(p.unit)}: bảng tính ghi tỷ lệ tiêu chí đạt ${stated} % nhưng tính được ${computed} % (${str(p.met)}/${str(p.total)} tiêu chí đạt). Sửa tỷ lệ cho khớp với các tiêu chí.`
        : `${str(p.unit)}: the sheet states ${stated} % of criteria met but ${computed} % is computed (${str(p.met)}/${str(p.total)} met). Correct the stated share.`;
    }
    const value = formatValue(p.value, p.unit, lang);
    const at = p.valueCell
      ? lang === "vi"
        ? ` (ô ${str(p.valueCell)})`
        : ` (cell ${str(p.valueCell)})`
      : "";
    const target = formatTarget(p, lang);
    const source = formatTargetSource(p, lang);
    if (p.selfAssessment === "met")
      return lang === "vi"
        ? `${subject(f, lang)}: tự đánh giá “Đạt” nhưng kết quả ${value}${at} chưa đạt mức ${target} (${source}). Sửa tự đánh giá thành “Chưa đạt”, hoặc kiểm tra lại số liệu.`
        : `${subject(f, lang)}: self-assessed "Đạt" (met) but ${value}${at} does not meet ${target} (${source}). Change the self-assessment to "Chưa đạt", or check the figure.`;
    return lang === "vi"
      ? `${subject(f, lang)}: tự đánh giá “Chưa đạt” nhưng kết quả ${value}${at} đã đạt mức ${target} (${source}). Sửa tự đánh giá thành “Đạt”, hoặc kiểm tra lại số liệu.`
      : `${subject(f, lang)}: self-assessed "Chưa đạt" (not met) but ${value}${at} meets ${target} (${source}). Change the self-assessment to "Đạt", or check the figure.`;
  },
  "value/out-of-range": (f, p, lang) => {
    const v = formatValue(p.value, p.unit, lang);
    const percent = p.kind === "percent" || p.unit === "%";
    return lang === "vi"
      ? `${subject(f, lang)}: kết quả ${v} không thể có${percent ? " (tỷ lệ phải từ 0 đến 100 %)" : " (không được âm)"}. Kiểm tra và sửa số liệu trong ô.`
      : `${subject(f, lang)}: ${v} is impossible${percent ? " (a share lies between 0 and 100 %)" : " (it cannot be negative)"}. Check and correct the figure in the cell.`;
  },
  "value/unreadable": (f, p, lang) =>
    p.reason === "not-applicable"
      ? lang === "vi"
        ? `${subject(f, lang)}: bảng tính ghi “${str(p.raw)}” (không áp dụng), nhưng chỉ tiêu này áp dụng cho mọi xã. Ghi kết quả thực hiện (số liệu hoặc Đạt / Chưa đạt).`
        : `${subject(f, lang)}: the workbook states "${str(p.raw)}" (not applicable), but this indicator applies to every commune. Write the result (a figure, or Đạt / Chưa đạt).`
      : lang === "vi"
        ? `${subject(f, lang)}: không đọc được “${str(p.text ?? p.raw)}”. Ghi một số (ví dụ 85,5 % hoặc 1.250 m) hoặc Đạt / Chưa đạt.`
        : `${subject(f, lang)}: cannot read "${str(p.text ?? p.raw)}". Write a number (e.g. 85,5 % or 1.250 m) or Đạt / Chưa đạt.`,
  "value/ambiguous": (f, p, lang) =>
    lang === "vi"
      ? `${subject(f, lang)}: “${str(p.text ?? p.raw)}” có thể hiểu theo nhiều cách${p.reading ? ` (đã hiểu là ${str(p.reading)})` : ""}. Ghi rõ số liệu để tránh nhầm.`
      : `${subject(f, lang)}: "${str(p.text ?? p.raw)}" can be read more than one way${p.reading ? ` (read as ${str(p.reading)})` : ""}. Write the figure unambiguously.`,
  "mapping/unmatched-row": (f, p, lang) =>
    lang === "vi"
      ? `Dòng “${str(p.text ?? p.label)}” không khớp với chỉ tiêu nào của bộ tiêu chí. Ghi mã chỉ tiêu (ví dụ 17.1) ở cột TT, hoặc sửa tên cho đúng bộ tiêu chí.`
      : `Row "${str(p.text ?? p.label)}" matches no indicator of the criteria set. Write the indicator code (e.g. 17.1) in the TT column, or correct the name.`,
  "mapping/missing-indicator": (f, _p, lang) =>
    lang === "vi"
      ? `${subject(f, lang)} không có trong bảng tính. Thêm một dòng cho chỉ tiêu này cùng kết quả thực hiện.`
      : `${subject(f, lang)} is missing from the workbook. Add a row for it with its result.`,
  "mapping/duplicate-indicator": (f, p, lang) =>
    lang === "vi"
      ? `${subject(f, lang)} xuất hiện nhiều lần${p.first ? ` (cả ô ${str(p.first)})` : ""}. Giữ một dòng và xóa dòng trùng.`
      : `${subject(f, lang)} appears more than once${p.first ? ` (also cell ${str(p.first)})` : ""}. Keep one row and remove the duplicate.`,
  "set/period-mismatch": (_f, p, lang) =>
    lang === "vi"
      ? `Bảng tính ghi theo ${str(p.tableSetTitle)} nên được kiểm tra theo bộ đó; kỳ ${str(p.period)} áp dụng ${str(p.inForceSetTitle)}. Chuyển bảng sang bộ tiêu chí đang áp dụng, hoặc chọn bộ tiêu chí khi kiểm tra (--set).`
      : `The workbook follows ${str(p.tableSetTitleEn)} and is checked by that set; for ${str(p.period)} the set in force is ${str(p.inForceSetTitleEn)}. Move the table to the set in force, or choose the set when checking (--set).`,
  "mapping/ambiguous-column": (_f, p, lang) =>
    p.role === "target"
      ? lang === "vi"
        ? `Bảng có chỉ tiêu theo ${p.reason === "group-unknown" ? "nhóm xã" : "vùng"} nhưng không rõ xã thuộc ${p.reason === "group-unknown" ? "nhóm" : "vùng"} nào: đã dùng cột ${str(p.column)}. Ghi rõ ${p.reason === "group-unknown" ? "nhóm xã" : "vùng"} ở tiêu đề biểu.`
        : `The table gives targets by ${p.reason === "group-unknown" ? "commune group" : "region"} but not which applies to this commune: column ${str(p.column)} was used. State the ${p.reason === "group-unknown" ? "group" : "region"} in the title.`
      : lang === "vi"
        ? `Không chắc cột nào là kết quả thực hiện: đã đọc cột ${str(p.column)}, nhưng cột ${str(p.otherColumn)} cũng giống. Ghi rõ tiêu đề cột (ví dụ “Kết quả thực hiện”, “Tự đánh giá”).`
        : `Unsure which column holds the results: read column ${str(p.column)}, but column ${str(p.otherColumn)} looks the same. Give the columns clear headers (e.g. "Kết quả thực hiện", "Tự đánh giá").`,
  "settings/invalid": (_f, p, lang) =>
    lang === "vi"
      ? `Thiết lập “${str(p.key)}” của bảng tính có giá trị “${str(p.value)}” không hợp lệ nên không được dùng. Sửa hoặc xóa dòng này trong trang “_ntm” (hoặc thuộc tính tùy chỉnh của tệp).`
      : `The workbook setting "${str(p.key)}" holds "${str(p.value)}", which is not valid, so it was not used. Correct or delete it in the "_ntm" sheet (or the file's custom properties).`,
};

/** The sentence of `f`: the compiler checks that every type has its case. */
function body(f: Finding, lang: Lang): string {
  switch (f.type) {
    case "indicator/unmet":
      return RENDER[f.type](f, f.params, lang);
    case "indicator/unknown-target":
      return RENDER[f.type](f, f.params, lang);
    case "indicator/not-applicable":
      return RENDER[f.type](f, f.params, lang);
    case "target/weaker-than-official":
      return RENDER[f.type](f, f.params, lang);
    case "self-assessment/mismatch":
      return RENDER[f.type](f, f.params, lang);
    case "value/out-of-range":
      return RENDER[f.type](f, f.params, lang);
    case "value/unreadable":
      return RENDER[f.type](f, f.params, lang);
    case "value/ambiguous":
      return RENDER[f.type](f, f.params, lang);
    case "mapping/unmatched-row":
      return RENDER[f.type](f, f.params, lang);
    case "mapping/missing-indicator":
      return RENDER[f.type](f, f.params, lang);
    case "mapping/duplicate-indicator":
      return RENDER[f.type](f, f.params, lang);
    case "set/period-mismatch":
      return RENDER[f.type](f, f.params, lang);
    case "mapping/ambiguous-column":
      return RENDER[f.type](f, f.params, lang);
    case "settings/invalid":
      return RENDER[f.type](f, f.params, lang);
    case "volume/cumulative-decreased":
    case "volume/outlier":
    case "volume/out-of-bounds":
    case "volume/share-over-100":
    case "volume/plan-below-last-done":
      return renderRhythmFinding(f, lang);
    default:
      // A type added to FindingType without a sentence fails to compile here; at run time (a
      // finding from a newer server) it is shown as its data rather than dropped.
      return JSON.stringify(f satisfies never);
  }
}

export function formatFinding(finding: Finding, lang: Lang = "vi"): string {
  return where(finding) + body(finding, lang);
}

/** Both languages, Vietnamese first, as the CLI and the task pane show them. */
export function formatFindingBilingual(finding: Finding): string {
  return `${formatFinding(finding, "vi")}\n  ${formatFinding(finding, "en").replace(/^\[[^\]]*\] /, "")}`;
}
