/**
 * The set-wide sheets of an authoring workbook: `settings` (id, title, decision, level, axes,
 * roll-up …), `groups` (the decision's criterion groups) and `special_status` (which regional
 * targets a very poor or safe-zone commune uses). Each value is recorded with where it was written,
 * so a schema complaint later points back at its cell.
 */
import { COMMUNE_GROUPS, LEVELS, REGIONS, SPECIAL_STATUSES } from "../schema";
import { type Compiler, type Json, type Row, put, text2 } from "./authoringCompiler";
import {
  GROUP_COLUMNS,
  LINE_SEPARATOR,
  SETTINGS_KEYS,
  SHEETS,
  SPECIAL_STATUS_COLUMNS,
} from "./authoringLayout";

export function parseSettings(k: Compiler): Json {
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

export function parseGroups(k: Compiler): Json[] | undefined {
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

export function parseSpecialStatus(k: Compiler): Json[] | undefined {
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
