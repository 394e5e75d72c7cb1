/**
 * Compiles an authoring workbook (Grids read by src/io/xlsx) into a criteria set.
 *
 * Invariants:
 * - every mistake is reported, not only the first, each with sheet, 1-based row, column header and
 *   what to write instead (Vietnamese and English);
 * - a cell is read for what it says: numbers stay numbers and text numbers are read the Vietnamese
 *   way ("29,68", "1.680"); "?" in a target cell is a target whose value is not known; TRUE/FALSE
 *   or có/không/đạt/yes/no are yes/no; a reading that may have meant something else ("92.5") is
 *   compiled as read and said in `warnings`, at its cell;
 * - the result passed CriteriaSetSchema, and checks only the schema can make (duplicate codes, a
 *   roll-up asking for more than exists) are mapped back to the row and column they came from.
 * The sheets are read by compileSettings.ts, compileCriteria.ts and compileTargets.ts.
 */
import type { WorkbookGrids } from "../../sheet/grid";
import { CriteriaSetSchema, formatIssuePath, type CriteriaSet } from "../schema";
import type { AuthoringError } from "./authoringError";
import { Compiler, put } from "./authoringCompiler";
import { SHEETS } from "./authoringLayout";
import { parseCriteriaAndIndicators } from "./compileCriteria";
import { parseGroups, parseSettings, parseSpecialStatus } from "./compileSettings";

/** `warnings` are cells compiled as read that may have meant something else; the set is still valid. */
export type CompileResult =
  | { ok: true; set: CriteriaSet; warnings: AuthoringError[] }
  | { ok: false; errors: AuthoringError[]; warnings: AuthoringError[] };

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
  if (k.errors.length) return { ok: false, errors: k.errors, warnings: k.warnings };
  const r = CriteriaSetSchema.safeParse(set);
  if (r.success) return { ok: true, set: r.data, warnings: k.warnings };
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
  return { ok: false, errors: k.errors, warnings: k.warnings };
}
