/**
 * The text `ntm validate` prints for one file, in one language: set, org unit and period, the head
 * line the pane shows (checkHeadline), each village, then one line per finding, errors first.
 * Invariant: a finding is one line; whose target judged it is said in each line (briefly) and
 * explained once per file, never left out — the product never passes a commune's own number off
 * as an official target.
 */
import { checkHeadline } from "../../domain/check/checkHeadline";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { formatFinding } from "../../domain/i18n";
import { shortenTargetSources, targetSourceRemarks } from "../../domain/i18n/targetSourceRemarks";
import type { Finding } from "../../domain/review/finding";
import type { Lang } from "../messages/cliText";
import {
  findingCountLine,
  headline,
  indicatorsReadLine,
  notApplicableLabel,
  setLine,
  severityLabel,
  unitLine,
  unreadLine,
  villageLine,
} from "../messages/validateMessages";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Findings that state a fact of the commune rather than ask for a fix: "not applicable" (the
 * domain's indicator/not-applicable) is tagged as such, not as information to act on.
 */
const STATEMENTS: ReadonlySet<string> = new Set(["indicator/not-applicable"]);

/** Each finding in `lang`, one line each, its whose-target words shortened (said once below). */
export function findingLines(
  findings: readonly Finding[],
  lang: Lang,
): { lines: string[]; ownTarget: boolean; unverifiedFrom: string[]; remarks: string[] } {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const said = sorted.map((f) =>
    shortenTargetSources(formatFinding(f, lang).replace(/\s*\n\s*/g, " "), lang),
  );
  const lines = sorted.map((f, i) => {
    const tag = STATEMENTS.has(f.type) ? notApplicableLabel(lang) : severityLabel(f.severity, lang);
    return `    ${tag} ${said[i].text}`;
  });
  return {
    lines,
    ownTarget: said.some((s) => s.ownTarget),
    unverifiedFrom: [...new Set(said.flatMap((s) => s.unverifiedFrom))],
    remarks: targetSourceRemarks(said, lang),
  };
}

export function fileReport(v: FileValidation, findings: readonly Finding[], lang: Lang): string {
  const lines: string[] = [v.file];
  if (v.error) {
    lines.push(unreadLine(v.error.code, v.error.message, lang));
    return lines.join("\n") + "\n";
  }
  lines.push(setLine(v.set?.id, v.set?.version, lang, v.set?.installed));
  lines.push(unitLine(v.orgUnit?.name, v.period, lang));
  // The same head line the pane shows (checkHeadline); a table with no criteria has none.
  const head = checkHeadline(v);
  if ((head.kind === "criteria" && head.total > 0) || head.kind === "villages" || head.kind === "work-items")
    lines.push(`  ${headline(head, lang)}`);
  for (const u of v.units ?? [])
    lines.push(villageLine(u.name, u.criteriaMet, u.criteriaTotal, u.progress ?? 0, lang));
  if (v.indicators?.length) lines.push(indicatorsReadLine(v.indicators.length, lang));
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of findings) count[f.severity]++;
  lines.push(findingCountLine(count, lang));
  const { lines: said, remarks } = findingLines(findings, lang);
  lines.push(...said, ...remarks.map((r) => `  ${r}`));
  return lines.join("\n") + "\n";
}
