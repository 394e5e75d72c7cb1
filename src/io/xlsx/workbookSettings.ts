/**
 * Where a workbook keeps what it is about (org unit, set, period): a hidden sheet "_ntm" with one
 * key/value pair a row, mirrored in custom document properties. Keys are "ntm.*"; the reader lifts
 * them into WorkbookGrids.properties and leaves the sheet out of the grids.
 */
import type { Grid } from "../../domain/sheet/grid";

export const SETTINGS_SHEET_NAME = "_ntm";

export const SETTINGS_KEYS = {
  set: "ntm.set",
  setVersion: "ntm.setVersion",
  orgUnit: "ntm.orgUnit",
  orgCode: "ntm.orgCode",
  period: "ntm.period",
  region: "ntm.region",
  group: "ntm.group",
  template: "ntm.template",
} as const;

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
