/**
 * /api/consolidation: the head revisions stored within a unit, consolidated by the same core as
 * `ntm consolidate` (src/domain/consolidate consolidate()), plus what only the store knows — the
 * review state of each report, and the communes that have not reported yet.
 *
 * Invariants: the criteria met, totals and per-criterion statuses of every reported commune are
 * consolidate()'s, over per-file validations made from the stored evaluations
 * (storedReportValidation); one row per commune within `under`, reported or not (an unreported one
 * has null counts), sorted by code; nothing outside `under` is read or returned; each reported
 * row names the set version that judged it (its push, or a later re-evaluation).
 */
import { consolidate } from "../../domain/consolidate/consolidate";
import {
  buildCommuneCodeMap,
  REFORM_DATE,
  type CommuneCodeMap,
  type CommuneCodeRow,
} from "../../domain/consolidate/communeCodeMap";
import type { ConsolidationFile } from "../../domain/consolidate/fileValidation";
import type { CommuneRow, ConsolidationSummary, VillageRow } from "../../domain/consolidate/summaryModel";
import { getCriteriaSet } from "../../domain/criteria/registry";
import type { CriteriaSet } from "../../domain/criteria/schema";
import type { Consolidation, ConsolidationRow, EvaluationSummary } from "../../domain/sync/protocol";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import type { ReportRow, Store } from "../store/store";
import { storedReportValidation } from "./storedReportValidation";
import { REVIEW_STATE_TEXT } from "../../domain/i18n/reviewStateText";

export interface StoredConsolidation {
  /** The API's JSON (rows per commune and village with review state). */
  json: Consolidation;
  /** The core's summary, for the summary workbook `ntm consolidate -o` writes. */
  summary: ConsolidationSummary;
}

interface Source {
  label: string;
  unit: OrgUnitRow;
  report: ReportRow;
  revision: number;
  evaluation: EvaluationSummary;
}

const BELOW_COMMUNE = new Set(["village", "household"]);

export async function consolidateStoredReports(
  store: Store,
  tree: OrgTree,
  set: CriteriaSet,
  period: string,
  under: OrgUnitRow,
  /** The label of the set version `set` is (issue 13), said at the top of the JSON. */
  setVersion?: string,
): Promise<StoredConsolidation> {
  const units = tree.within(under.id).filter((u) => u.level === "commune" || u.level === "village");
  const reports = await store.reportsFor(
    units.map((u) => u.id),
    set.id,
    period,
  );
  const byUnit = new Map<string, ReportRow>(reports.map((r) => [r.org_unit_id, r]));
  // One query for every head, not one per unit.
  const heads = await store.headEvaluations(reports);

  const files: ConsolidationFile[] = [];
  const sources = new Map<string, Source>();
  for (const u of units) {
    const report = byUnit.get(u.id);
    const head = report ? heads.get(report.id) : undefined;
    if (!report || !head) continue;
    // The "file" of a stored report, as the summary workbook's Tệp column shows it.
    const label = `${u.code} ${u.name} — bản ${head.number}, ${REVIEW_STATE_TEXT.vi[report.review_state]}`;
    const village = u.level === "village" ? u : undefined;
    // A village's report of a village-level set is its commune's; of another set, the village's own.
    const commune =
      village && BELOW_COMMUNE.has(set.level) ? (tree.get(village.parent_id ?? "") ?? village) : u;
    const validation = storedReportValidation({
      label,
      set,
      period,
      orgUnit: { name: commune.name, code: commune.code },
      ...(village ? { village: { name: village.name } } : {}),
      values: head.values,
      evaluation: head.evaluation,
    });
    files.push({ path: label, mtimeMs: Date.parse(report.updated_at) || 0, validation });
    sources.set(label, { label, unit: u, report, revision: head.number, evaluation: head.evaluation });
  }
  const summary = consolidate(files, {
    setId: set.id,
    period,
    communeCodes: communeCodesOf(tree),
    // The version in force heads the matrix (its criteria), not the built-in set of the same id.
    getSet: (id) => (id === set.id ? set : getCriteriaSet(id)),
  });
  const json = toApiJson(summary, sources, units, set, period, under);
  return { json: setVersion ? { ...json, setVersion } : json, summary };
}

