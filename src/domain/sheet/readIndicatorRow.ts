/**
 * The cells of one mapped criteria-table row, read by what they hold: the result cell (value, unit,
 * the workbook's own target beside it), the assessment cells (Đạt | Chưa đạt marks or one
 * self-assessment column) and the note. The row reader decides which indicator a row is; this
 * file only reads what the row says about it.
 * Invariant: a cell that holds something the reader cannot take cleanly becomes a finding at that
 * cell — never a silently empty field.
 */
import type { ReportValue, SelfAssessment } from "../report";
import type { Finding } from "../review/finding";
import { clipFindingText } from "./clipFindingText";
import type { CriteriaColumns } from "./criteriaTableColumns";
import type { TableLayout } from "./detectTable";
import { cellAt, toA1, type Grid } from "./grid";
import { textAt } from "./gridText";
import type { CatalogIndicator } from "./indicatorCatalog";
import { readIndicatorValue, readMarks, readSelfAssessment, readWorkbookTarget } from "./readIndicatorValue";

/** What the row readers share: the sheet, its columns, and the per-column percent convention. */
export interface RowSource {
  grid: Grid;
  cols: CriteriaColumns;
  /** Whether column c writes percents as numbers of percent (85, 92,5). */
  wholePercents: (c: number) => boolean;
}

/**
 * Whether column c writes percents as numbers of percent: most of its plain numbers lie above 1
 * (85, 92.5), so a 0.8 among them is 0.8 % rather than a share of 80 %. Memoised per column.
 */
export function wholePercentColumns(grid: Grid, layout: TableLayout): (c: number) => boolean {
  const cache = new Map<number, boolean>();
  return (c) => {
    const hit = cache.get(c);
    if (hit !== undefined) return hit;
    let whole = 0;
    let fractions = 0;
    const last = Math.min(layout.lastDataRow, layout.firstDataRow + 150);
    for (let r = layout.firstDataRow; r <= last; r++) {
      const cell = grid.cells[r]?.[c];
      if (!cell || typeof cell.v !== "number" || cell.z) continue;
      if (cell.v > 1 && cell.v <= 100) whole++;
      else if (cell.v > 0 && cell.v <= 1) fractions++;
    }
    const out = whole >= 3 && whole >= 3 * fractions;
    cache.set(c, out);
    return out;
  };
}

/** Value, target, assessment and note of one indicator in one period's columns. */
export function readIndicatorRow(
  src: RowSource,
  r: number,
  code: string,
  ind: CatalogIndicator | undefined,
  vc: number | undefined,
  sa: number | undefined,
  /** Where the value is said to be when no value cell exists. */
  here: string,
): { value: ReportValue; findings: Finding[] } {
  const findings: Finding[] = [];
  const value: ReportValue = { code, value: null };
  readResultCells(src, r, ind, vc, value, findings);
  readAssessmentCells(src, r, vc, sa, value, findings);
  if (!value.cell) value.cell = here;
  const { notes } = src.cols;
  const note = notes !== undefined ? textAt(src.grid, r, notes) : "";
  if (note) value.note = note;
  return { value, findings };
}

/** The result cell and the workbook's own target cell of the row (value is fresh: set in place). */
function readResultCells(
  src: RowSource,
  r: number,
  ind: CatalogIndicator | undefined,
  vc: number | undefined,
  value: ReportValue,
  findings: Finding[],
): void {
  const { grid } = src;
  const tc = src.cols.target;
  const target = tc !== undefined ? readWorkbookTarget(cellAt(grid, r, tc), ind?.op) : undefined;
  if (vc !== undefined) {
    const v = readIndicatorValue(cellAt(grid, r, vc), ind, target, src.wholePercents(vc));
    value.value = v.value;
    if (v.unit) value.unit = v.unit;
    value.raw = v.raw;
    if (v.notApplicable) value.notApplicable = true;
    if (v.problem) {
      findings.push({
        ...v.problem,
        severity: "warning",
        sheet: grid.sheet,
        cell: toA1(r, vc),
        indicator: value.code,
      });
    }
    value.cell = toA1(r, vc);
  } else if (ind?.unit) {
    value.unit = ind.unit;
  }
  if (target) {
    value.workbookTarget = target;
    value.targetCell = toA1(r, tc!);
  }
}

/** Đạt | Chưa đạt mark columns, else the self-assessment column; marks alone are the value too. */
function readAssessmentCells(
  src: RowSource,
  r: number,
  vc: number | undefined,
  sa: number | undefined,
  value: ReportValue,
  findings: Finding[],
): void {
  const { grid } = src;
  const { met, unmet } = src.cols;
  if (met !== undefined || unmet !== undefined) {
    const marks = readMarks(cellAt(grid, r, met), cellAt(grid, r, unmet));
    value.selfAssessment = marks.sa;
    const at = marks.cellIs === "unmet" ? unmet : (met ?? unmet);
    value.selfAssessmentCell = toA1(r, at!);
    if (vc === undefined) {
      value.value = marks.sa === null ? null : marks.sa === "met";
      value.cell = value.selfAssessmentCell;
    }
    if (marks.both) findings.push(ambiguousMarks(grid.sheet, r, value.code, met!, unmet!));
  } else if (sa !== undefined) {
    const s = readSelfAssessment(cellAt(grid, r, sa));
    value.selfAssessment = s.sa;
    value.selfAssessmentCell = toA1(r, sa);
    if (s.unreadable) findings.push(unreadableAssessment(grid.sheet, r, sa, value.code, s.unreadable));
  }
}

/** A criterion row's own assessment: its marks, else its self-assessment (or value) column. */
export function readCriterionAssessment(
  src: RowSource,
  r: number,
  code: string,
): { selfAssessment: SelfAssessment; cell?: string; findings: Finding[] } {
  const { grid } = src;
  const { sa, met, unmet } = src.cols;
  const findings: Finding[] = [];
  if (met !== undefined || unmet !== undefined) {
    const marks = readMarks(cellAt(grid, r, met), cellAt(grid, r, unmet));
    const at = marks.cellIs === "met" ? met : marks.cellIs === "unmet" ? unmet : (met ?? unmet);
    if (marks.both) findings.push(ambiguousMarks(grid.sheet, r, code, met!, unmet!));
    return { selfAssessment: marks.sa, ...(at !== undefined ? { cell: toA1(r, at) } : {}), findings };
  }
  const c = sa ?? src.cols.value;
  if (c === undefined) return { selfAssessment: null, findings };
  const s = readSelfAssessment(cellAt(grid, r, c));
  if (s.unreadable) findings.push(unreadableAssessment(grid.sheet, r, c, code, s.unreadable));
  return { selfAssessment: s.sa, cell: toA1(r, c), findings };
}

/** An x under both Đạt and Chưa đạt: reported at the Đạt cell, naming the other. */
function ambiguousMarks(sheet: string, r: number, code: string, met: number, unmet: number): Finding {
  const params = { reason: "both-marks", otherCell: toA1(r, unmet) };
  return { type: "value/ambiguous", severity: "warning", sheet, cell: toA1(r, met), indicator: code, params };
}

function unreadableAssessment(sheet: string, r: number, c: number, code: string, text: string): Finding {
  const params = { raw: clipFindingText(text), reason: "self-assessment" };
  return { type: "value/unreadable", severity: "warning", sheet, cell: toA1(r, c), indicator: code, params };
}
