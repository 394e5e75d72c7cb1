/**
 * Grids → Report + reader findings for the pane's other jobs (pulling compares what the workbook
 * holds now): the same checkWorkbook the Kiểm tra tab and `ntm validate` run, with the clerk's
 * manual row mappings, so a pull sees the values a check would show. Nothing here reads values.
 */
import type { ManualMappings } from "../../../domain/check/applyManualMappings";
import { checkInPane } from "./analyseWorkbook";
import { DEFAULT_SET_ID, getCriteriaSet } from "../../../domain/criteria/registry";
import type { CriteriaSet } from "../../../domain/criteria/schema";
import type { Report } from "../../../domain/report";
import type { Finding } from "../../../domain/review/finding";
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import type { RowMapping } from "../../../domain/sheet/readCriteriaTable";

export type { ManualMappings } from "../../../domain/check/applyManualMappings";

export interface ReaderOutput {
  set: CriteriaSet;
  report: Report;
  findings: Finding[];
  mappings: RowMapping[];
}

export function readReportFromGrids(
  grids: WorkbookGrids,
  manual: ManualMappings = {},
  fileName?: string,
): ReaderOutput {
  const check = checkInPane(grids, manual, fileName);
  const set = check.set ?? getCriteriaSet(DEFAULT_SET_ID)!;
  return { set, report: check.report, findings: check.findings, mappings: check.layout.mappings };
}
