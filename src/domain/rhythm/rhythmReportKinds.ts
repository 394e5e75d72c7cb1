/**
 * The report kinds of the weekly rhythm — work volumes and village progress — as the sync path
 * sees them: a report key (org unit, kind, period) like a criteria report's (org unit, set, period),
 * values of a fixed shape, and an evaluation the server computes itself (never the client's).
 * One entry point per job for the server's push: `rhythmValueProblems` (what a kind refuses) and
 * `evaluateRhythmValues` (plausibility findings for work volumes, the village roll-up for progress).
 * Invariant: the stored evaluation is a plain EvaluationSummary, so lists, review and consolidation
 * read rhythm reports exactly as they read indicator reports.
 */
import type { EvaluationSummary, IndicatorValues } from "../sync/protocol";
import { plausibilityFindings, type PlausibilityOptions } from "./plausibilityFindings";
import { VILLAGE_PROGRESS_KIND, WORK_VOLUME_KIND } from "./reportingCalendar";
import { isVillageProgressValues, rollUpVillages, villageProgressFromValues } from "./villageProgress";
import { SHIPPED_WORK_ITEMS } from "./workItemCatalogue";
import { isWorkVolumeValues, workVolumeFromValues } from "./workVolumeReport";
import { periodKindOf } from "./vietnamTime";

export const RHYTHM_KINDS = [WORK_VOLUME_KIND, VILLAGE_PROGRESS_KIND] as const;
export type RhythmKind = (typeof RHYTHM_KINDS)[number];

export function isRhythmKind(kind: string): kind is RhythmKind {
  return (RHYTHM_KINDS as readonly string[]).includes(kind);
}

/** What a rhythm report is keyed with in place of a criteria set's content hash. */
export function rhythmSetHash(kind: RhythmKind): string {
  return kind === WORK_VOLUME_KIND ? `${SHIPPED_WORK_ITEMS.id}@${SHIPPED_WORK_ITEMS.version}` : `${kind}@1`;
}

/** The value (or comment) codes a kind does not accept, answered like unknown indicator codes. */
export function rhythmValueProblems(kind: RhythmKind, codes: Iterable<string>): string[] {
  const fits = kind === WORK_VOLUME_KIND ? isWorkVolumeValues : isVillageProgressValues;
  return [...codes].filter((code) => !fits({ [code]: { value: null } }));
}

export function evaluateRhythmValues(
  kind: RhythmKind,
  values: IndicatorValues,
  period: string,
  /** Head values of the same unit's earlier periods of the same kind (work volumes only). */
  history: readonly { period: string; values: IndicatorValues }[] = [],
  options: PlausibilityOptions & { knownVillages?: readonly string[] } = {},
): EvaluationSummary {
  if (kind === WORK_VOLUME_KIND) {
    const findings = plausibilityFindings(
      { period, items: workVolumeFromValues(values) },
      history.map((h) => ({ period: h.period, items: workVolumeFromValues(h.values) })),
      periodKindOf(period),
      options,
    );
    return { criteriaMet: 0, criteriaTotal: 0, progress: 0, criteria: [], indicators: {}, findings };
  }
  const villages = villageProgressFromValues(values);
  const r = rollUpVillages(villages, options.knownVillages);
  return {
    criteriaMet: r.atGoal,
    criteriaTotal: r.of,
    progress: r.of > 0 ? r.atGoal / r.of : 0,
    criteria: [],
    indicators: {},
    findings: [],
  };
}
