/**
 * What a criteria table yields, recorded row by row once the reader has decided what a row is: an
 * indicator's values (one per period column pair), a criterion's own assessment, the mapping with
 * its confidence, and the findings the cells gave.
 * Invariant: `seen` (shared by the workbook's sheets) holds the first cell of each indicator and
 * criterion; a second occurrence is a `mapping/duplicate-indicator` finding (or, for a criterion
 * repeated by a detail sheet, nothing) and never a second value.
 */
import type { CriterionAssessment, ReportValue } from "../report";
import type { Finding } from "../review/finding";
import { toA1 } from "./grid";
import type { CatalogIndicator } from "./indicatorCatalog";
import { readCriterionAssessment, readIndicatorRow, type RowSource } from "./readIndicatorRow";

export interface RowMapping {
  code: string;
  sheet: string;
  row: number;
  by: "code" | "label" | "name" | "as-written";
  confidence: number;
}

export interface TableReading {
  values: ReportValue[];
  criteria: CriterionAssessment[];
  findings: Finding[];
  mappings: RowMapping[];
  /** 0-based last row read as part of the table. */
  lastRow: number;
}

export class TableRowRecorder {
  readonly out: TableReading = { values: [], criteria: [], findings: [], mappings: [], lastRow: 0 };

  constructor(
    private readonly src: RowSource,
    private readonly seen: Map<string, string>,
  ) {}

  /** Whether an indicator was read already, in any period's columns of the first pair. */
  alreadyRead(code: string): boolean {
    const period = this.src.cols.periods[0].period;
    return this.seen.has(code) || this.seen.has(`${code}@${period}`);
  }

  criterion(r: number, code: string): void {
    const sheet = this.src.grid.sheet;
    const { selfAssessment, cell, findings } = readCriterionAssessment(this.src, r, code);
    this.out.findings.push(...findings);
    const key = `criterion:${code}`;
    // A detail sheet repeating the summary is normal; only the first assessment counts.
    if (this.seen.has(key)) return;
    this.seen.set(key, `${sheet}!${cell ?? ""}`);
    this.out.criteria.push({ code, selfAssessment, sheet, ...(cell ? { cell } : {}) });
    this.out.mappings.push({ code: key, sheet, row: r, by: "code", confidence: 1 });
  }

  indicator(
    r: number,
    code: string,
    ind: CatalogIndicator | undefined,
    name: string,
    label: string,
    by: RowMapping["by"],
    confidence: number,
  ): void {
    const { periods } = this.src.cols;
    const many = periods.length > 1;
    for (const p of periods)
      this.period(r, code, ind, name, label, p.value, p.sa, many ? p.period : undefined);
    this.out.mappings.push({ code, sheet: this.src.grid.sheet, row: r, by, confidence: round2(confidence) });
  }

  finding(f: Finding): void {
    this.out.findings.push(f);
  }

  private period(
    r: number,
    code: string,
    ind: CatalogIndicator | undefined,
    name: string,
    label: string,
    vc: number | undefined,
    sa: number | undefined,
    period: string | undefined,
  ): void {
    const { grid, cols } = this.src;
    const sheet = grid.sheet;
    const key = period ? `${code}@${period}` : code;
    const dupOf = this.seen.get(key);
    const here = toA1(r, vc ?? sa ?? cols.met ?? cols.no ?? 0);
    if (dupOf) {
      this.out.findings.push({
        type: "mapping/duplicate-indicator",
        severity: "warning",
        sheet,
        cell: here,
        indicator: code,
        params: { first: dupOf, row: r + 1, ...(period ? { period } : {}) },
      });
      return;
    }
    this.seen.set(key, sheet ? `${sheet}!${here}` : here);
    const { value, findings } = readIndicatorRow(this.src, r, code, ind, vc, sa, here);
    this.out.findings.push(...findings);
    if (label || name) value.label = name || label;
    value.sheet = sheet;
    if (period) value.period = period;
    this.out.values.push(value);
  }
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
