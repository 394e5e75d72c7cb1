/**
 * Reading a criteria table (rows = criteria and indicators) into Report values, criterion-level
 * assessments and reader findings.
 * Invariant: rows are walked once, top to bottom, carrying the current group and criterion; each
 * data row becomes exactly one of: a mapped indicator value, a criterion-level assessment, a
 * structural row (group, criterion heading, totals), or a `mapping/unmatched-row` finding — a row
 * with data is never dropped silently. Mapping is by code first, then by name; every mapping
 * carries a confidence in 0..1.
 */
import type { CriterionAssessment, ReportValue } from "../report";
import type { Finding } from "../review/finding";
import type { Grid } from "./grid";
import { toA1 } from "./grid";
import { cellText, textAt } from "./gridText";
import { columnOf, columnsWithRole, isFooterText, type TableColumn, type TableLayout } from "./detectTable";
import { foldVietnamese } from "./foldVietnamese";
import {
  matchCriterionByName,
  matchIndicatorByName,
  tokenSetOf,
  tokenSimilarity,
  type CatalogIndicator,
  type IndicatorCatalog,
} from "./indicatorCatalog";
import { readCell } from "./parseCellValue";
import { parseRowLabel, splitLeadingLabel, type RowLabel } from "./parseRowLabel";
import { readIndicatorValue, readMarks, readSelfAssessment, readWorkbookTarget } from "./readIndicatorValue";

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

const NAME_MATCH_MIN = 0.5;
/** The next indicator of the criterion in set order wins a close name match … */
const ORDER_BONUS = 0.25;
/** … and is taken on a weaker name match than any other (a retyped or shortened name). */
const EXPECTED_MIN = 0.25;
const TOTAL_ROW_TEXTS = new Set(["tong so", "tong cong", "cong", "tong", "tong so tieu chi", "cong so"]);

interface Columns {
  no?: number;
  criterion?: number;
  content?: number;
  target?: number;
  value?: number;
  sa?: number;
  met?: number;
  unmet?: number;
  notes?: number;
  /** One result (and assessment) column pair per period side by side; one pair without periods. */
  periods: { period?: string; value?: number; sa?: number }[];
}

export interface CriteriaReadOptions {
  /** The commune's region ("BTB"): picks its column among several target columns. */
  region?: string;
  /** The commune's group ("2", 2026–2030): picks its column the same way. */
  group?: string;
}

/**
 * The target column that applies: the commune's region's, else the general one ("Chỉ tiêu chung"),
 * else the only or first one.
 */
export function applicableTarget(
  layout: TableLayout,
  region: string | undefined,
  group?: string,
): TableColumn | undefined {
  const targets = columnsWithRole(layout, "target");
  if (targets.length <= 1) return targets[0];
  return (
    (group ? targets.find((t) => t.group === group) : undefined) ??
    (region ? targets.find((t) => t.region === region) : undefined) ??
    (region ? byElimination(targets) : undefined) ??
    targets.find((t) => t.region === "general") ??
    targets.find((t) => t.region === undefined && t.group === undefined) ??
    targets[0]
  );
}

/**
 * Region columns where the commune's region is not among those named: the one region column whose
 * header could not be read ("DHNTTB") is the commune's, when it is the only one.
 */
function byElimination(targets: TableColumn[]): TableColumn | undefined {
  const named = targets.filter((t) => t.region !== undefined && t.region !== "general");
  if (named.length < 3) return undefined;
  const unnamed = targets.filter(
    (t) => t.region === undefined && t.group === undefined && t.header.includes(" / "),
  );
  return unnamed.length === 1 ? unnamed[0] : undefined;
}

function periodColumns(layout: TableLayout): Columns["periods"] {
  const values = columnsWithRole(layout, "value");
  const sas = columnsWithRole(layout, "selfAssessment");
  const periods = [...new Set([...values, ...sas].map((c) => c.period))];
  if (periods.length < 2 || periods.includes(undefined))
    return [{ value: columnOf(layout, "value"), sa: columnOf(layout, "selfAssessment") }];
  return periods.map((period) => ({
    ...(period ? { period } : {}),
    value: values.find((c) => c.period === period)?.col,
    sa: sas.find((c) => c.period === period)?.col,
  }));
}

function columnsOf(layout: TableLayout, options: CriteriaReadOptions): Columns {
  const periods = periodColumns(layout);
  const latest = periods[periods.length - 1];
  return {
    periods,
    no: columnOf(layout, "no"),
    criterion: columnOf(layout, "criterion"),
    content: columnOf(layout, "content"),
    target: applicableTarget(layout, options.region, options.group)?.col,
    value: latest.value,
    sa: latest.sa,
    met: columnOf(layout, "metMark"),
    unmet: columnOf(layout, "unmetMark"),
    notes: columnOf(layout, "notes"),
  };
}

