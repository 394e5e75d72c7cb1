/**
 * The judging step of a check, on a Report however it was made: read from a workbook
 * (checkWorkbook) or pushed as values to the server. Both call this, so a pushed revision is
 * judged exactly as the workbook it came from was in the pane and by `ntm validate`.
 */
import type { CriteriaSet } from "../criteria/schema";
import { evaluate, type EvaluateContext } from "../evaluate";
import type { Evaluation } from "../evaluate/types";
import type { Report } from "../report";
import type { Finding } from "../review/finding";

export interface Judgement {
  evaluation: Evaluation;
  findings: Finding[];
}

export function judgeReport(set: CriteriaSet, report: Report, context: EvaluateContext = {}): Judgement {
  const evaluation = evaluate(set, report, context);
  return { evaluation, findings: evaluation.findings };
}
