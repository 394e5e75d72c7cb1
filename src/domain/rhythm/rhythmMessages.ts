/**
 * Sentences for the weekly rhythm, Vietnamese first: plausibility findings (both values and both
 * periods, and what to check; formatFinding puts the sheet!cell in front, as for every finding)
 * and the completeness statuses.
 */
import { formatQuantity, type Lang } from "../i18n/formatNumber";
import type { RhythmFinding } from "./rhythmFinding";
import type { SubmissionStatus } from "./completeness";

function q(v: unknown, unit: unknown, lang: Lang): string {
  return typeof v === "number" ? formatQuantity(v, typeof unit === "string" ? unit : null, lang) : "—";
}

const s = (x: unknown) => (x === null || x === undefined || x === "" ? "—" : String(x));

/** The sentence of a rhythm finding, without its [sheet!cell] prefix (formatFinding adds it). */
export function renderRhythmFinding(f: RhythmFinding, lang: Lang): string {
  const p = f.params;
  const item = String(p.item ?? f.indicator ?? "");
  const period = s(p.period);
  const prevPeriod = s(p.previousPeriod);
  const v = q(p.value, p.unit, lang);
  const pv = q(p.previousValue, p.unit, lang);
  switch (f.type) {
    case "volume/cumulative-decreased":
      return lang === "vi"
        ? `"${item}": lũy kế kỳ ${period} là ${v}, thấp hơn lũy kế kỳ ${prevPeriod} (${pv}). Lũy kế không thể giảm: kiểm tra lại số liệu một trong hai kỳ.`
        : `"${item}": the cumulative for ${period} is ${v}, below ${prevPeriod}'s (${pv}). A cumulative cannot go down: check one of the two periods.`;
    case "volume/outlier":
      return lang === "vi"
        ? `"${item}": thực hiện kỳ ${period} là ${v}, khác xa các kỳ trước của xã (trung vị ${q(p.median, p.unit, lang)} trên ${s(p.periods)} kỳ; kỳ ${prevPeriod}: ${pv}). Kiểm tra đơn vị tính và số liệu.`
        : `"${item}": done in ${period} is ${v}, far from the commune's previous periods (median ${q(p.median, p.unit, lang)} over ${s(p.periods)}; ${prevPeriod}: ${pv}). Check the unit and the figure.`;
    case "volume/out-of-bounds": {
      const range = `${p.min ?? "…"}–${p.max ?? "…"} ${p.boundUnit ?? ""}`.trim();
      return lang === "vi"
        ? `"${item}": thực hiện kỳ ${period} là ${v}, ngoài khoảng tỉnh quy định (${range}); kỳ ${prevPeriod}: ${pv}. Kiểm tra lại số liệu.`
        : `"${item}": done in ${period} is ${v}, outside the province's range (${range}); ${prevPeriod}: ${pv}. Check the figure.`;
    }
    case "volume/share-over-100":
      return lang === "vi"
        ? `"${item}": kỳ ${period} đã thực hiện ${v}, bằng ${s(p.share)} % kế hoạch ${q(p.plan, p.unit, lang)}. Trên 100 %: kiểm tra kế hoạch hoặc số thực hiện.`
        : `"${item}": ${period} reached ${v}, ${s(p.share)} % of the plan of ${q(p.plan, p.unit, lang)}. Above 100 %: check the plan or the figure done.`;
    case "volume/plan-below-last-done":
      return lang === "vi"
        ? `"${item}": đăng ký kỳ ${period} chỉ ${v}, chưa bằng một nửa kết quả kỳ ${prevPeriod} (${pv}). Kiểm tra lại kế hoạch đăng ký.`
        : `"${item}": the plan for ${period} is only ${v}, under half of what was done in ${prevPeriod} (${pv}). Check the registered plan.`;
  }
}

export function statusText(status: SubmissionStatus, lang: Lang): string {
  const vi = { "on-time": "Đúng hạn", late: "Trễ hạn", missing: "Chưa nộp", pending: "Chưa đến hạn" };
  const en = { "on-time": "on time", late: "late", missing: "missing", pending: "not yet due" };
  return (lang === "vi" ? vi : en)[status];
}
