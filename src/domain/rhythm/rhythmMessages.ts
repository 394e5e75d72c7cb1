/**
 * Sentences for the weekly rhythm, Vietnamese first: plausibility findings (with sheet!cell, both
 * values and both periods, and what to check) and the completeness statuses. The only place these
 * findings become text.
 */
import { formatQuantity, type Lang } from "../i18n/formatNumber";
import type { RhythmFinding } from "./rhythmFinding";
import type { SubmissionStatus } from "./completeness";

function q(v: unknown, unit: unknown, lang: Lang): string {
  return typeof v === "number" ? formatQuantity(v, typeof unit === "string" ? unit : null, lang) : "—";
}

export function formatRhythmFinding(f: RhythmFinding, lang: Lang): string {
  const p = f.params;
  const where = f.sheet && f.cell ? `[${f.sheet}!${f.cell}] ` : "";
  const item = String(p.item ?? f.indicator ?? "");
  const period = String(p.period ?? "");
  const prevPeriod = String(p.previousPeriod ?? "");
  const v = q(p.value, p.unit, lang);
  const pv = q(p.previousValue, p.unit, lang);
  switch (f.type) {
    case "volume/cumulative-decreased":
      return lang === "vi"
        ? `${where}"${item}": lũy kế kỳ ${period} là ${v}, thấp hơn lũy kế kỳ ${prevPeriod} (${pv}). Lũy kế không thể giảm: kiểm tra lại số liệu một trong hai kỳ.`
        : `${where}"${item}": the cumulative for ${period} is ${v}, below ${prevPeriod}'s (${pv}). A cumulative cannot go down: check one of the two periods.`;
    case "volume/outlier":
      return lang === "vi"
        ? `${where}"${item}": thực hiện kỳ ${period} là ${v}, khác xa các kỳ trước của xã (trung vị ${q(p.median, p.unit, lang)} trên ${p.periods} kỳ; kỳ ${prevPeriod}: ${pv}). Kiểm tra đơn vị tính và số liệu.`
        : `${where}"${item}": done in ${period} is ${v}, far from the commune's previous periods (median ${q(p.median, p.unit, lang)} over ${p.periods}; ${prevPeriod}: ${pv}). Check the unit and the figure.`;
    case "volume/out-of-bounds": {
      const range = `${p.min ?? "…"}–${p.max ?? "…"} ${p.boundUnit ?? ""}`.trim();
      return lang === "vi"
        ? `${where}"${item}": thực hiện kỳ ${period} là ${v}, ngoài khoảng tỉnh quy định (${range}); kỳ ${prevPeriod || "trước"}: ${pv}. Kiểm tra lại số liệu.`
        : `${where}"${item}": done in ${period} is ${v}, outside the province's range (${range}); ${prevPeriod || "previous period"}: ${pv}. Check the figure.`;
    }
    case "volume/share-over-100":
      return lang === "vi"
        ? `${where}"${item}": kỳ ${period} đã thực hiện ${v}, bằng ${p.share} % kế hoạch ${q(p.plan, p.unit, lang)}. Trên 100 %: kiểm tra kế hoạch hoặc số thực hiện.`
        : `${where}"${item}": ${period} reached ${v}, ${p.share} % of the plan of ${q(p.plan, p.unit, lang)}. Above 100 %: check the plan or the figure done.`;
    case "volume/plan-below-last-done":
      return lang === "vi"
        ? `${where}"${item}": đăng ký kỳ ${period} chỉ ${v}, chưa bằng một nửa kết quả kỳ ${prevPeriod} (${pv}). Kiểm tra lại kế hoạch đăng ký.`
        : `${where}"${item}": the plan for ${period} is only ${v}, under half of what was done in ${prevPeriod} (${pv}). Check the registered plan.`;
  }
}

export function statusText(status: SubmissionStatus, lang: Lang): string {
  const vi = { "on-time": "Đúng hạn", late: "Trễ hạn", missing: "Chưa nộp", pending: "Chưa đến hạn" };
  const en = { "on-time": "on time", late: "late", missing: "missing", pending: "not yet due" };
  return (lang === "vi" ? vi : en)[status];
}
