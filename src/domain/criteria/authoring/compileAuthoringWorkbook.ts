/**
 * Compiles an authoring workbook (Grids read by src/io/xlsx) into a criteria set.
 *
 * Invariants:
 * - every mistake is reported, not only the first, each with sheet, 1-based row, column header and
 *   what to write instead (Vietnamese and English);
 * - a cell is read for what it says: numbers stay numbers, "?" in a target cell is a target whose
 *   value is not known, TRUE/FALSE or có/không/đạt/yes/no are yes/no;
 * - the result passed CriteriaSetSchema, and checks only the schema can make (duplicate codes, a
 *   roll-up asking for more than exists) are mapped back to the row and column they came from.
 */
import type { Cell, Grid, WorkbookGrids } from "../../sheet/grid";
import {
  COMMUNE_GROUPS,
  CriteriaSetSchema,
  INDICATOR_KINDS,
  LEVELS,
  REGIONS,
  SPECIAL_STATUSES,
  formatIssuePath,
  type CriteriaSet,
} from "../schema";
import type { AuthoringError } from "./authoringError";
import {
  CATEGORY_SEPARATOR,
  CRITERIA_COLUMNS,
  GROUP_COLUMNS,
  INDICATOR_COLUMNS,
  LINE_SEPARATOR,
  OP_WORDS,
  SETTINGS_KEYS,
  SHEETS,
  SPECIAL_STATUS_COLUMNS,
  TARGET_COLUMNS,
  UNKNOWN_VALUE,
} from "./authoringLayout";

export type CompileResult = { ok: true; set: CriteriaSet } | { ok: false; errors: AuthoringError[] };

type Json = Record<string, unknown>;

interface Row {
  row: number;
  cell(column: string): Cell | undefined;
  text(column: string): string | undefined;
}

interface Table {
  sheet: string;
  columns: string[];
  rows: Row[];
}

const TRUE_WORDS = new Set(["true", "yes", "có", "co", "đạt", "dat", "x", "1"]);
const FALSE_WORDS = new Set(["false", "no", "không", "khong", "chưa đạt", "chua dat", "0"]);

function cellText(c: Cell | undefined): string | undefined {
  if (!c || c.v === null || c.v === undefined) return undefined;
  const s = typeof c.v === "string" ? c.v.trim() : String(c.v);
  return s === "" ? undefined : s;
}

class Compiler {
  readonly errors: AuthoringError[] = [];
  /** Formatted schema path prefix → where it was written. */
  readonly locations = new Map<string, { sheet: string; row: number; column: string }>();

  constructor(private readonly book: WorkbookGrids) {}

  error(sheet: string, row: number, column: string, vi: string, en: string): undefined {
    this.errors.push({ sheet, row, column, vi, en });
    return undefined;
  }

  grid(name: string, required: boolean): Grid | undefined {
    const g = this.book.sheets.find((s) => s.sheet.trim().toLowerCase() === name);
    if (!g && required)
      this.error(
        name,
        1,
        "A",
        `thiếu trang tính "${name}"; thêm trang này (xem mẫu từ "ntm criteria export")`,
        `sheet "${name}" is missing; add it (see a template from "ntm criteria export")`,
      );
    return g;
  }

  table(
    name: string,
    known: readonly string[],
    required: boolean,
    dynamic?: (col: string) => boolean,
  ): Table | undefined {
    const g = this.grid(name, required);
    if (!g) return undefined;
    const header = g.cells[0] ?? [];
    const columns: string[] = [];
    const index = new Map<string, number>();
    for (let c = 0; c < Math.max(g.colCount, header.length); c++) {
      const h = cellText(header[c]);
      if (h === undefined) continue;
      if (!known.includes(h) && !(dynamic && dynamic(h))) {
        this.error(
          name,
          1,
          h,
          `cột "${h}" không có trong mẫu; dùng một trong ${known.join(", ")}`,
          `unknown column "${h}"; use one of ${known.join(", ")}`,
        );
        continue;
      }
      if (index.has(h)) {
        this.error(name, 1, h, `cột "${h}" bị lặp; giữ một cột`, `column "${h}" appears twice; keep one`);
        continue;
      }
      index.set(h, c);
      columns.push(h);
    }
    const rows: Row[] = [];
    for (let r = 1; r < g.rowCount; r++) {
      const cells = g.cells[r] ?? [];
      if (!cells.some((c) => cellText(c) !== undefined)) continue;
      const at = (col: string) => (index.has(col) ? cells[index.get(col)!] : undefined);
      rows.push({ row: r + 1, cell: at, text: (col) => cellText(at(col)) });
    }
    return { sheet: name, columns, rows };
  }

