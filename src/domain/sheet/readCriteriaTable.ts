/**
 * Reading a criteria table (rows = criteria and indicators) into Report values, criterion-level
 * assessments and reader findings.
 * Invariant: rows are walked once, top to bottom, carrying the current group and criterion; each
 * data row becomes exactly one of: a mapped indicator value, a criterion-level assessment, a
 * structural row (group, criterion heading, totals), or a `mapping/unmatched-row` finding — a row
 * with data is never dropped silently. Mapping is by code first, then by name; every mapping
 * carries a confidence in 0..1.
 */
import { cellAt, toA1, type Grid } from "./grid";
import { cellText, textAt } from "./gridText";
import { isFooterText, type TableLayout } from "./detectTable";
import { clipFindingText } from "./clipFindingText";
import {
  criteriaColumnsOf,
  labelText,
  type CriteriaColumns,
  type CriteriaReadOptions,
} from "./criteriaTableColumns";
import { foldVietnamese } from "./foldVietnamese";
import {
  matchCriterionByName,
  matchIndicatorByName,
  tokenSetOf,
  tokenSimilarity,
  type CatalogIndicator,
  type IndicatorCatalog,
} from "./indicatorCatalog";
import { matchIndicatorInOrder, NAME_MATCH_MIN } from "./matchIndicatorInOrder";
import { readCell } from "./parseCellValue";
import { parseRowLabel, splitLeadingLabel, type RowLabel } from "./parseRowLabel";
import { wholePercentColumns } from "./readIndicatorRow";
import { round2, TableRowRecorder, type RowMapping, type TableReading } from "./recordTableRows";

export { applicableTarget, type CriteriaReadOptions } from "./criteriaTableColumns";
export type { RowMapping, TableReading } from "./recordTableRows";

const TOTAL_ROW_TEXTS = new Set(["tong so", "tong cong", "cong", "tong", "tong so tieu chi", "cong so"]);

class CriteriaTableReader {
  private readonly cols: CriteriaColumns;
  private readonly rows: TableRowRecorder;
  private criterion: string | undefined;
  private explicitCriteria = false;
  private subIndex = 0;
  /** Index (in the set's order) after the last indicator read under the current criterion. */
  private nextInCriterion = 0;
  private readonly seen: Map<string, string>;

  constructor(
    private readonly grid: Grid,
    private readonly layout: TableLayout,
    private readonly catalog: IndicatorCatalog | undefined,
    seen: Map<string, string>,
    options: CriteriaReadOptions,
  ) {
    this.cols = criteriaColumnsOf(layout, options);
    this.seen = seen;
    const src = { grid, cols: this.cols, wholePercents: wholePercentColumns(grid, layout) };
    this.rows = new TableRowRecorder(src, seen);
  }

