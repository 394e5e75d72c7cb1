/**
 * Targets of an authoring workbook: which axis a column or a `targets` row names (general, a
 * region, a commune group, a year, a year and region), what its cell says, and where in the set it
 * goes. Invariant: one target per indicator and axis (a second is an error at its cell), and each
 * is recorded with where it was written.
 */
import type { Cell } from "../../sheet/grid";
import { REGIONS } from "../schema";
import { type Compiler, type Json, type Row, cellText, put } from "./authoringCompiler";
import { SHEETS, TARGET_COLUMNS, UNKNOWN_VALUE } from "./authoringLayout";
import { readTargetNumber } from "./readTargetNumber";

/** "target" → general, "target::BTB", "target::group1", "target::2023", "target::2023::BTB". */
export function parseAxis(
  axis: string,
): { year?: string; kind: "general" | "region" | "group"; key?: string } | undefined {
  const parts = axis.split("::");
  let year: string | undefined;
  if (/^\d{4}$/.test(parts[0])) year = parts.shift();
  if (parts.length > 1) return undefined;
  const a = parts[0];
  if (a === undefined || a === "general") return { ...(year ? { year } : {}), kind: "general" };
  if ((REGIONS as readonly string[]).includes(a))
    return { ...(year ? { year } : {}), kind: "region", key: a };
  const g = /^group([123])$/.exec(a);
  if (g) return { ...(year ? { year } : {}), kind: "group", key: g[1] };
  return undefined;
}

export const AXIS_HELP = {
  vi: `dùng target, target::<vùng> (${REGIONS.join(", ")}), target::group1..group3, target::<năm> hoặc target::<năm>::<vùng>`,
  en: `use target, target::<region> (${REGIONS.join(", ")}), target::group1..group3, target::<year> or target::<year>::<region>`,
};

export class TargetAdder {
  constructor(
    private readonly k: Compiler,
    private readonly targets: Json,
    private readonly code: string,
    private readonly kind: string | undefined,
    private readonly unit: string | undefined,
    private readonly pathBase: string,
  ) {}

  value(sheet: string, row: number, column: string, c: Cell | undefined): unknown {
    const s = cellText(c);
    if (s === UNKNOWN_VALUE) return null;
    if (this.kind === "yesno") {
      const b = this.k.bool(sheet, row, column, c);
      return b;
    }
    if (this.kind === "category") return s;
    if (typeof c?.v === "number")
      return c.z?.includes("%") && this.kind === "percent" ? Math.round(c.v * 100 * 1e9) / 1e9 : c.v;
    if (s === undefined) return undefined;
    const read = readTargetNumber(s, this.kind, this.unit);
    if (!read.ok) return this.k.error(sheet, row, column, read.error.vi, read.error.en);
    if (read.warning) this.k.warn(sheet, row, column, read.warning.vi, read.warning.en);
    return read.value;
  }

  add(
    axis: string,
    sheet: string,
    row: number,
    column: string,
    value: unknown,
    provenance: Json,
    hint: string | undefined,
  ): void {
    const a = parseAxis(axis);
    if (!a) {
      this.k.error(
        sheet,
        row,
        column,
        `"${axis}" không phải trục chỉ tiêu; ${AXIS_HELP.vi}`,
        `"${axis}" is not a target axis; ${AXIS_HELP.en}`,
      );
      return;
    }
    let table = this.targets;
    let path = `${this.pathBase}.targets`;
    if (a.year) {
      const byYear = ((this.targets.byYear as Json) ??= {});
      table = (byYear[a.year] as Json) ??= {};
      path += `.byYear.${a.year}`;
    }
    const target: Json = { value, provenance };
    put(target, "unverifiedHint", hint);
    let slot: Json;
    let key: string;
    if (a.kind === "general") {
      slot = table;
      key = "general";
    } else {
      slot = (table[a.kind === "region" ? "byRegion" : "byGroup"] as Json) ??= {};
      key = a.key!;
      path += `.${a.kind === "region" ? "byRegion" : "byGroup"}`;
    }
    if (slot[key] !== undefined) {
      this.k.error(
        sheet,
        row,
        column,
        `chỉ tiêu ${this.code} đã có mức cho "${axis}"; xóa dòng hoặc cột trùng`,
        `indicator ${this.code} already has a target for "${axis}"; remove the duplicate`,
      );
      return;
    }
    slot[key] = target;
    this.k.where(`${path}.${key}`, sheet, row, column);
  }
}

export function provenanceOf(k: Compiler, sheet: string, r: Row, required: boolean): Json | undefined {
  const decision = r.text("source");
  if (decision === undefined) {
    if (required)
      k.error(
        sheet,
        r.row,
        "source",
        'ô trống; ghi nguồn của chỉ tiêu (ví dụ "QĐ 318/QĐ-TTg", hoặc tên quyết định của tỉnh)',
        "empty; write the target's source (e.g. \"QĐ 318/QĐ-TTg\", or the province's decision)",
      );
    return undefined;
  }
  const prov: Json = { decision };
  put(prov, "article", r.text("article"));
  const verified = k.bool(sheet, r.row, "verified", r.cell("verified"));
  if (verified !== undefined) prov.verified = verified;
  return prov;
}

/** The `targets` sheet: one target per row, for indicators whose targets carry different sources. */
export function parseTargetsSheet(k: Compiler, adders: Map<string, TargetAdder>): void {
  const tt = k.table(SHEETS.targets, TARGET_COLUMNS, false);
  for (const r of tt?.rows ?? []) {
    const code = k.required(tt!, r, "indicator", { vi: "mã chỉ tiêu", en: "the indicator code" });
    const axis = k.required(tt!, r, "axis", {
      vi: "trục: general, một vùng, group1…, một năm hoặc năm::vùng",
      en: "the axis: general, a region, group1…, a year or year::region",
    });
    const adder = code === undefined ? undefined : adders.get(code);
    if (code !== undefined && !adder)
      k.error(
        tt!.sheet,
        r.row,
        "indicator",
        `không có chỉ tiêu "${code}" trong trang indicators; ghi một mã có ở đó`,
        `no indicator "${code}" on the indicators sheet; use a code listed there`,
      );
    const prov = provenanceOf(k, tt!.sheet, r, true);
    if (!adder || axis === undefined || !prov) continue;
    if (cellText(r.cell("value")) === undefined) {
      k.error(
        tt!.sheet,
        r.row,
        "value",
        'ô trống; ghi mức chỉ tiêu, hoặc "?" nếu chưa biết',
        'empty; write the target, or "?" when not known',
      );
      continue;
    }
    const value = adder.value(tt!.sheet, r.row, "value", r.cell("value"));
    if (value !== undefined) adder.add(axis, tt!.sheet, r.row, "value", value, prov, r.text("hint"));
  }
}