  required(t: Table, row: Row, column: string, what: { vi: string; en: string }): string | undefined {
    const v = row.text(column);
    if (v === undefined)
      this.error(t.sheet, row.row, column, `ô trống; ghi ${what.vi}`, `empty; write ${what.en}`);
    return v;
  }

  oneOf<T extends string>(
    t: Table,
    row: Row,
    column: string,
    allowed: readonly string[],
    words?: Record<string, T>,
    noun: { vi: string; en: string } = { vi: "hợp lệ", en: "allowed" },
  ): T | undefined {
    const v = row.text(column);
    if (v === undefined) {
      this.error(
        t.sheet,
        row.row,
        column,
        `ô trống; ghi một trong ${allowed.join(", ")}`,
        `empty; write one of ${allowed.join(", ")}`,
      );
      return undefined;
    }
    const hit = words ? (words[v] ?? words[v.toLowerCase()]) : allowed.includes(v) ? (v as T) : undefined;
    if (hit === undefined)
      this.error(
        t.sheet,
        row.row,
        column,
        `"${v}" không phải ${noun.vi}; dùng một trong ${allowed.join(", ")}`,
        `"${v}" is not ${noun.en}; use one of ${allowed.join(", ")}`,
      );
    return hit;
  }

  bool(sheet: string, row: number, column: string, c: Cell | undefined): boolean | undefined {
    if (typeof c?.v === "boolean") return c.v;
    const s = cellText(c)?.toLowerCase();
    if (s === undefined)
      return this.error(
        sheet,
        row,
        column,
        "ô trống; ghi có hoặc không (TRUE/FALSE)",
        "empty; write yes or no (TRUE/FALSE)",
      );
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
    return this.error(
      sheet,
      row,
      column,
      `"${s}" không phải có/không; ghi có hoặc không (TRUE/FALSE)`,
      `"${s}" is not yes/no; write yes or no (TRUE/FALSE)`,
    );
  }

  integer(sheet: string, row: number, column: string, c: Cell | undefined): number | undefined {
    if (cellText(c) === undefined) return undefined;
    const n = typeof c!.v === "number" ? c!.v : Number(cellText(c));
    if (!Number.isInteger(n))
      return this.error(
        sheet,
        row,
        column,
        `"${cellText(c)}" không phải số nguyên; ghi ví dụ 2025`,
        `"${cellText(c)}" is not a whole number; write e.g. 2025`,
      );
    return n;
  }

  rollup(sheet: string, row: number, column: string, s: string | undefined): Json | undefined {
    const usage = {
      vi: 'ghi "all", "atLeast N" (N là số) hoặc "share" / "share 80"',
      en: 'write "all", "atLeast N" (N a number) or "share" / "share 80"',
    };
    if (s === undefined) return this.error(sheet, row, column, `ô trống; ${usage.vi}`, `empty; ${usage.en}`);
    const m = /^(all|atleast|at least|share)(?:\s+(\d+(?:[.,]\d+)?))?$/i.exec(s.trim());
    if (!m)
      return this.error(
        sheet,
        row,
        column,
        `"${s}" không phải quy tắc tổng hợp; ${usage.vi}`,
        `"${s}" is not a roll-up rule; ${usage.en}`,
      );
    const word = m[1].toLowerCase().replace(" ", "");
    const n = m[2] === undefined ? undefined : Number(m[2].replace(",", "."));
    if (word === "all")
      return n === undefined
        ? { rule: "all" }
        : this.error(
            sheet,
            row,
            column,
            `"all" không kèm số; ${usage.vi}`,
            `"all" takes no number; ${usage.en}`,
          );
    if (word === "atleast")
      return n !== undefined && Number.isInteger(n) && n >= 1
        ? { rule: "atLeast", n }
        : this.error(
            sheet,
            row,
            column,
            `"${s}" cần một số nguyên ≥ 1, ví dụ "atLeast 15"`,
            `"${s}" needs a whole number ≥ 1, e.g. "atLeast 15"`,
          );
    return n === undefined
      ? { rule: "share" }
      : n <= 100
        ? { rule: "share", goal: n }
        : this.error(
            sheet,
            row,
            column,
            `mục tiêu ${n} vượt 100 %; ghi ví dụ "share 80"`,
            `goal ${n} is over 100 %; write e.g. "share 80"`,
          );
  }

