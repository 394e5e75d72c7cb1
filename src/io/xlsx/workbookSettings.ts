/**
 * Where a workbook keeps what it is about (org unit, set, period): a hidden sheet "_ntm" with one
 * key/value pair a row, mirrored in custom document properties. Keys are "ntm.*"; the reader lifts
 * them into WorkbookGrids.properties and leaves the sheet out of the grids; readReport checks each
 * value against its schema before using it.
 */
import type { Grid } from "../../domain/sheet/grid";

// The keys and what the reader trusts of them are the domain's (domain/sheet/workbookSettings).
export { SETTINGS_KEYS, SETTINGS_SHEET_NAME } from "../../domain/sheet/workbookSettings";

/** Key/value rows of the settings sheet; keys outside "ntm.*" are ignored (no prototype keys). */
export function readSettingsSheet(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of grid.cells) {
    const k = row?.[0]?.v;
    const v = row?.[1]?.v;
    if (typeof k !== "string" || !/^ntm\.[A-Za-z0-9_.-]{1,64}$/.test(k)) continue;
    if (v === null || v === undefined) continue;
    out[k] = String(v);
  }
  return out;
}
