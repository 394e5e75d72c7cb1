/** The pane's workbook host inside Excel: every call is one Excel.run over src/addin/excel. */
import {
  checkAndFlagWorkbook,
  clearFlagsInWorkbook,
  readSettings,
  selectCell,
  writeSettings,
} from "../../excel/checkAndFlag";
import { readWorkbookSnapshot } from "../../excel/readWorkbookSnapshot";
import { writeConsolidationSheet } from "../../excel/writeConsolidationSheet";
import { writePulledReport } from "../../excel/writePulledReport";
import type { WorkbookHost } from "./workbookHost";

export function excelHost(): WorkbookHost {
  return {
    kind: "excel",
    readGrids: () => Excel.run(async (ctx) => (await readWorkbookSnapshot(ctx)).grids),
    checkAndFlag: (analyse) =>
      Excel.run(async (ctx) => {
        const out = await checkAndFlagWorkbook(ctx, analyse);
        return { result: out.analysis, syncs: out.syncs };
      }),
    unflag: () => Excel.run(async (ctx) => (await clearFlagsInWorkbook(ctx)).restored),
    select: (sheet, cell) => Excel.run((ctx) => selectCell(ctx, sheet, cell)),
    readSettings: () => Excel.run((ctx) => readSettings(ctx)),
    writeSettings: async (changes) => {
      await Excel.run((ctx) => writeSettings(ctx, changes));
    },
    writeConsolidation: (c) => Excel.run((ctx) => writeConsolidationSheet(ctx, c)),
    writePulled: (cells) => Excel.run((ctx) => writePulledReport(ctx, cells)),
  };
}
