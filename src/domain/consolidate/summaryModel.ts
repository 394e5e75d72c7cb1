/**
 * The consolidation summary: what the summary workbook, `ntm consolidate --json`, the server's
 * /api/consolidation and the task pane show. Plain JSON (no Maps, no classes), so it crosses worker
 * threads, HTTP and Office.js unchanged.
 */
import type { CommuneIdentity } from "./communeCodeMap";
import type { CriterionStatus, ValidatedFinding } from "./fileValidation";
import type { CompletenessBody } from "../rhythm/rhythmWire";
import type { VolumeAmounts } from "../rhythm/sumWorkVolumes";

export interface CommuneRow {
  file: string;
  commune: CommuneIdentity;
  set: { id: string; version?: string | null };
  period?: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  /** Status per criterion code of the matrix; a criterion the file lacks is "unknown". */
  criteria: Record<string, CriterionStatus>;
  findings: { error: number; warning: number; info: number };
}

export interface CriteriaMatrix {
  set: { id: string; version?: string | null; title?: string };
  criteria: { code: string; name: string }[];
  /** Sorted: most criteria met first, then district, then commune name. */
  communes: CommuneRow[];
  /** communes[k] = number of communes meeting exactly k criteria, k = 0 … criteria.length. */
  distribution: { criteriaMet: number; communes: number }[];
  perCriterion: { code: string; name: string; met: number; unmet: number; unknown: number }[];
  totals: { communes: number; criteriaMet: number; criteriaTotal: number; allMet: number };
}

export interface VillageRow {
  file: string;
  commune: CommuneIdentity;
  village: string;
  set: { id: string; version?: string | null };
  period?: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  /** Fraction 0–1. */
  progress: number | null;
}

/** Plan, done, cumulative and share of one line (the one definition: domain/rhythm/sumWorkVolumes). */
export type { VolumeAmounts } from "../rhythm/sumWorkVolumes";

export interface VolumeCommune {
  file: string;
  commune: CommuneIdentity;
  period?: string | null;
  amounts: VolumeAmounts;
}

export interface VolumeDistrict {
  code?: string;
  name: string;
  amounts: VolumeAmounts;
  communes: VolumeCommune[];
}

/** One work item (same name and unit across communes), summed commune → district → province. */
export interface VolumeItem {
  name: string;
  unit: string | null;
  amounts: VolumeAmounts;
  districts: VolumeDistrict[];
}

/** A file's finding as the summary lists it: the validated finding plus where it came from. */
export interface FindingRow extends ValidatedFinding {
  file: string;
  commune: string;
}

export interface FailedFile {
  file: string;
  code: string;
  message: string;
}

export interface DuplicateFile {
  file: string;
  keptFile: string;
  commune: string;
  setId: string;
  period?: string | null;
  message: string;
}

export interface SkippedFile {
  file: string;
  /** "commune": nobody could tell which commune the file is from, so it is not counted as one. */
  reason: "set" | "period" | "commune";
  message: string;
}

export interface ConsolidationSummary {
  options: { setId?: string; period?: string };
  counts: {
    files: number;
    consolidated: number;
    failed: number;
    duplicates: number;
    skipped: number;
    findings: number;
  };
  matrices: CriteriaMatrix[];
  villages: VillageRow[];
  villageTotals: {
    villages: number;
    criteriaMet: number;
    criteriaTotal: number;
    fullyMet: number;
    averageProgress: number | null;
  };
  volumes: VolumeItem[];
  findings: FindingRow[];
  failedFiles: FailedFile[];
  duplicates: DuplicateFile[];
  skipped: SkippedFile[];
  /** Who submitted on time, late or not at all (the store knows; files do not): the Tiến độ nộp sheet. */
  completeness?: CompletenessBody[];
}
