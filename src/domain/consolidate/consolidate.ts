/**
 * Many per-file validations → one ConsolidationSummary.
 *
 * Invariant: every input file is accounted for exactly once — failed (could not be read), skipped
 * (left out by the --set/--period choice), duplicate (an older copy of a commune's report), or
 * consolidated; and every total of the summary is a sum over the consolidated files' validations.
 */
import { getCriteriaSet } from "../criteria/registry";
import type { CriteriaSet } from "../criteria/schema";
import { foldVietnamese } from "../sheet/foldVietnamese";
import { buildCriteriaMatrix, type MatrixInput } from "./buildCriteriaMatrix";
import { identifyCommune, type CommuneCodeMap, type CommuneIdentity } from "./communeCodeMap";
import {
  duplicateMessage,
  skippedForPeriodMessage,
  skippedForSetMessage,
  unidentifiedCommuneMessage,
  withoutDiacriticsMessage,
} from "./consolidationMessages";
import { fileFailed, type ConsolidationFile } from "./fileValidation";
import { selectNewest, type Keyed } from "./selectNewest";
import type { ConsolidationSummary, FindingRow, SkippedFile, VillageRow } from "./summaryModel";
import { volumesByDistrict } from "../rhythm/volumesByDistrict";
import { isRegistration } from "../rhythm/weekStatements";
import { compareVietnamese } from "./compareVietnamese";

export interface ConsolidateOptions {
  /** Only files of this criteria set. */
  setId?: string;
  /** Only files of this period ("2023", "2023-Q2", "2023-11", "2023-W14"). */
  period?: string;
  /** Historical ↔ current commune codes (buildCommuneCodeMap); without it communes match by code or name as written. */
  communeCodes?: CommuneCodeMap;
  /** Where sets come from (installed versions, issue 13); defaults to the shipped registry. */
  getSet?: (id: string) => CriteriaSet | undefined;
}

type SetSource = (id: string) => CriteriaSet | undefined;

interface Candidate {
  file: ConsolidationFile;
  commune: CommuneIdentity;
}

const BELOW_COMMUNE = new Set(["village", "household"]);

export function consolidate(
  files: readonly ConsolidationFile[],
  options: ConsolidateOptions = {},
): ConsolidationSummary {
  const getSet = options.getSet ?? getCriteriaSet;
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const failedFiles = sorted
    .filter((f) => fileFailed(f.validation))
    .map((f) => ({
      file: f.path,
      code: f.validation.error?.code ?? "unreadable",
      message: f.validation.error?.message ?? `${f.path}: không đọc được / could not be read`,
    }));
  const skipped: SkippedFile[] = [];
  const candidates: Keyed<Candidate>[] = [];
  const communeFindings: FindingRow[] = [];
  for (const f of sorted) {
    const v = f.validation;
    if (fileFailed(v)) continue;
    if (options.setId && v.set?.id !== options.setId) {
      skipped.push({ file: f.path, reason: "set", message: skippedForSetMessage(v.set?.id, options.setId) });
      continue;
    }
    if (options.period && v.period !== options.period) {
      skipped.push({
        file: f.path,
        reason: "period",
        message: skippedForPeriodMessage(v.period, options.period),
      });
      continue;
    }
    const commune = identifyCommune(v.orgUnit, v.period, options.communeCodes, f.path);
    if (unidentified(commune, options.communeCodes)) {
      const message = unidentifiedCommuneMessage(commune.writtenName, commune.code);
      skipped.push({ file: f.path, reason: "commune", message });
      communeFindings.push(communeFinding(f.path, commune, "commune/unidentified", "error", message));
      continue;
    }
    if (commune.withoutDiacritics) {
      const by = commune.matchedBy === "file-name" ? "file-name" : "name";
      const written = by === "file-name" ? fileBaseName(f.path) : commune.writtenName;
      communeFindings.push(
        communeFinding(
          f.path,
          commune,
          "commune/matched-without-diacritics",
          "warning",
          withoutDiacriticsMessage(by, written, commune),
        ),
      );
    }
    candidates.push({
      key: duplicateKey(f, commune, getSet),
      period: v.period,
      rank: commune.matchedBy === "file-name" ? 0 : 1,
      mtimeMs: f.mtimeMs,
      path: f.path,
      item: { file: f, commune },
    });
  }
  const { kept, duplicates } = selectNewest(candidates);
  const consolidated = kept.map((k) => k.item);

  const matrices = buildMatrices(consolidated, getSet);
  const villages = villageRows(consolidated);
  // Who a file is from comes first: the commune's own numbers mean little until that is settled.
  const findings = [...communeFindings, ...findingRows(consolidated)];
  return {
    options: {
      ...(options.setId ? { setId: options.setId } : {}),
      ...(options.period ? { period: options.period } : {}),
    },
    counts: {
      files: files.length,
      consolidated: consolidated.length,
      failed: failedFiles.length,
      duplicates: duplicates.length,
      skipped: skipped.length,
      findings: findings.length,
    },
    matrices,
    villages,
    villageTotals: villageTotals(villages),
    volumes: volumesByDistrict(
      consolidated.map((c) => ({ path: c.file.path, validation: c.file.validation, commune: c.commune })),
    ),
    findings,
    failedFiles,
    duplicates: duplicates.map(({ dropped, kept: k }) => ({
      file: dropped.path,
      keptFile: k.path,
      commune: dropped.item.commune.name,
      setId: dropped.item.file.validation.set?.id ?? "",
      period: dropped.period ?? null,
      message: duplicateMessage(
        dropped.item.commune.name,
        dropped.item.file.validation.set?.id ?? "?",
        dropped.period,
        k.path,
      ),
    })),
    skipped,
  };
}

