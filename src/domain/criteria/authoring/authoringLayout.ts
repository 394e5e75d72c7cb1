/**
 * The authoring workbook's layout (in the spirit of XLSForm): which sheets, which columns, and
 * the words a person may write. Shared by the exporter and the compiler so they cannot drift.
 *
 * Sheets: `settings` (setting | value, one row per setting), `groups`, `special_status`,
 * `criteria` (one row per criterion), `indicators` (one row per indicator, targets in columns
 * `target`, `target::BTB`, `target::group1`, `target::2023`, `target::2023::BTB`), and `targets`
 * (one row per target, for indicators whose targets carry different sources). A target cell "?"
 * means "this target exists but its value is not known": evaluation then uses the workbook's own.
 */

export const SHEETS = {
  settings: "settings",
  groups: "groups",
  specialStatus: "special_status",
  criteria: "criteria",
  indicators: "indicators",
  targets: "targets",
} as const;

export const SETTINGS_KEYS = [
  "id",
  "title::vi",
  "title::en",
  "decision",
  "date",
  "amendments",
  "level",
  "appliesFrom",
  "appliesTo",
  "regions",
  "communeGroups",
  "rollup",
  "officialIndicatorCount",
  "sources",
  "note",
] as const;

export const GROUP_COLUMNS = ["code", "name::vi", "name::en"] as const;
export const SPECIAL_STATUS_COLUMNS = [
  "anyOf",
  "allOf",
  "useRegion",
  "decision",
  "article",
  "verified",
  "note",
] as const;
export const CRITERIA_COLUMNS = ["code", "name::vi", "name::en", "group", "rollup", "note"] as const;
export const INDICATOR_COLUMNS = [
  "criterion",
  "code",
  "name::vi",
  "name::en",
  "kind",
  "unit",
  "op",
  "categories",
  "derivedFrom",
  "note",
  "source",
  "article",
  "verified",
  "hint",
] as const;
export const TARGET_COLUMNS = [
  "indicator",
  "axis",
  "value",
  "source",
  "article",
  "verified",
  "hint",
] as const;

/** The unknown-value marker in a target cell. */
export const UNKNOWN_VALUE = "?";

/** Lists inside one cell (sources, amendments) are one per line. */
export const LINE_SEPARATOR = "\n";
/** Categories of a category indicator: "a | b | c". */
export const CATEGORY_SEPARATOR = " | ";

export const OP_WORDS: Record<string, ">=" | "<=" | "=" | "yes"> = {
  "≥": ">=",
  ">=": ">=",
  "≤": "<=",
  "<=": "<=",
  "=": "=",
  yes: "yes",
};
export const OP_OUT: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "=", yes: "yes" };

export function targetColumn(axis: string): string {
  return axis === "general" ? "target" : `target::${axis}`;
}
