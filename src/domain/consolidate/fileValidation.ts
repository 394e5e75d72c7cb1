/**
 * The per-file result consolidation consumes: the JSON object `ntm validate --json` prints for one
 * file (issue 4, item 5). Consolidation never re-reads workbooks; it works from these objects, so the
 * CLI, the server (reports already in the store) and the add-in feed it the same way.
 *
 * Fields are optional where a file that could not be read carries only `file`, `ok` and `error`.
 */
export type CriterionStatus = "met" | "unmet" | "unknown";
export type FindingSeverity = "error" | "warning" | "info";

export interface ValidationError {
  code: string;
  message: string;
}

export interface ValidatedIndicator {
  code: string;
  value: unknown;
  unit?: string;
  target?: unknown;
  targetSource?: string;
  selfAssessment?: "met" | "unmet" | null;
  /** "not-applicable": the workbook states the indicator does not apply to the commune. */
  status: CriterionStatus | "not-applicable";
  sheet?: string | null;
  cell?: string | null;
  /** Only on an entry of another period than the file's (two years side by side). */
  period?: string;
}

export interface ValidatedCriterion {
  code: string;
  status: CriterionStatus;
  indicatorsMet?: number;
  indicatorsTotal?: number;
}

export interface ValidatedUnit {
  name: string;
  criteriaMet: number;
  criteriaTotal: number;
  /** Fraction 0–1 (4/12 → 0.3333). */
  progress: number | null;
}

export interface ValidatedWorkItem {
  name: string;
  unit?: string | null;
  plan?: number | null;
  done?: number | null;
  cumulative?: number | null;
  sheet?: string | null;
  cell?: string | null;
}

export interface ValidatedFinding {
  type: string;
  severity: FindingSeverity;
  sheet?: string | null;
  cell?: string | null;
  indicator?: string | null;
  message: string;
}

export interface FileValidation {
  file: string;
  ok: boolean;
  error?: ValidationError;
  /** `installed`: the installed version that judged the file ("vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)"). */
  set?: { id: string; version?: string | null; installed?: string };
  orgUnit?: { name: string; code?: string | null };
  period?: string | null;
  indicators?: ValidatedIndicator[];
  criteria?: ValidatedCriterion[];
  units?: ValidatedUnit[];
  workItems?: ValidatedWorkItem[];
  summary?: { criteriaMet: number; criteriaTotal: number };
  findings?: ValidatedFinding[];
}

/** One input of a consolidation: the validation plus what the host knows of the file. */
export interface ConsolidationFile {
  validation: FileValidation;
  /** Path as the user gave it or relative to the folder given; shown in the summary. */
  path: string;
  /** Modification time in ms since the epoch (passed in: the domain has no clock). */
  mtimeMs: number;
}

/** A file failed when it could not be read (an error) — findings, even errors, do not fail a file. */
export function fileFailed(v: FileValidation): boolean {
  return Boolean(v.error) || (!v.ok && !v.set);
}
