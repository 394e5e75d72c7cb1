/**
 * The sheets the add-in itself keeps in a workbook. They are never read as commune data, and the
 * hidden ones stay in the file so a workbook remembers its identity, its manual row mapping and the
 * fills it had before flags were painted, even without the add-in.
 */
import { SETTINGS_SHEET_NAME } from "../../io/xlsx/workbookSettings";

/** Key/value settings ("ntm.*"), shared with the file reader in src/io/xlsx. */
export const SETTINGS_SHEET = SETTINGS_SHEET_NAME;
/** One row per flagged cell: sheet, cell, original fill ("none" or "#RRGGBB"), comment added. */
export const FLAGS_SHEET = "_ntm_flags";
/** Every finding, with a link to its cell. */
export const FINDINGS_SHEET = "NTM – Kiểm tra";
/** Progress as native formulas, readable without the add-in. */
export const SUMMARY_SHEET = "NTM – Tổng hợp";
/** Consolidation pulled from the store. */
export const CONSOLIDATION_SHEET_PREFIX = "NTM – Tổng hợp kỳ";

const OWN = new Set([SETTINGS_SHEET, FLAGS_SHEET, FINDINGS_SHEET, SUMMARY_SHEET]);

/** True for the add-in's own sheets, which hold no commune data. */
export function isOwnSheet(name: string): boolean {
  return OWN.has(name) || name.startsWith(CONSOLIDATION_SHEET_PREFIX);
}

/** Prefix of every comment the add-in writes, so clearing removes only its own. */
export const COMMENT_PREFIX = "[NTM] ";

/** The flag colours by severity (light, so the text stays readable). */
export const FLAG_FILL: Record<"error" | "warning" | "info", string> = {
  error: "#F8CBAD",
  warning: "#FFE699",
  info: "#DDEBF7",
};

/** An A1 reference to a cell of another sheet, quoted the way Excel wants it. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
