/**
 * The criteria and indicators of an authoring workbook: the `criteria` sheet (one row per
 * criterion) and the `indicators` sheet (one row per indicator, its targets in target columns),
 * then the `targets` sheet for targets that need a row of their own. Every value is recorded with
 * where it was written, so a schema complaint points back at its cell.
 */
import { INDICATOR_KINDS } from "../schema";
import { type Compiler, type Json, cellText, put, text2 } from "./authoringCompiler";
import { CATEGORY_SEPARATOR, CRITERIA_COLUMNS, INDICATOR_COLUMNS, OP_WORDS, SHEETS } from "./authoringLayout";
import { AXIS_HELP, TargetAdder, parseAxis, parseTargetsSheet, provenanceOf } from "./compileTargets";

function parseDerived(k: Compiler, sheet: string, row: number, s: string | undefined): Json | undefined {
  if (s === undefined) return undefined;
  const p = s.trim().split(/\s+/);
  if (p[0] === "set-met" && p.length === 2) return { type: "set-met", setId: p[1] };
  if (p[0] === "above-basis-target" && p.length === 4 && Number.isFinite(Number(p[3])))
    return { type: "above-basis-target", setId: p[1], indicator: p[2], percentAbove: Number(p[3]) };
  return k.error(
    sheet,
    row,
    "derivedFrom",
    `"${s}" không hợp lệ; ghi "set-met <mã bộ>" hoặc "above-basis-target <mã bộ> <mã chỉ tiêu> <phần trăm>"`,
    `"${s}" is not valid; write "set-met <set id>" or "above-basis-target <set id> <indicator> <percent>"`,
  );
}

/** The `criteria` sheet: one criterion per row, its indicators filled in from the indicators sheet. */
function parseCriteriaSheet(k: Compiler): { criteria: Json[]; byCode: Map<string, Json> } {
  const ct = k.table(SHEETS.criteria, CRITERIA_COLUMNS, true);
  const criteria: Json[] = [];
  const byCode = new Map<string, Json>();
  for (const r of ct?.rows ?? []) {
    const ci = criteria.length;
    const c: Json = {};
    put(
      c,
      "code",
      k.required(ct!, r, "code", { vi: "mã tiêu chí, ví dụ 17", en: "the criterion code, e.g. 17" }),
    );
    put(
      c,
      "name",
      text2(
        k.required(ct!, r, "name::vi", { vi: "tên tiêu chí", en: "the criterion name" }),
        r.text("name::en"),
      ),
    );
    put(c, "group", r.text("group"));
    put(c, "rollup", k.rollup(ct!.sheet, r.row, "rollup", r.text("rollup")));
    put(c, "indicators", []);
    put(c, "note", r.text("note"));
    criteria.push(c);
    k.where(`criteria[${ci}]`, ct!.sheet, r.row, "code");
    for (const col of ["code", "group", "note"]) k.where(`criteria[${ci}].${col}`, ct!.sheet, r.row, col);
    k.where(`criteria[${ci}].name`, ct!.sheet, r.row, "name::vi");
    k.where(`criteria[${ci}].rollup`, ct!.sheet, r.row, "rollup");
    if (typeof c.code === "string" && !byCode.has(c.code)) byCode.set(c.code, c);
  }
  return { criteria, byCode };
}