  list<T extends string>(
    sheet: string,
    row: number,
    column: string,
    s: string | undefined,
    allowed: readonly T[],
  ): T[] | undefined {
    if (s === undefined) return undefined;
    const items = s
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
    if (bad.length)
      return this.error(
        sheet,
        row,
        column,
        `"${bad.join(", ")}" không hợp lệ; dùng ${allowed.join(", ")}, cách nhau bằng dấu phẩy`,
        `"${bad.join(", ")}" not allowed; use ${allowed.join(", ")}, separated by commas`,
      );
    return items as T[];
  }

  where(path: string, sheet: string, row: number, column: string) {
    this.locations.set(path, { sheet, row, column });
  }
}

function text2(vi: string | undefined, en: string | undefined): Json | undefined {
  if (vi === undefined) return undefined;
  return en === undefined ? { vi } : { vi, en };
}

function put(o: Json, key: string, v: unknown) {
  if (v !== undefined) o[key] = v;
}

function parseSettings(k: Compiler): Json {
  const t = k.table(SHEETS.settings, ["setting", "value"], true);
  const set: Json = {};
  if (!t) return set;
  const byKey = new Map<string, Row>();
  for (const r of t.rows) {
    const key = r.text("setting");
    if (key === undefined) continue;
    if (!(SETTINGS_KEYS as readonly string[]).includes(key)) {
      k.error(
        t.sheet,
        r.row,
        "setting",
        `"${key}" không phải thiết lập; dùng một trong ${SETTINGS_KEYS.join(", ")}`,
        `"${key}" is not a setting; use one of ${SETTINGS_KEYS.join(", ")}`,
      );
      continue;
    }
    byKey.set(key, r);
    k.where(
      key === "title::vi" || key === "title::en" ? `title.${key.slice(7)}` : key,
      t.sheet,
      r.row,
      "value",
    );
  }
  const val = (key: string) => byKey.get(key)?.text("value");
  const rowOf = (key: string) => byKey.get(key)?.row ?? 1;
  for (const key of ["id", "title::vi", "decision", "level", "rollup"])
    if (val(key) === undefined)
      k.error(
        t.sheet,
        rowOf(key),
        byKey.has(key) ? "value" : "setting",
        `thiếu "${key}"; thêm hàng "${key}" và ghi giá trị`,
        `"${key}" is missing; add a "${key}" row with its value`,
      );
  put(set, "id", val("id"));
  put(set, "title", text2(val("title::vi"), val("title::en")));
  const version: Json = {};
  put(version, "decision", val("decision"));
  put(version, "date", val("date"));
  const amendments = val("amendments")
    ?.split(LINE_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.*?)\s*\((\d{4}-\d{2}-\d{2})\)$/.exec(s);
      return m ? { decision: m[1], date: m[2] } : { decision: s };
    });
  put(version, "amendments", amendments);
  set.version = version;
  const level = val("level");
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level))
    k.error(
      t.sheet,
      rowOf("level"),
      "value",
      `"${level}" không phải cấp; dùng một trong ${LEVELS.join(", ")}`,
      `"${level}" is not a level; use one of ${LEVELS.join(", ")}`,
    );
  put(set, "level", level);
  put(
    set,
    "appliesFrom",
    k.integer(t.sheet, rowOf("appliesFrom"), "value", byKey.get("appliesFrom")?.cell("value")),
  );
  put(
    set,
    "appliesTo",
    k.integer(t.sheet, rowOf("appliesTo"), "value", byKey.get("appliesTo")?.cell("value")),
  );
  put(set, "regions", k.list(t.sheet, rowOf("regions"), "value", val("regions"), REGIONS));
  put(
    set,
    "communeGroups",
    k.list(t.sheet, rowOf("communeGroups"), "value", val("communeGroups"), COMMUNE_GROUPS),
  );
  if (val("rollup") !== undefined)
    put(set, "rollup", k.rollup(t.sheet, rowOf("rollup"), "value", val("rollup")));
  put(
    set,
    "officialIndicatorCount",
    k.integer(
      t.sheet,
      rowOf("officialIndicatorCount"),
      "value",
      byKey.get("officialIndicatorCount")?.cell("value"),
    ),
  );
  put(
    set,
    "sources",
    val("sources")
      ?.split(LINE_SEPARATOR)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  put(set, "note", val("note"));
  return set;
}

function parseGroups(k: Compiler): Json[] | undefined {
  const t = k.table(SHEETS.groups, GROUP_COLUMNS, false);
  if (!t || t.rows.length === 0) return undefined;
  return t.rows.map((r, gi) => {
    k.where(`groups[${gi}]`, t.sheet, r.row, "code");
    return {
      code: k.required(t, r, "code", { vi: "mã nhóm, ví dụ II", en: "the group code, e.g. II" }),
      name: text2(k.required(t, r, "name::vi", { vi: "tên nhóm", en: "the group name" }), r.text("name::en")),
    };
  });
}

