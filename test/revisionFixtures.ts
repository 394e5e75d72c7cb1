/**
 * The revision pieces many tests build: an evaluation with nothing judged, a revision as the wire
 * carries it, Xã Sơn Hồng's returned report around a head, and a push into the store by one author.
 * One copy, so a field the wire gains is added here once and every test still builds a valid value.
 */
import type {
  EvaluationSummary,
  IndicatorValues,
  ReportView,
  Revision,
  ReviewEvent,
} from "../src/domain/sync/protocol";
import type { PushInput, Store } from "../src/server/store/store";

/** An evaluation of the national commune set (19 criteria) with nothing met and nothing found. */
export function emptyEvaluation(fields: Partial<EvaluationSummary> = {}): EvaluationSummary {
  return {
    criteriaMet: 0,
    criteriaTotal: 19,
    progress: 0,
    criteria: [],
    indicators: {},
    findings: [],
    ...fields,
  };
}

/** Revision `number`, made on top of the one before it; `fields` replace what a test cares about. */
export function wireRevision(number: number, fields: Partial<Revision> = {}): Revision {
  return {
    number,
    baseRevision: number - 1,
    opId: "x",
    author: "a",
    createdAt: "2023-01-01",
    contentHash: "h",
    workbookHash: null,
    values: {},
    evaluation: emptyEvaluation(),
    ...fields,
  };
}

/** Xã Sơn Hồng's 2023 report, returned by a reviewer: its head is revision 4, pushed by the commune. */
export function returnedSonHong(
  values: IndicatorValues,
  reviews: ReviewEvent[],
  evaluation: EvaluationSummary = emptyEvaluation(),
): ReportView {
  return {
    org: "18139",
    orgName: "Xã Sơn Hồng",
    set: "vn-xa-ntm-2021-2025",
    period: "2023",
    reviewState: "returned",
    locked: false,
    head: wireRevision(4, {
      opId: "op-x",
      author: "xã",
      createdAt: "2023-11-20T00:00:00Z",
      values,
      evaluation,
    }),
    reviews,
  };
}

/** Who pushes to which report: the part of a push a test keeps fixed. */
export type PushTarget = Pick<PushInput, "unitId" | "setId" | "setHash" | "author">;

/** A push straight into the store, with an empty evaluation and no workbook behind it. */
export function pushWithoutEvaluation(
  store: Store,
  target: PushTarget,
  push: Pick<PushInput, "period" | "opId" | "baseRevision" | "values">,
): ReturnType<Store["pushRevision"]> {
  return store.pushRevision({ ...target, ...push, evaluation: emptyEvaluation(), workbookHash: null });
}
