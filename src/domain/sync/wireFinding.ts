/**
 * A finding as the wire and the store carry it (findingSummarySchema), taken back as the domain's
 * typed Finding. Its type and severity are checked by the wire's enums and its params are wire
 * primitives, but the params are not checked again per type: stored revisions keep what older
 * versions wrote, and every sentence reads its params defensively (a missing one shows blank and
 * never throws). This is the one place the wire's looser shape is taken as the typed union; the
 * other way needs no cast: every Finding is a FindingSummary (server/evaluation/evaluatePushedValues
 * copies one field by field, checked by the compiler).
 */
import type { Finding } from "../review/finding";
import type { EvaluationSummary } from "./protocol";

export type FindingSummary = EvaluationSummary["findings"][number];

export function findingFromWire(f: FindingSummary): Finding {
  return f as Finding;
}
