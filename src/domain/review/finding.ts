/**
 * Findings are typed data, never strings: the message a person reads is made from them by
 * domain/i18n in the person's language. The reader attaches sheet and cell.
 */
import type { RhythmFindingType } from "../rhythm/rhythmFinding";

export type FindingType =
  | "indicator/unmet"
  | "indicator/unknown-target"
  | "indicator/not-applicable"
  | "target/weaker-than-official"
  | "self-assessment/mismatch"
  | "value/out-of-range"
  | "value/unreadable"
  | "value/ambiguous"
  | "mapping/unmatched-row"
  | "mapping/missing-indicator"
  | "mapping/duplicate-indicator"
  | "set/period-mismatch"
  | "mapping/ambiguous-column"
  | "settings/invalid"
  // Work volumes against their own past (domain/rhythm/plausibilityFindings.ts).
  | RhythmFindingType;

/** error: the data is wrong and must be fixed; warning: needs a look; info: progress facts. */
export type Severity = "error" | "warning" | "info";

export type FindingParam = string | number | boolean | null;

export interface Finding {
  type: FindingType;
  severity: Severity;
  sheet?: string;
  cell?: string;
  /** Indicator code in the report's criteria set, when the finding is about one. */
  indicator?: string;
  params: Record<string, FindingParam>;
}