/**
 * A file nobody can place: it names no commune (and its file name none either), or — with a code
 * table — a name or code the table does not know. Counting it could count a commune twice.
 */
function unidentified(commune: CommuneIdentity, table: CommuneCodeMap | undefined): boolean {
  return commune.matchedBy === "none" && (Boolean(table) || commune.key.startsWith("file:"));
}

function communeFinding(
  file: string,
  commune: CommuneIdentity,
  type: string,
  severity: FindingRow["severity"],
  message: string,
): FindingRow {
  return { file, commune: commune.name, type, severity, sheet: null, cell: null, indicator: null, message };
}

function fileBaseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/**
 * Same commune (in its era), same set; village checklists also by the villages they cover, a
 * week's registration apart from its results.
 */
function duplicateKey(f: ConsolidationFile, commune: CommuneIdentity, getSet: SetSource): string {
  const v = f.validation;
  const setId = v.set?.id ?? "";
  const level = getSet(setId)?.level;
  const villages =
    level && BELOW_COMMUNE.has(level)
      ? (v.units ?? [])
          .map((u) => foldVietnamese(u.name))
          .sort()
          .join(",")
      : "";
  // A week's registration and its results are two statements of one report (weekStatements.ts).
  const statement = v.workItems?.length && isRegistration(v.workItems) ? "|registration" : "";
  return `${commune.key}|${setId}|${villages}${statement}`;
}

function buildMatrices(consolidated: readonly Candidate[], getSet: SetSource) {
  const bySet = new Map<string, MatrixInput[]>();
  for (const { file, commune } of consolidated) {
    const v = file.validation;
    const setId = v.set?.id ?? "";
    const level = getSet(setId)?.level;
    if (!v.criteria?.length || (level && BELOW_COMMUNE.has(level))) continue;
    const list = bySet.get(setId) ?? [];
    list.push({ path: file.path, validation: v, commune });
    bySet.set(setId, list);
  }
  // The set most communes reported first: it becomes the "Tổng hợp" sheet.
  return [...bySet.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([setId, inputs]) => buildCriteriaMatrix(setId, getSet(setId), inputs));
}

function villageRows(consolidated: readonly Candidate[]): VillageRow[] {
  const rows: VillageRow[] = [];
  for (const { file, commune } of consolidated) {
    const v = file.validation;
    for (const u of v.units ?? []) {
      rows.push({
        file: file.path,
        commune,
        village: u.name,
        set: { id: v.set?.id ?? "", version: v.set?.version ?? null },
        period: v.period ?? null,
        criteriaMet: u.criteriaMet,
        criteriaTotal: u.criteriaTotal,
        progress: u.criteriaTotal > 0 ? u.criteriaMet / u.criteriaTotal : (u.progress ?? null),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      compareVietnamese(a.commune.name, b.commune.name) ||
      compareVietnamese(a.village, b.village) ||
      (a.file < b.file ? -1 : 1),
  );
}

function villageTotals(rows: readonly VillageRow[]): ConsolidationSummary["villageTotals"] {
  const withProgress = rows.filter((r) => r.progress !== null);
  return {
    villages: rows.length,
    criteriaMet: rows.reduce((s, r) => s + r.criteriaMet, 0),
    criteriaTotal: rows.reduce((s, r) => s + r.criteriaTotal, 0),
    fullyMet: rows.filter((r) => r.criteriaTotal > 0 && r.criteriaMet >= r.criteriaTotal).length,
    averageProgress: withProgress.length
      ? withProgress.reduce((s, r) => s + (r.progress ?? 0), 0) / withProgress.length
      : null,
  };
}

function findingRows(consolidated: readonly Candidate[]): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const { file, commune } of consolidated) {
    for (const f of file.validation.findings ?? []) {
      rows.push({
        file: file.path,
        commune: commune.name,
        type: f.type,
        severity: f.severity,
        sheet: f.sheet ?? null,
        cell: f.cell ?? null,
        indicator: f.indicator ?? null,
        message: f.message,
      });
    }
  }
  return rows;
}
