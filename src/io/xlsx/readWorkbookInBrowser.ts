/**
 * The SheetJS adapter for a browser (the task pane's standalone mode): a file a person opens from
 * disk becomes WorkbookGrids. It loads SheetJS's small "mini" build (xlsx, xlsm, xlsb, csv) only when
 * a file is opened, so the pane stays light, and it fails with the same typed, bilingual
 * WorkbookReadError as the Node reader (readWorkbook.ts, which needs node:zlib and node:fs).
 */
import type { WorkbookGrids } from "../../domain/sheet/grid";
import { sheetToGrid } from "./sheetToGrid";
import { WorkbookReadError } from "./workbookReadError";
import { readSettingsSheet, SETTINGS_SHEET_NAME } from "./workbookSettings";

/** Excel's own cell text limit. */
const MAX_CELL_TEXT = 32767;
/** Bounds for a file opened in a browser tab (a commune workbook is a few hundred KB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;

export async function readWorkbookInBrowser(bytes: ArrayBuffer, fileName: string): Promise<WorkbookGrids> {
  if (bytes.byteLength === 0) throw new WorkbookReadError("empty", fileName);
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new WorkbookReadError("too-large", fileName, { size: bytes.byteLength, limit: MAX_FILE_BYTES });
  }
  const XLSX = await import(/* webpackChunkName: "xlsx-mini" */ "xlsx/dist/xlsx.mini.min.js");
  let wb;
  try {
    wb = XLSX.read(new Uint8Array(bytes), {
      type: "array",
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellHTML: false,
      sheetRows: MAX_ROWS,
    });
  } catch (e) {
    const encrypted = /password|encrypt/i.test(String((e as Error)?.message));
    throw new WorkbookReadError(encrypted ? "encrypted" : "not-a-spreadsheet", fileName);
  }
  const sheets = wb.SheetNames.filter((n) => n !== SETTINGS_SHEET_NAME).map((n) =>
    sheetToGrid(n, wb.Sheets[n], { maxCellTextLength: MAX_CELL_TEXT }),
  );
  const settingsSheet = wb.Sheets[SETTINGS_SHEET_NAME];
  const settings = settingsSheet
    ? readSettingsSheet(sheetToGrid(SETTINGS_SHEET_NAME, settingsSheet, { maxCellTextLength: 1000 }))
    : {};
  return { sheets, properties: settings };
}