  read(): TableReading {
    const { grid, layout } = this;
    let last = layout.firstDataRow - 1;
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      const row = grid.cells[r];
      if (!row || row.length === 0) continue;
      const verdict = this.readRow(r);
      if (verdict === "stop") break;
      if (verdict === "data") last = r;
    }
    this.rows.out.lastRow = last;
    return this.rows.out;
  }

  private text(r: number, c: number | undefined): string {
    return c === undefined ? "" : textAt(this.grid, r, c);
  }

  private hasData(r: number): boolean {
    const { target } = this.cols;
    return (target !== undefined && this.text(r, target) !== "") || this.hasAssessmentData(r);
  }

  private hasAssessmentData(r: number): boolean {
    const { met, unmet, periods } = this.cols;
    if ([met, unmet].some((c) => c !== undefined && this.text(r, c) !== "")) return true;
    for (const p of periods)
      if (
        (p.value !== undefined && this.text(r, p.value) !== "") ||
        (p.sa !== undefined && this.text(r, p.sa) !== "")
      )
        return true;
    return false;
  }

  private firstText(r: number): string {
    const row = this.grid.cells[r] ?? [];
    for (const cell of row) {
      const t = cellText(cell);
      if (t !== "") return t;
    }
    return "";
  }

  private readRow(r: number): "stop" | "data" | "skip" {
    const noText = labelText(this.grid, r, this.cols.no);
    const critText = this.text(r, this.cols.criterion);
    let contentText = this.text(r, this.cols.content);
    const first = this.firstText(r);
    if (first === "") return "skip";
    let label: RowLabel = parseRowLabel(noText);
    if ((label.kind === "other" || label.kind === "none") && isFooterText(first)) return "stop";
    if (
      label.kind === "none" &&
      (critText || contentText).length <= 20 &&
      TOTAL_ROW_TEXTS.has(foldVietnamese(critText || contentText))
    ) {
      return "skip";
    }
    let critName = critText;
    if (label.kind === "none") {
      const split = splitLeadingLabel(critText || contentText);
      if (split) {
        label = split.label;
        if (critText) critName = split.rest;
        else contentText = split.rest;
      }
    }
    const data = this.hasData(r);
    switch (label.kind) {
      case "group":
        return "skip";
      case "criterion":
        this.enterCriterion(label.code, true);
        return data ? this.criterionWithData(r, label.code, critName, contentText) : "data";
      case "integer":
        return this.integerRow(r, label.n, critName, contentText, data);
      case "indicator": {
        const crit = label.code.split(".")[0];
        if (crit !== this.criterion) this.enterCriterion(crit, false);
        // A bullet or letter after "12.1" continues from it.
        this.subIndex = Number(label.code.split(".")[1] ?? 0);
        if (!data && !contentText) return "skip";
        return this.indicatorByCode(r, label.code, contentText || critName, noText);
      }
      case "letter":
      case "bullet": {
        if (!data) return "skip";
        this.subIndex = label.kind === "letter" ? label.index : this.subIndex + 1;
        return this.derivedIndicator(
          r,
          contentText || critName,
          noText || (label.kind === "bullet" ? "-" : ""),
        );
      }
      case "none":
      case "other": {
        const name = contentText || critName || (label.kind === "other" ? label.text : "");
        if (!data) {
          // A heading row naming a criterion ("CƠ SỞ VẬT CHẤT VĂN HÓA"), in either name column;
          // a group heading ("III. KINH TẾ …") is not one.
          const heading = critName || (/^[IVX]+[.)]?\s/.test(contentText) ? "" : contentText);
          if (heading && this.catalog) {
            const m = matchCriterionByName(this.catalog, heading);
            if (m && m.similarity >= 0.6) this.enterCriterion(m.code, false);
          }
          return "skip";
        }
        if (!this.hasAssessmentData(r) && !name) return "skip";
        if (critName && contentText && this.catalog) {
          // "Trường học" | "Tỷ lệ trường học các cấp": the criterion column opens the criterion.
          const m = matchCriterionByName(this.catalog, critName);
          if (m && m.similarity >= 0.6 && m.code !== this.criterion) this.enterCriterion(m.code, false);
        }
        return this.indicatorByName(r, name, noText);
      }
    }
  }

  private enterCriterion(code: string, explicit: boolean): void {
    this.criterion = code;
    this.subIndex = 0;
    this.nextInCriterion = 0;
    if (explicit) this.explicitCriteria = true;
  }

  private integerRow(
    r: number,
    n: number,
    critText: string,
    contentText: string,
    data: boolean,
  ): "data" | "skip" {
    const code = String(n);
    const hasCritCol = this.cols.criterion !== undefined;
    if (hasCritCol && critText !== "") {
      this.enterCriterion(code, false);
      return data ? this.criterionWithData(r, code, critText, contentText) : "data";
    }
    if (
      !data &&
      this.catalog?.criterionByCode.has(code) &&
      this.opensCriterion(code, contentText || critText)
    ) {
      // "13. Tổ chức sản xuất …" with nothing measured: a criterion heading, its indicators follow.
      this.enterCriterion(code, false);
      return "skip";
    }
    const single = this.catalog?.criterionByCode.get(code);
    if (data && single?.indicators.length === 1 && this.opensCriterion(code, contentText || critText)) {
      // "5 | Trường học: Tỷ lệ …" after "Tiêu chí 4"'s items: a single-indicator criterion's row.
      this.enterCriterion(code, false);
      return this.criterionWithData(r, code, critText, contentText);
    }
    if (this.explicitCriteria && this.criterion && contentText) {
      if (!data) return "skip";
      this.subIndex = n;
      return this.derivedIndicator(r, contentText, code);
    }
    if (!data) return "skip";
    if (!this.catalog) return this.asWritten(r, code, contentText || critText, code);
    if (this.catalog.byCode.has(code)) return this.indicatorByCode(r, code, contentText || critText, code);
    if (
      this.catalog.criterionByCode.has(code) &&
      (this.cols.met !== undefined || this.cols.value === undefined)
    ) {
      return this.criterionWithData(r, code, critText, contentText);
    }
    return this.indicatorByName(r, contentText || critText, code);
  }

  /**
   * Whether an unmeasured "N. text" row is criterion N's heading rather than an item of a list
   * numbered 1, 2, 3 under "Tiêu chí M": it is when no criterion is open yet, when N follows the
   * open one, or when the text names criterion N.
   */
  private opensCriterion(code: string, text: string): boolean {
    if (!(this.explicitCriteria && this.criterion)) return true;
    if (Number(code) === Number(this.criterion) + 1) return true;
    const m = text && this.catalog ? matchCriterionByName(this.catalog, text) : undefined;
    return m !== undefined && m.code === code && m.similarity >= 0.5;
  }

  /** A criterion row that carries a value or an assessment itself. */
  private criterionWithData(r: number, code: string, critText: string, contentText: string): "data" {
    const cat = this.catalog;
    // A table without an indicator-content column, or with Đạt | Chưa đạt mark columns, assesses
    // whole criteria; its prose "current state" column is not an indicator value.
    const criterionLevel = this.layout.kind === "criteriaMarks" || this.cols.content === undefined;
    // A set whose criterion is itself its one indicator (2026–2030: "1" is "Đạt tiêu chí Quy hoạch")
    // reads a measured criterion row as that indicator.
    const measured =
      criterionLevel &&
      this.layout.kind !== "criteriaMarks" &&
      this.cols.value !== undefined &&
      ["boolean", "number"].includes(readCell(cellAt(this.grid, r, this.cols.value)).kind) &&
      cat?.byCode.get(code)?.criterion === code;
    if (cat && (!criterionLevel || measured)) {
      const single = cat.byCode.get(code) ?? singleIndicatorOf(cat, code);
      if (single) {
        this.emit(r, single.code, single, contentText || critText, String(code), "code", 1);
        return "data";
      }
    }
    if (!cat && !criterionLevel && !this.explicitCriteria) {
      this.asWritten(r, code, contentText || critText, code);
      return "data";
    }
    this.rows.criterion(r, code);
    return "data";
  }

  private indicatorByCode(r: number, code: string, name: string, label: string): "data" {
    const cat = this.catalog;
    if (!cat) return this.asWritten(r, code, name, label);
    const ind = cat.byCode.get(code);
    if (ind) {
      // A written code that exists in the set is strong evidence; names are only compared where
      // the code is derived from a position (letters, bullets), which is where they disagree.
      this.emit(r, code, ind, name, label, "code", 0.95);
      return "data";
    }
    return this.indicatorByName(r, name, label);
  }

  /** A letter, bullet or restarted number under the current criterion: position first, name to check. */
  private derivedIndicator(r: number, name: string, label: string): "data" {
    const crit = this.criterion;
    const code = crit ? `${crit}.${this.subIndex}` : String(this.subIndex);
    const cat = this.catalog;
    if (!cat) return this.asWritten(r, code, name, label);
    const byPos = cat.byCode.get(code);
    const posSim = byPos && name ? tokenSimilarity(tokenSetOf(name), byPos.tokens) : 0;
    const byName = name ? matchIndicatorByName(cat, name, crit) : undefined;
    if (
      byName &&
      byName.indicator.criterion === crit &&
      byName.similarity > posSim + 0.2 &&
      byName.indicator !== byPos
    ) {
      this.emit(r, byName.indicator.code, byName.indicator, name, label, "name", byName.similarity);
      return "data";
    }
    if (byPos) {
      this.emit(r, code, byPos, name, label, "label", Math.min(1, 0.7 + 0.3 * posSim));
      return "data";
    }
    return this.indicatorByName(r, name, label);
  }

  private byOrderAndName(name: string): { indicator: CatalogIndicator; similarity: number } | undefined {
    const crit = this.criterion && this.catalog?.criterionByCode.get(this.criterion);
    if (!crit || !name) return undefined;
    return matchIndicatorInOrder(crit, name, this.nextInCriterion, (code) => this.rows.alreadyRead(code));
  }

  private indicatorByName(r: number, name: string, label: string): "data" {
    const cat = this.catalog;
    const ordered = this.byOrderAndName(name);
    if (ordered) {
      this.emit(
        r,
        ordered.indicator.code,
        ordered.indicator,
        name,
        label,
        "name",
        Math.max(0.5, ordered.similarity),
      );
      return "data";
    }
    const m = cat && name ? matchIndicatorByName(cat, name, this.criterion) : undefined;
    if (m && m.similarity >= NAME_MATCH_MIN) {
      this.emit(r, m.indicator.code, m.indicator, name, label, "name", m.similarity);
      return "data";
    }
    this.rows.finding({
      type: "mapping/unmatched-row",
      severity: "warning",
      sheet: this.grid.sheet,
      cell: toA1(r, this.cols.no ?? this.cols.content ?? this.cols.criterion ?? 0),
      params: {
        row: r + 1,
        label: label || null,
        text: clipFindingText(name || this.firstText(r)),
        bestMatch: m ? m.indicator.code : null,
        similarity: m ? round2(m.similarity) : null,
      },
    });
    return "data";
  }

  /** No catalog for this set (a province's village list): the code is the numbering as written. */
  private asWritten(r: number, code: string, name: string, label: string): "data" {
    this.emit(r, code, undefined, name, label, "as-written", 1);
    return "data";
  }

  private emit(
    r: number,
    code: string,
    ind: CatalogIndicator | undefined,
    name: string,
    label: string,
    by: RowMapping["by"],
    confidence: number,
  ): void {
    if (ind && ind.criterion === this.criterion) {
      const k = this.catalog?.criterionByCode.get(ind.criterion)?.indicators.indexOf(ind) ?? -1;
      if (k >= 0) this.nextInCriterion = k + 1;
    }
    this.rows.indicator(r, code, ind, name, label, by, confidence);
  }
}

function singleIndicatorOf(cat: IndicatorCatalog, criterion: string): CatalogIndicator | undefined {
  const c = cat.criterionByCode.get(criterion);
  return c && c.indicators.length === 1 ? c.indicators[0] : undefined;
}

/**
 * Reads one criteria table. `seen` is shared across the sheets of a workbook (code → first cell), so
 * an indicator given twice is reported once as a duplicate wherever the second one sits.
 */
export function readCriteriaTable(
  grid: Grid,
  layout: TableLayout,
  catalog: IndicatorCatalog | undefined,
  seen: Map<string, string> = new Map(),
  options: CriteriaReadOptions = {},
): TableReading {
  return new CriteriaTableReader(grid, layout, catalog, seen, options).read();
}
