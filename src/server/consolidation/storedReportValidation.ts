/**
 * A stored report's head revision in the shape consolidation consumes: the per-file validation
 * `ntm validate --json` prints (src/domain/consolidate/fileValidation.ts). The server feeds
 * consolidate() with these, so /api/consolidation and `ntm consolidate` count with the same code.
 *
 * Invariant: every status and count comes from the evaluation the server stored when the revision
 * was pushed (its own judgement of the values), never from a re-evaluation or the client's claims.
 */
import type {
  FileValidation,
  ValidatedFinding,
  ValidatedIndicator,
} from "../../domain/consolidate/fileValidation";
import type { CriteriaSet } from "../../domain/criteria/schema";
import { formatFindingBilingual } from "../../domain/i18n";
import type { EvaluationSummary, IndicatorValues } from "../../domain/sync/protocol";
import { findingFromWire } from "../../domain/sync/wireFinding";

export interface StoredHead {
  /** What the summary shows as the report's source (its "file"). */
  label: string;
  set: CriteriaSet;
  period: string;
  /** Who the report is from, as consolidation identifies communes (GSO code and name). */
  orgUnit: { name: string; code: string };
  /** A village's report: listed as the village's progress, not as a row of the communes matrix. */
  village?: { name: string };
  values: IndicatorValues;
  evaluation: EvaluationSummary;
}

export function storedReportValidation(head: StoredHead): FileValidation {
  const e = head.evaluation;
  const findings = e.findings.map(findingRow);
  const criteria = e.criteria.map((c) => ({ code: c.code, status: c.status }));
  const summary = { criteriaMet: e.criteriaMet, criteriaTotal: e.criteriaTotal };
  return {
    file: head.label,
    ok: !findings.some((f) => f.severity === "error"),
    set: { id: head.set.id, version: versionText(head.set) },
    orgUnit: head.orgUnit,
    period: head.period,
    indicators: Object.entries(head.values).map(([code, v]) => indicatorRow(code, v, e)),
    ...(head.village
      ? {
          units: [
            {
              name: head.village.name,
              criteriaMet: e.criteriaMet,
              criteriaTotal: e.criteriaTotal,
              progress: Math.round(e.progress * 10000) / 10000,
            },
          ],
        }
      : { criteria }),
    summary,
    findings,
  };
}

/** The set's decision and amendments, as the workbook reader names a set's version. */
function versionText(set: CriteriaSet): string {
  return [set.version.decision, ...(set.version.amendments ?? []).map((a) => a.decision)].join(" + ");
}

function indicatorRow(code: string, v: IndicatorValues[string], e: EvaluationSummary): ValidatedIndicator {
  const judged = e.indicators[code];
  return {
    code,
    value: v.value,
    ...(v.unit ? { unit: v.unit } : {}),
    ...(v.workbookTarget?.text ? { target: v.workbookTarget.text } : {}),
    targetSource: judged?.targetSource ?? (v.workbookTarget ? "workbook" : "none"),
    selfAssessment: v.selfAssessment ?? null,
    status: judged?.status ?? "unknown",
    sheet: v.sheet || null,
    cell: v.cell ?? null,
  };
}

function findingRow(f: EvaluationSummary["findings"][number]): ValidatedFinding {
  return {
    type: f.type,
    severity: f.severity,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    ...(f.indicator ? { indicator: f.indicator } : {}),
    // The message is made as `ntm validate` makes it, from the stored finding taken as the domain's.
    message: formatFindingBilingual(findingFromWire(f)),
  };
}
