/**
 * Whose target judged a finding, said once per report (issue 13): formatFinding writes the long
 * words in every message ("(chỉ tiêu do xã tự ghi trong bảng tính, …)", "(mức theo QĐ 318/QĐ-TTg,
 * chưa đối chiếu với văn bản)"); a report a person reads — `ntm validate`'s text, the pane's check —
 * keeps a short tag in each line and explains it once. The messages themselves (JSON, sheets) stay
 * whole, so each can be read alone.
 */
import { formatTargetSource } from "./formatFinding";
import type { Lang } from "./formatNumber";

export interface TargetSourceWords {
  /** The message with the long words replaced by their short tags. */
  text: string;
  ownTarget: boolean;
  /** Decisions whose unverified targets the message used ("QĐ 318/QĐ-TTg"). */
  unverifiedFrom: string[];
}

const WORDS = {
  vi: {
    ownShort: "(chỉ tiêu của xã)",
    unverified: /\(mức theo ([^()]+?), chưa đối chiếu với văn bản\)/g,
    unverifiedShort: "(mức chưa xác minh)",
    ownRemark: (long: string) => `Ghi chú: “chỉ tiêu của xã” là ${long}.`,
    unverifiedRemark: (d: string[]) =>
      `Ghi chú: “mức chưa xác minh” là mức theo ${d.join("; ")}, chưa đối chiếu với văn bản quyết định; dùng bộ tiêu chí tỉnh đã cài để chấm theo mức đã xác nhận.`,
  },
  en: {
    ownShort: "(the commune's own target)",
    unverified: /\(per ([^()]+?), not yet checked against the decision text\)/g,
    unverifiedShort: "(unverified target)",
    ownRemark: () =>
      `Note: a target marked "the commune's own target" is one the commune wrote in its workbook, not a confirmed official one.`,
    unverifiedRemark: (d: string[]) =>
      `Note: an "unverified target" is per ${d.join("; ")}, not yet checked against the decision text; install the province's set to judge by confirmed targets.`,
  },
} as const;

/** One message with its whose-target words shortened. */
export function shortenTargetSources(message: string, lang: Lang): TargetSourceWords {
  const w = WORDS[lang];
  const long = `(${formatTargetSource({ source: "workbook" }, lang)})`;
  const ownTarget = message.includes(long);
  const decisions: string[] = [];
  const text = message
    .split(long)
    .join(w.ownShort)
    .replace(new RegExp(w.unverified.source, "g"), (_m, decision: string) => {
      decisions.push(decision);
      return w.unverifiedShort;
    });
  return { text, ownTarget, unverifiedFrom: decisions };
}

/** The remarks that explain the short tags of `said`, each once. */
export function targetSourceRemarks(said: readonly TargetSourceWords[], lang: Lang): string[] {
  const w = WORDS[lang];
  const decisions = [...new Set(said.flatMap((s) => s.unverifiedFrom))];
  return [
    ...(said.some((s) => s.ownTarget) ? [w.ownRemark(formatTargetSource({ source: "workbook" }, lang))] : []),
    ...(decisions.length ? [w.unverifiedRemark(decisions)] : []),
  ];
}
