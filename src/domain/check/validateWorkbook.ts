/**
 * validateWorkbook: the per-file result `ntm validate --json` prints (FileValidation, issue 4
 * item 5), kept under its old name for the callers and tests that use it; it is checkWorkbook with
 * the file's display name, so it can never drift from what the pane shows.
 */
import type { FileValidation } from "../consolidate/fileValidation";
import type { Evaluation } from "../evaluate/types";
import type { Report } from "../report";
import type { Finding } from "../review/finding";
import type { WorkbookGrids } from "../sheet/grid";
import type { ReaderLayout } from "../sheet/readReport";
import { checkWorkbook, type CheckOptions } from "./checkWorkbook";

export interface WorkbookValidation {
  validation: FileValidation;
  report: Report;
  evaluation?: Evaluation;
  findings: Finding[];
  layout: ReaderLayout;
}

export function validateWorkbook(
  file: string,
  workbook: WorkbookGrids,
  options: CheckOptions = {},
): WorkbookValidation {
  const check = checkWorkbook(workbook, { ...options, file });
  return {
    validation: check.validation,
    report: check.report,
    ...(check.evaluation ? { evaluation: check.evaluation } : {}),
    findings: check.findings,
    layout: check.layout,
  };
}
