/** What evaluate() returns: per indicator, per criterion, per set, per village, and findings. */
import type { Comparison, Region, CommuneGroup, IndicatorKind } from "../criteria/schema";
import type { Finding } from "../review/finding";
import type { ReportScalar, ReportValue, SelfAssessment } from "../report";

export type Status = "met" | "unmet" | "unknown";

/** An indicator's own status; "not-applicable": the workbook states it does not apply here. */
export type IndicatorStatus = Status | "not-applicable";

/**
 * Whose target was applied: a confirmed official one, an official one not checked against its
 * decision, the workbook's own (the commune's), or none at all.
 */
export type TargetSource = "official-verified" | "official-unverified" | "workbook" | "none";

/** A catalog comparison, or a strict one a workbook wrote ("trên 80%"). */
export type TargetOp = Comparison | ">" | "<";

export interface AppliedTarget {
  op: TargetOp;
  value: number | boolean | string;
  unit?: string;
  source: Exclude<TargetSource, "none">;
  /** Decision (and article) for official targets; "workbook" for the commune's own. */
  decision?: string;
  article?: string;
  /** Which table entry applied: "general", "byRegion.BTB", "byYear.2023.byRegion.BTB", "byGroup.1". */
  axis?: string;
  /** The workbook's text, when the target came from there. */
  text?: string;
}

export interface Gap {
  /** Always ≥ 0, in `unit`. */
  amount: number;
  unit?: string;
  /** "short": below a ≥ target (còn thiếu); "over": above a ≤ target (vượt); "off": ≠ an = target. */
  direction: "short" | "over" | "off";
}

/** Why an indicator is unknown. */
export type UnknownReason = "no-value" | "no-target" | "not-comparable" | "out-of-range" | "range-straddles";

export interface IndicatorResult {
  code: string;
  criterion?: string;
  kind?: IndicatorKind;
  value: ReportScalar;
  unit?: string;
  /** Judged from the value against the applied target. */
  status: IndicatorStatus;
  unknownReason?: UnknownReason;
  /** What the roll-up counts: `status`, or the self-assessment where status is unknown. */
  effective: IndicatorStatus;
  effectiveBasis: "value" | "self-assessment" | "none";
  target?: AppliedTarget;
  targetSource: TargetSource;
  gap?: Gap;
  selfAssessment?: SelfAssessment;
  /** False for a listed item that has no indicator in the set (judged on its own target). */
  inCatalog: boolean;
  sheet?: string;
  cell?: string;
}

export interface RollupResult {
  status: Status;
  met: number;
  unmet: number;
  unknown: number;
  total: number;
  /** met / total, 0–1. */
  share: number;
  /** Percent goal of a share roll-up, and the percentage points still missing (0 when reached). */
  goal?: number;
  distanceToGoal?: number;
}

export interface CriterionResult extends RollupResult {
  code: string;
  name: string;
  indicators: IndicatorResult[];
  /** The workbook's own criterion-level assessment, if any. */
  selfAssessment?: SelfAssessment;
  effective: Status;
  effectiveBasis: "value" | "self-assessment" | "none";
}

export interface UnitProgress {
  name: string;
  items: IndicatorResult[];
  met: number;
  total: number;
  /** met / total, 0–1. */
  share: number;
  statedProgress?: number | null;
  goal?: number;
  /** Percentage points still missing to the goal (0 when reached). */
  distanceToGoal?: number;
}

export interface Evaluation {
  setId: string;
  region?: Region;
  /** The region whose targets applied (TDMNPB under the special-status rule). */
  targetRegion?: Region;
  group?: CommuneGroup;
  year?: number;
  indicators: IndicatorResult[];
  criteria: CriterionResult[];
  /** The set roll-up over criteria (e.g. 15/19 met). */
  set: RollupResult;
  criteriaNotMet: string[];
  /** Report values whose code is not in the set. */
  extraValues: IndicatorResult[];
  /** Entries of other periods side by side ("Năm 2022 | Năm 2023"), each judged by its own period. */
  otherPeriods: { value: ReportValue; result: IndicatorResult }[];
  units: UnitProgress[];
  findings: Finding[];
}