/** The numbering cell's text; a number typed as 17.1 keeps Excel's display ("17.10") when known. */
function labelText(grid: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return "";
  const cell = grid.cells[r]?.[c];
  if (!cell) return "";
  if (typeof cell.v === "number" && cell.w) return cell.w.trim();
  return cellText(cell);
}

class CriteriaTableReader {
  private readonly cols: Columns;
  private readonly out: TableReading = { values: [], criteria: [], findings: [], mappings: [], lastRow: 0 };
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
    this.cols = columnsOf(layout, options);
    this.seen = seen;
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
    this.out.lastRow = last;
    return this.out;
  }

  private text(r: number, c: number | undefined): string {
    return c === undefined ? "" : textAt(this.grid, r, c);
  }

  private cell(r: number, c: number | undefined) {
    return c === undefined ? undefined : this.grid.cells[r]?.[c];
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
      ["boolean", "number"].includes(readCell(this.cell(r, this.cols.value)).kind) &&
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
    this.emitCriterion(r, code);
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

  /**
   * An unnumbered row under a known criterion: the set's order says which indicator comes next, the
   * name confirms it (or points to another of the criterion's indicators not yet read).
   */
  private byOrderAndName(name: string): { indicator: CatalogIndicator; similarity: number } | undefined {
    const crit = this.criterion && this.catalog?.criterionByCode.get(this.criterion);
    if (!crit || !name) return undefined;
    const tokens = tokenSetOf(name);
    const seenKey = (code: string) =>
      this.seen.has(code) || this.seen.has(`${code}@${this.cols.periods[0].period}`);
    const expected = crit.indicators.find((i, k) => k >= this.nextInCriterion && !seenKey(i.code));
    const similarity = (ind: CatalogIndicator) =>
      Math.max(
        tokenSimilarity(tokens, ind.tokens),
        tokens.size >= 3 ? 0.8 * coverage(tokens, ind.tokens) : 0,
      );
    // The next indicator in order with a name this close needs no comparison with the others.
    if (expected) {
      const sim = similarity(expected);
      if (sim >= 0.6) return { indicator: expected, similarity: sim };
    }
    let best: { indicator: CatalogIndicator; similarity: number; score: number } | undefined;
    for (const ind of crit.indicators) {
      if (seenKey(ind.code)) continue;
      // A shortened name ("Xã có điểm vui chơi") is mostly words of the indicator's name.
      const sim = similarity(ind);
      const score = sim + (ind === expected ? ORDER_BONUS : 0);
      if (!best || score > best.score) best = { indicator: ind, similarity: sim, score };
    }
    if (!best) return undefined;
    const ok =
      best.indicator === expected ? best.similarity >= EXPECTED_MIN : best.similarity >= NAME_MATCH_MIN;
    return ok ? best : undefined;
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
    this.out.findings.push({
      type: "mapping/unmatched-row",
      severity: "warning",
      sheet: this.grid.sheet,
      cell: toA1(r, this.cols.no ?? this.cols.content ?? this.cols.criterion ?? 0),
      params: {
        row: r + 1,
        label: label || null,
        text: clip(name || this.firstText(r)),
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

  private emitCriterion(r: number, code: string): void {
    const { sa, met, unmet } = this.cols;
    let selfAssessment: "met" | "unmet" | null = null;
    let cell: string | undefined;
    if (met !== undefined || unmet !== undefined) {
      const marks = readMarks(this.cell(r, met), this.cell(r, unmet));
      selfAssessment = marks.sa;
      const at = marks.cellIs === "met" ? met : marks.cellIs === "unmet" ? unmet : (met ?? unmet);
      cell = at !== undefined ? toA1(r, at) : undefined;
      if (marks.both) this.ambiguousMarks(r, code, met!, unmet!);
    } else {
      const c = sa ?? this.cols.value;
      if (c !== undefined) {
        const s = readSelfAssessment(this.cell(r, c));
        selfAssessment = s.sa;
        cell = toA1(r, c);
        if (s.unreadable) this.unreadableAssessment(r, c, code, s.unreadable);
      }
    }
    const key = `criterion:${code}`;
    if (this.seen.has(key)) {
      // A detail sheet repeating the summary is normal; only the first assessment counts.
      return;
    }
    this.seen.set(key, `${this.grid.sheet}!${cell ?? ""}`);
    this.out.criteria.push({ code, selfAssessment, sheet: this.grid.sheet, ...(cell ? { cell } : {}) });
    this.out.mappings.push({
      code: `criterion:${code}`,
      sheet: this.grid.sheet,
      row: r,
      by: "code",
      confidence: 1,
    });
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
    const many = this.cols.periods.length > 1;
    if (ind && ind.criterion === this.criterion) {
      const k = this.catalog?.criterionByCode.get(ind.criterion)?.indicators.indexOf(ind) ?? -1;
      if (k >= 0) this.nextInCriterion = k + 1;
    }
    for (const p of this.cols.periods) {
      this.emitPeriod(r, code, ind, name, label, p.value, p.sa, many ? p.period : undefined);
    }
    this.out.mappings.push({ code, sheet: this.grid.sheet, row: r, by, confidence: round2(confidence) });
  }

  private emitPeriod(
    r: number,
    code: string,
    ind: CatalogIndicator | undefined,
    name: string,
    label: string,
    vc: number | undefined,
    sa: number | undefined,
    period: string | undefined,
  ): void {
    const sheet = this.grid.sheet;
    const { target: tc, met, unmet, notes } = this.cols;
    const key = period ? `${code}@${period}` : code;
    const dupOf = this.seen.get(key);
    const here = toA1(r, vc ?? sa ?? met ?? this.cols.no ?? 0);
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
    const target = tc !== undefined ? readWorkbookTarget(this.cell(r, tc), ind?.op) : undefined;
    const value: ReportValue = { code, value: null };
    if (vc !== undefined) {
      const v = readIndicatorValue(this.cell(r, vc), ind, target, this.wholePercents(vc));
      value.value = v.value;
      if (v.unit) value.unit = v.unit;
      value.raw = v.raw;
      if (v.problem) {
        this.out.findings.push({
          type: v.problem.type,
          severity: "warning",
          sheet,
          cell: toA1(r, vc),
          indicator: code,
          params: v.problem.params,
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
    if (met !== undefined || unmet !== undefined) {
      const marks = readMarks(this.cell(r, met), this.cell(r, unmet));
      value.selfAssessment = marks.sa;
      const at = marks.cellIs === "unmet" ? unmet : (met ?? unmet);
      value.selfAssessmentCell = toA1(r, at!);
      if (vc === undefined) {
        value.value = marks.sa === null ? null : marks.sa === "met";
        value.cell = value.selfAssessmentCell;
      }
      if (marks.both) this.ambiguousMarks(r, code, met!, unmet!);
    } else if (sa !== undefined) {
      const s = readSelfAssessment(this.cell(r, sa));
      value.selfAssessment = s.sa;
      value.selfAssessmentCell = toA1(r, sa);
      if (s.unreadable) this.unreadableAssessment(r, sa, code, s.unreadable);
    }
    if (!value.cell) value.cell = here;
    const note = notes !== undefined ? this.text(r, notes) : "";
    if (note) value.note = note;
    if (label || name) value.label = name || label;
    value.sheet = sheet;
    if (period) value.period = period;
    this.out.values.push(value);
  }

  private readonly wholePercentCache = new Map<number, boolean>();

  /**
   * Whether column c writes percents as numbers of percent: most of its plain numbers lie above 1
   * (85, 92.5), so a 0.8 among them is 0.8 % rather than a share of 80 %.
   */
  private wholePercents(c: number): boolean {
    const hit = this.wholePercentCache.get(c);
    if (hit !== undefined) return hit;
    let whole = 0;
    let fractions = 0;
    for (
      let r = this.layout.firstDataRow;
      r <= Math.min(this.layout.lastDataRow, this.layout.firstDataRow + 150);
      r++
    ) {
      const cell = this.grid.cells[r]?.[c];
      if (!cell || typeof cell.v !== "number" || cell.z) continue;
      if (cell.v > 1 && cell.v <= 100) whole++;
      else if (cell.v > 0 && cell.v <= 1) fractions++;
    }
    const out = whole >= 3 && whole >= 3 * fractions;
    this.wholePercentCache.set(c, out);
    return out;
  }

  private ambiguousMarks(r: number, code: string, met: number, unmet: number): void {
    this.out.findings.push({
      type: "value/ambiguous",
      severity: "warning",
      sheet: this.grid.sheet,
      cell: toA1(r, met),
      indicator: code,
      params: { reason: "both-marks", otherCell: toA1(r, unmet) },
    });
  }

  private unreadableAssessment(r: number, c: number, code: string, text: string): void {
    this.out.findings.push({
      type: "value/unreadable",
      severity: "warning",
      sheet: this.grid.sheet,
      cell: toA1(r, c),
      indicator: code,
      params: { raw: clip(text), reason: "self-assessment" },
    });
  }
}

/** Share of the words of `a` found in `b`. */
function coverage(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return a.size ? n / a.size : 0;
}

function singleIndicatorOf(cat: IndicatorCatalog, criterion: string): CatalogIndicator | undefined {
  const c = cat.criterionByCode.get(criterion);
  return c && c.indicators.length === 1 ? c.indicators[0] : undefined;
}

function clip(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + "…" : s;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
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
