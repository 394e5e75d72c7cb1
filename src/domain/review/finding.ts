/**
 * Findings are typed data, never strings: the message a person reads is made from them by
 * domain/i18n in the person's language. The reader attaches sheet and cell.
 * Invariant: `Finding` is a union keyed by `type`, and each type names its own params, so a
 * producer cannot give a finding params its message does not read, and formatFinding's `switch`
 * is checked for every type by the compiler. Every param is a wire primitive (FindingParam).
 */
import type { TargetSource } from "../evaluate/types";
import type { RhythmFindingType } from "../rhythm/rhythmFinding";

/** error: the data is wrong and must be fixed; warning: needs a look; info: progress facts. */
export type Severity = "error" | "warning" | "info";

/** What a param may hold: what the wire carries (domain/sync/protocol.ts findingSummarySchema). */
export type FindingParam = string | number | boolean | null;

/** A value as a finding shows it: a number, a yes/no, a text or a range "10–20"; null when blank. */
type ShownValue = FindingParam;

/**
 * The target that judged a value (evaluate's targetParams): none, or its comparison, value and
 * unit with whose it is (the decision and article of an official one).
 */
export type TargetParams = {
  source: TargetSource;
  op?: string;
  target?: FindingParam;
  targetUnit?: string | null;
  decision?: string | null;
  article?: string | null;
  targetText?: string | null;
};

/** Params a host or pass may add to any finding: the report's period, the work item, the village. */
export type PlacedParams = {
  period?: string | null;
  item?: string;
  village?: string;
};

/** A self-assessment of an indicator that its value contradicts. */
type IndicatorMismatchParams = TargetParams & {
  selfAssessment: "met" | "unmet";
  met: boolean;
  value: ShownValue;
  unit: string | null;
  valueCell: string | null;
};

/** A village's stated share of criteria met that its criteria contradict (evaluate/unitProgress). */
type ProgressMismatchParams = {
  /** Absent here, so a reader of any mismatch may ask for it. */
  valueCell?: null;
  unit: string;
  statedProgress: number;
  computedProgress: number;
  met: number;
  total: number;
};

/** Each finding type's own params. */
export interface FindingParamsByType {
  "indicator/unmet": TargetParams & {
    value: ShownValue;
    unit: string | null;
    gap: number | null;
    gapUnit: string | null;
    gapDirection: "short" | "over" | "off" | null;
  };
  "indicator/unknown-target": { value: ShownValue; unit: string | null };
  "indicator/not-applicable": { raw: string | null };
  "target/weaker-than-official": TargetParams & {
    workbookOp: string;
    workbookTarget: FindingParam;
    workbookText: string | null;
  };
  "self-assessment/mismatch": IndicatorMismatchParams | ProgressMismatchParams;
  "value/out-of-range": { value: ShownValue; unit: string | null; kind: string | null };
  /** `reason`: formula-error, not-applicable (where every commune must answer), text, self-assessment… */
  "value/unreadable": { raw: FindingParam; reason: string; text?: string };
  /** `raw` absent when two cells disagree (both "Đạt" and "Chưa đạt" marked: `otherCell`). */
  "value/ambiguous": {
    raw?: FindingParam;
    reason: string;
    reading?: number;
    otherCell?: string;
    text?: string;
  };
  "mapping/unmatched-row": {
    row: number;
    text: string;
    label: string | null;
    bestMatch: string | null;
    similarity: number | null;
  };
  "mapping/missing-indicator": { name: string; criterion: string };
  /** `first`: where the indicator was read first ("Biểu 01!C12"). */
  "mapping/duplicate-indicator": { first: string; row: number };
  "set/period-mismatch": {
    period: string;
    tableSet: string;
    tableSetTitle: string;
    tableSetTitleEn: string;
    inForceSet: string;
    inForceSetTitle: string;
    inForceSetTitleEn: string;
  };
  "mapping/ambiguous-column":
    | { role: "value"; column: string; otherColumn: string; confidence: number }
    | { role: "target"; reason: "group-unknown" | "region-unknown"; column: string };
  "settings/invalid": { key: string; value: string };
}

// Work volumes against their own past (domain/rhythm/plausibilityFindings.ts): their params are
// the rhythm's to name; its renderer reads each one defensively.
type RhythmParams = Record<string, FindingParam>;

export type FindingType = keyof FindingParamsByType | RhythmFindingType;

export type FindingParams<T extends FindingType> = (T extends keyof FindingParamsByType
  ? FindingParamsByType[T]
  : RhythmParams) &
  PlacedParams;

/** One finding of type `T`. */
export interface FindingOf<T extends FindingType> {
  type: T;
  severity: Severity;
  sheet?: string;
  cell?: string;
  /** Indicator code in the report's criteria set, when the finding is about one. */
  indicator?: string;
  params: FindingParams<T>;
}

export type Finding = { [T in FindingType]: FindingOf<T> }[FindingType];

/** `f` with params added (a period, a village) that every finding type may carry. */
export function withPlacedParams<F extends Finding>(f: F, placed: PlacedParams): F {
  return { ...f, params: { ...f.params, ...placed } };
}