/** The `indicators` sheet: each row an indicator of its criterion, with its row's targets. */
function parseIndicatorsSheet(
  k: Compiler,
  criteria: Json[],
  byCode: Map<string, Json>,
): Map<string, TargetAdder> {
  const adders = new Map<string, TargetAdder>();
  const it = k.table(
    SHEETS.indicators,
    INDICATOR_COLUMNS,
    true,
    (h) => h === "target" || h.startsWith("target::"),
  );
  if (!it) return adders;
  const targetCols = it.columns.filter((h) => h === "target" || h.startsWith("target::"));
  for (const h of targetCols)
    if (h !== "target" && !parseAxis(h.slice("target::".length)))
      k.error(
        it.sheet,
        1,
        h,
        `"${h}" không phải cột chỉ tiêu; ${AXIS_HELP.vi}`,
        `"${h}" is not a target column; ${AXIS_HELP.en}`,
      );
  for (const r of it.rows) {
    const crit = k.required(it, r, "criterion", {
      vi: "mã tiêu chí mà chỉ tiêu thuộc về",
      en: "the code of the indicator's criterion",
    });
    const c = crit === undefined ? undefined : byCode.get(crit);
    if (crit !== undefined && !c)
      k.error(
        it.sheet,
        r.row,
        "criterion",
        `không có tiêu chí "${crit}" trong trang criteria; ghi một mã có ở đó hoặc thêm tiêu chí`,
        `no criterion "${crit}" on the criteria sheet; use a code listed there or add the criterion`,
      );
    const ind: Json = {};
    const code = k.required(it, r, "code", {
      vi: "mã chỉ tiêu, ví dụ 17.1",
      en: "the indicator code, e.g. 17.1",
    });
    put(ind, "code", code);
    put(
      ind,
      "name",
      text2(
        k.required(it, r, "name::vi", { vi: "tên chỉ tiêu", en: "the indicator name" }),
        r.text("name::en"),
      ),
    );
    const kind = k.oneOf(it, r, "kind", INDICATOR_KINDS, undefined, { vi: "loại chỉ tiêu", en: "a kind" });
    put(ind, "kind", kind);
    put(ind, "unit", r.text("unit"));
    put(
      ind,
      "op",
      k.oneOf(it, r, "op", ["≥", "≤", "=", "yes"], OP_WORDS, { vi: "phép so sánh", en: "a comparison" }),
    );
    ind.targets = {};
    put(
      ind,
      "categories",
      r
        .text("categories")
        ?.split(CATEGORY_SEPARATOR.trim())
        .map((s) => s.trim())
        .filter(Boolean),
    );
    put(ind, "derivedFrom", parseDerived(k, it.sheet, r.row, r.text("derivedFrom")));
    put(ind, "note", r.text("note"));
    const indicators = (c?.indicators as Json[]) ?? [];
    const ci = c ? criteria.indexOf(c) : -1;
    const base = `criteria[${ci}].indicators[${indicators.length}]`;
    indicators.push(ind);
    k.where(base, it.sheet, r.row, "code");
    for (const col of ["code", "kind", "unit", "op", "categories", "derivedFrom", "note"])
      k.where(`${base}.${col}`, it.sheet, r.row, col);
    k.where(`${base}.name`, it.sheet, r.row, "name::vi");
    const filled = targetCols.filter((h) => cellText(r.cell(h)) !== undefined);
    const prov = provenanceOf(k, it.sheet, r, filled.length > 0);
    const hint = r.text("hint");
    if (hint !== undefined && cellText(r.cell("target")) === undefined)
      k.error(
        it.sheet,
        r.row,
        "hint",
        'gợi ý thuộc về chỉ tiêu chung; ghi "?" vào cột target, hoặc chuyển sang trang targets',
        'a hint belongs to the general target; write "?" in the target column, or use the targets sheet',
      );
    const adder = new TargetAdder(k, ind.targets as Json, code ?? "?", kind, r.text("unit"), base);
    if (code !== undefined) adders.set(code, adder);
    if (prov)
      for (const h of filled) {
        const value = adder.value(it.sheet, r.row, h, r.cell(h));
        if (value === undefined) continue;
        adder.add(
          h === "target" ? "general" : h.slice("target::".length),
          it.sheet,
          r.row,
          h,
          value,
          prov,
          h === "target" ? hint : undefined,
        );
      }
  }
  return adders;
}

/** The criteria with their indicators and targets, from the criteria, indicators and targets sheets. */
export function parseCriteriaAndIndicators(k: Compiler): Json[] {
  const { criteria, byCode } = parseCriteriaSheet(k);
  parseTargetsSheet(k, parseIndicatorsSheet(k, criteria, byCode));
  return criteria;
}