function toApiJson(
  summary: ConsolidationSummary,
  sources: Map<string, Source>,
  units: OrgUnitRow[],
  set: CriteriaSet,
  period: string,
  under: OrgUnitRow,
): Consolidation {
  const matrix = summary.matrices.find((m) => m.set.id === set.id);
  const communeRows = new Map<string, CommuneRow>();
  for (const row of matrix?.communes ?? []) communeRows.set(sources.get(row.file)!.unit.id, row);
  const villageRows = new Map<string, VillageRow>();
  for (const row of summary.villages) villageRows.set(sources.get(row.file)!.unit.id, row);
  const sourceOf = new Map([...sources.values()].map((s) => [s.unit.id, s]));

  const communes: ConsolidationRow[] = [];
  const villages: ConsolidationRow[] = [];
  for (const u of units) {
    const source = sourceOf.get(u.id);
    if (u.level === "commune") communes.push(communeRow(u, set, source, communeRows.get(u.id)));
    // Only villages that reported are listed: most villages keep no report of a commune-level set.
    else if (source) villages.push(villageRow(u, set, source, villageRows.get(u.id), summary));
  }
  return {
    set: set.id,
    period,
    under: under.code,
    criteria: matrix?.criteria ?? set.criteria.map((c) => ({ code: c.code, name: c.name.vi })),
    communes,
    villages,
    ...(matrix ? { perCriterion: matrix.perCriterion, distribution: matrix.distribution } : {}),
    totals: {
      communes: communes.length,
      reported: matrix?.totals.communes ?? 0,
      criteriaMet: matrix?.totals.criteriaMet ?? 0,
      criteriaTotal: matrix?.totals.criteriaTotal ?? 0,
      allMet: matrix?.totals.allMet ?? 0,
    },
  };
}

function communeRow(
  u: OrgUnitRow,
  set: CriteriaSet,
  source: Source | undefined,
  row: CommuneRow | undefined,
): ConsolidationRow {
  const criteria: ConsolidationRow["criteria"] = {};
  for (const c of set.criteria) criteria[c.code] = row?.criteria[c.code] ?? "unknown";
  return {
    org: u.code,
    name: u.name,
    level: u.level,
    revision: source?.revision ?? null,
    reviewState: source?.report.review_state ?? "none",
    criteriaMet: row ? row.criteriaMet : null,
    criteriaTotal: row ? row.criteriaTotal : set.criteria.length,
    criteria,
    progress: row && row.criteriaTotal > 0 ? row.criteriaMet / row.criteriaTotal : null,
    ...(row ? { findings: row.findings } : {}),
    ...(source ? { updatedAt: source.report.updated_at } : {}),
    ...(source?.evaluation.judgedBy ? { judgedBy: source.evaluation.judgedBy.label } : {}),
  };
}

function villageRow(
  u: OrgUnitRow,
  set: CriteriaSet,
  source: Source,
  row: VillageRow | undefined,
  summary: ConsolidationSummary,
): ConsolidationRow {
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of summary.findings) if (f.file === source.label) findings[f.severity]++;
  // Villages are not rows of the communes matrix: their statuses are the stored evaluation's.
  const criteria: ConsolidationRow["criteria"] = {};
  for (const c of set.criteria)
    criteria[c.code] = source.evaluation.criteria.find((x) => x.code === c.code)?.status ?? "unknown";
  return {
    org: u.code,
    name: u.name,
    level: u.level,
    revision: source.revision,
    reviewState: source.report.review_state,
    criteriaMet: row ? row.criteriaMet : null,
    criteriaTotal: row ? row.criteriaTotal : set.criteria.length,
    criteria,
    progress: row ? row.progress : null,
    findings,
    updatedAt: source.report.updated_at,
    ...(source.evaluation.judgedBy ? { judgedBy: source.evaluation.judgedBy.label } : {}),
  };
}

/**
 * The store's org tree as the historical ↔ current commune table consolidation reads (the columns
 * of the GSO extract): every commune that existed before the 01/07/2025 reform, its district and
 * its successor. Built from the store, so an office's imported units count as the shipped ones do.
 */
export function communeCodesOf(tree: OrgTree): CommuneCodeMap {
  const known = codeMaps.get(tree);
  if (known) return known;
  const rows: CommuneCodeRow[] = [];
  for (const u of tree.all()) {
    if (u.level !== "commune" || (u.valid_from && u.valid_from >= REFORM_DATE)) continue;
    const district = u.parent_id ? tree.get(u.parent_id) : undefined;
    const successor = u.successor_id ? tree.get(u.successor_id) : undefined;
    rows.push({
      gso_code_2023: u.code,
      name_2023: u.name,
      ...(district?.level === "district"
        ? { district_code_2023: district.code, district_2023: district.name }
        : {}),
      ...(successor ? { successor_code_2025: successor.code, successor_name_2025: successor.name } : {}),
    });
  }
  const map = buildCommuneCodeMap(rows);
  codeMaps.set(tree, map);
  return map;
}

/** One table per tree: the store replaces its tree object when units change. */
const codeMaps = new WeakMap<OrgTree, CommuneCodeMap>();
