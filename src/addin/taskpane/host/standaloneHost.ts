/**
 * The pane's workbook host outside Office: a file the person opens from disk, read in the browser.
 * SheetJS (the small "mini" build: xlsx, xlsm, xlsb, csv) is loaded only when a file is opened, so
 * the pane itself stays light. Settings (identity, manual mappings) are remembered per file name in
 * the browser's storage, since there is no workbook to write them into.
 */
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import { sheetToGrid } from "../../../io/xlsx/sheetToGrid";
import { readSettingsSheet, SETTINGS_SHEET_NAME } from "../../../io/xlsx/workbookSettings";
import type { KeyValueStore } from "../../sync/syncStorage";
import type { WorkbookHost } from "./workbookHost";

/** Excel's own cell text limit. */
const MAX_CELL_TEXT = 32767;
/** Bounds for a file opened in a browser tab (a commune workbook is a few hundred KB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;

export async function readFileInBrowser(bytes: ArrayBuffer, fileName: string): Promise<WorkbookGrids> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new Error(`Tệp quá lớn (${Math.round(bytes.byteLength / 1048576)} MB) / file too large`);
  const XLSX = await import(/* webpackChunkName: "xlsx-mini" */ "xlsx/dist/xlsx.mini.min.js");
  let wb;
  try {
    wb = XLSX.read(new Uint8Array(bytes), { type: "array", dense: true, cellFormula: true, cellNF: true, cellHTML: false, sheetRows: MAX_ROWS });
  } catch {
    throw new Error(`Không đọc được "${fileName}": không phải tệp Excel (.xlsx) hợp lệ / not a readable .xlsx file`);
  }
  const sheets = wb.SheetNames.filter((n) => n !== SETTINGS_SHEET_NAME).map((n) => sheetToGrid(n, wb.Sheets[n], { maxCellTextLength: MAX_CELL_TEXT }));
  const settings = wb.Sheets[SETTINGS_SHEET_NAME] ? readSettingsSheet(sheetToGrid(SETTINGS_SHEET_NAME, wb.Sheets[SETTINGS_SHEET_NAME], { maxCellTextLength: 1000 })) : {};
  return { sheets, properties: settings };
}

export interface StandaloneHost extends WorkbookHost {
  open(file: File): Promise<WorkbookGrids>;
}

export function standaloneHost(store: KeyValueStore): StandaloneHost {
  let grids: WorkbookGrids | undefined;
  const key = () => `ntm.file-settings.${host.fileName ?? ""}`;
  const stored = (): Record<string, string> => {
    try {
      return JSON.parse(store.getItem(key()) ?? "{}");
    } catch {
      return {};
    }
  };
  const host: StandaloneHost = {
    kind: "standalone",
    async open(file) {
      const read = await readFileInBrowser(await file.arrayBuffer(), file.name);
      host.fileName = file.name;
      grids = { ...read, properties: { ...read.properties, ...stored() } };
      return grids;
    },
    readGrids: async () => grids,
    readSettings: async () => ({ ...(grids?.properties ?? {}), ...stored() }),
    writeSettings: async (changes) => {
      const merged = { ...stored() };
      for (const [k, v] of Object.entries(changes)) {
        if (v === "") delete merged[k];
        else merged[k] = v;
      }
      store.setItem(key(), JSON.stringify(merged));
      if (grids) grids = { ...grids, properties: { ...(grids.properties ?? {}), ...merged } };
    },
  };
  return host;
}
