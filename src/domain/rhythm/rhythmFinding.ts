/**
 * Reviewer findings about a work-volume report against its own past (plausibilityFindings.ts): typed
 * data like every finding (review/finding.ts), each with both values and both periods, so a
 * reviewer sees "16.850 m in 2023-W14 after 17.200 m in 2023-W13" rather than a bare flag.
 * They are findings like any other (their types are part of FindingType and of the wire enum);
 * their sentences are made in rhythmMessages.ts, Vietnamese first.
 */
import type { Finding } from "../review/finding";

export type RhythmFindingType =
  | "volume/cumulative-decreased"
  | "volume/outlier"
  | "volume/out-of-bounds"
  | "volume/share-over-100"
  | "volume/plan-below-last-done";

export type RhythmFinding = Extract<Finding, { type: RhythmFindingType }>;