function parseSpecialStatus(k: Compiler): Json[] | undefined {
  const t = k.table(SHEETS.specialStatus, SPECIAL_STATUS_COLUMNS, false);
  if (!t || t.rows.length === 0) return undefined;
  return t.rows.map((r, i) => {
    k.where(`specialStatusRules[${i}]`, t.sheet, r.row, "anyOf");
    const rule: Json = {};
    const any = k.list(t.sheet, r.row, "anyOf", r.text("anyOf"), SPECIAL_STATUSES);
    if (!r.text("anyOf"))
      k.error(
        t.sheet,
        r.row,
        "anyOf",
        `ô trống; ghi ít nhất một trong ${SPECIAL_STATUSES.join(", ")}`,
        `empty; write at least one of ${SPECIAL_STATUSES.join(", ")}`,
      );
    put(rule, "anyOf", any);
    put(rule, "allOf", k.list(t.sheet, r.row, "allOf", r.text("allOf"), SPECIAL_STATUSES));
    put(rule, "useRegion", k.oneOf(t, r, "useRegion", REGIONS, undefined, { vi: "vùng", en: "a region" }));
    const prov: Json = {};
    put(prov, "decision", k.required(t, r, "decision", { vi: "số quyết định", en: "the decision" }));
    put(prov, "article", r.text("article"));
    put(prov, "verified", k.bool(t.sheet, r.row, "verified", r.cell("verified")));
    rule.provenance = prov;
    put(rule, "note", r.text("note"));
    return rule;
  });
}

/** "target" → general, "target::BTB", "target::group1", "target::2023", "target::2023::BTB". */
function parseAxis(
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

const AXIS_HELP = {
  vi: `dùng target, target::<vùng> (${REGIONS.join(", ")}), target::group1..group3, target::<năm> hoặc target::<năm>::<vùng>`,
  en: `use target, target::<region> (${REGIONS.join(", ")}), target::group1..group3, target::<year> or target::<year>::<region>`,
};

class TargetAdder {
  constructor(
    private readonly k: Compiler,
    private readonly targets: Json,
    private readonly code: string,
    private readonly kind: string | undefined,
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
    const n = s === undefined ? NaN : Number(s.replace(/\s*%$/, "").replace(/\./g, "").replace(",", "."));
    if (!Number.isFinite(n))
      return this.k.error(
        sheet,
        row,
        column,
        `"${s}" không phải số; ghi một số (ví dụ 90 hoặc 29,68), hoặc "?" nếu chưa biết`,
        `"${s}" is not a number; write a number (e.g. 90 or 29,68), or "?" when not known`,
      );
    return n;
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

function provenanceOf(k: Compiler, sheet: string, r: Row, required: boolean): Json | undefined {
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

function parseCriteriaAndIndicators(k: Compiler): Json[] {
  const ct = k.table(SHEETS.criteria, CRITERIA_COLUMNS, true);
  const it = k.table(
    SHEETS.indicators,
    INDICATOR_COLUMNS,
    true,
    (h) => h === "target" || h.startsWith("target::"),
  );
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
  if (!it) return criteria;
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
  const adders = new Map<string, TargetAdder>();
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
    const adder = new TargetAdder(k, ind.targets as Json, code ?? "?", kind, base);
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
  return criteria;
}

/** The most specific place a schema path was written. */
function locate(k: Compiler, path: string): { sheet: string; row: number; column: string } {
  let p = path;
  while (p) {
    const hit = k.locations.get(p);
    if (hit) return hit;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
  return { sheet: SHEETS.settings, row: 1, column: "value" };
}

export function compileAuthoringWorkbook(book: WorkbookGrids): CompileResult {
  const k = new Compiler(book);
  const set = parseSettings(k);
  put(set, "groups", parseGroups(k));
  put(set, "specialStatusRules", parseSpecialStatus(k));
  set.criteria = parseCriteriaAndIndicators(k);
  if (k.errors.length) return { ok: false, errors: k.errors };
  const r = CriteriaSetSchema.safeParse(set);
  if (r.success) return { ok: true, set: r.data };
  for (const issue of r.error.issues) {
    const path = formatIssuePath(issue.path);
    const at = locate(k, path);
    k.error(
      at.sheet,
      at.row,
      at.column,
      `${issue.message} (${path}); sửa ô này`,
      `${issue.message} (${path}); correct this cell`,
    );
  }
  return { ok: false, errors: k.errors };
}
