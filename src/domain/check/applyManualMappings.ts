/**
 * Rows a person mapped by hand (the pane's "map to" choice, kept in the workbook's settings as
 * "ntm.mappings"): a mapping is applied by writing the chosen code into the row's number cell of a
 * copy of the grid, so the reader maps the row by code with its own rules. The person's grids are
 * never changed, and every host (pane, CLI, consolidation) honours the same saved mappings.
 */
import { fromA1, type Grid, type WorkbookGrids } from "../sheet/grid";
import type { ReaderLayout } from "../sheet/readReport";

/** "Sheet!row" (1-based row) → indicator code. */
export type ManualMappings = Record<string, string>;

export const MAPPINGS_PROPERTY = "ntm.mappings";

/** The mappings saved in the workbook's properties; anything unreadable counts as none. */
export function mappingsFromProperties(properties: Record<string, string> | undefined): ManualMappings {
  try {
    const parsed: unknown = JSON.parse(properties?.[MAPPINGS_PROPERTY] ?? "{}");
    const out: ManualMappings = {};
    if (parsed && typeof parsed === "object") {
      for (const [k, v] of Object.entries(parsed)) if (typeof v === "string" && k !== "__proto__") out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function numberColumn(layout: ReaderLayout, sheet: string): number | undefined {
  const cols = layout.sheets.find((s) => s.sheet === sheet)?.columns ?? {};
  const letter = cols.no ?? cols.criterion;
  return letter ? fromA1(`${letter}1`)?.c : undefined;
}

export function applyManualMappings(
  grids: WorkbookGrids,
  layout: ReaderLayout,
  manual: ManualMappings,
): WorkbookGrids {
  const sheets = grids.sheets.map((grid): Grid => {
    const rows = Object.entries(manual).filter(([k]) => k.startsWith(`${grid.sheet}!`));
    const col = numberColumn(layout, grid.sheet);
    if (col === undefined || rows.length === 0) return grid;
    const cells = grid.cells.slice();
    for (const [k, code] of rows) {
      const r = Number(k.slice(grid.sheet.length + 1)) - 1;
      if (!Number.isInteger(r) || r < 0 || r >= cells.length) continue;
      const row = (cells[r] ?? []).slice();
      row[col] = { v: code };
      cells[r] = row;
    }
    return { ...grid, cells };
  });
  return { ...grids, sheets };
}
