/**
 * The SheetJS adapter for a browser (the task pane's standalone mode): a file a person opens from
 * disk becomes WorkbookGrids through the same steps as `ntm validate`'s reader (readWorkbook.ts):
 * the same kind detection, our own CSV parser (so "97,8%" is 97,8 %, not SheetJS's 9,78), the same
 * package checks, read options, limits and grid assembly (workbookBytesToGrids.ts), and the same
 * typed, bilingual WorkbookReadError. What the browser lacks is node:zlib, so the zip-bomb and
 * cell-count bounds the Node reader measures before parsing are left to the file-size bound here.
 * SheetJS's full build (.xls and .ods included, with code pages) loads only when a file is opened.
 */
import type { WorkbookGrids } from "../../domain/sheet/grid";
import { resolveLimits, type ReadLimits } from "./readLimits";
import {
  checkOleStreamNames,
  checkZipEntryNames,
  csvWorkbookGrids,
  detectWorkbookKind,
  gridsOfSheetJsWorkbook,
  sheetJsReadError,
  sheetJsReadOptions,
} from "./workbookBytesToGrids";
import { WorkbookReadError } from "./workbookReadError";

type SheetJs = typeof import("xlsx");

async function loadSheetJs(): Promise<SheetJs> {
  const mod = (await import(/* webpackChunkName: "xlsx-full" */ "xlsx/dist/xlsx.full.min.js")) as SheetJs & {
    default?: SheetJs;
  };
  // A UMD build: bundlers and jest copy its exports onto the namespace, native ESM only has default.
  return typeof mod.read === "function" ? mod : mod.default!;
}

function checkPackage(XLSX: SheetJs, data: Uint8Array, kind: string, fileName: string): void {
  if (kind !== "zip" && kind !== "ole") return;
  let paths: string[];
  try {
    paths = XLSX.CFB.read(data, { type: "array" }).FullPaths;
  } catch {
    throw new WorkbookReadError("corrupt", fileName);
  }
  if (kind === "ole") return checkOleStreamNames(paths, fileName);
  // CFB lists a zip's entries under a root folder ("Root Entry/xl/workbook.xml"); folders end in "/".
  const root = paths[0] ?? "";
  checkZipEntryNames(
    paths.filter((p) => !p.endsWith("/")).map((p) => (p.startsWith(root) ? p.slice(root.length) : p)),
    fileName,
  );
}

export async function readWorkbookInBrowser(
  bytes: ArrayBuffer,
  fileName: string,
  limits?: Partial<ReadLimits>,
): Promise<WorkbookGrids> {
  const lim = resolveLimits(limits);
  if (bytes.byteLength === 0) throw new WorkbookReadError("empty", fileName);
  if (bytes.byteLength > lim.maxFileBytes) {
    throw new WorkbookReadError("too-large", fileName, { size: bytes.byteLength, limit: lim.maxFileBytes });
  }
  const data = new Uint8Array(bytes);
  try {
    const kind = detectWorkbookKind(data, fileName);
    if (kind === "text") return csvWorkbookGrids(data, fileName, lim);
    const XLSX = await loadSheetJs();
    checkPackage(XLSX, data, kind, fileName);
    const wb = XLSX.read(data, sheetJsReadOptions(lim, { type: "array", cellStyles: lim.readHidden }));
    return gridsOfSheetJsWorkbook(wb, fileName, lim);
  } catch (e) {
    throw sheetJsReadError(e, fileName);
  }
}
