/**
 * The SheetJS adapter for a browser (the task pane's standalone mode): a file a person opens from
 * disk becomes WorkbookGrids through the same steps as `ntm validate`'s reader (readWorkbook.ts):
 * the same kind detection, our own CSV parser (so "97,8%" is 97,8 %, not SheetJS's 9,78), the same
 * package checks, read options, limits and grid assembly (workbookBytesToGrids.ts), and the same
 * typed, bilingual WorkbookReadError. The browser has no node:zlib, so a zip is bounded and checked
 * for corruption by checkZipInBrowser (the platform's inflater) instead of inspectZip.
 * SheetJS's full build (.xls and .ods included, with code pages) loads only when a file is opened.
 */
import type { WorkbookGrids } from "../../domain/sheet/grid";
import { checkZipInBrowser } from "./checkZipInBrowser";
import { resolveLimits, type ReadLimits } from "./readLimits";
import {
  checkOleStreamNames,
  csvWorkbookGrids,
  detectWorkbookKind,
  gridsOfSheetJsWorkbook,
  sheetJsReadError,
  sheetJsReadOptions,
} from "./workbookBytesToGrids";
import { WorkbookReadError } from "./workbookReadError";

type SheetJs = typeof import("xlsx");

/** Loads SheetJS's full build (once); a pane warms it up so a file opened offline still reads. */
export async function loadSheetJs(): Promise<SheetJs> {
  const mod = (await import(/* webpackChunkName: "xlsx-full" */ "xlsx/dist/xlsx.full.min.js")) as SheetJs & {
    default?: SheetJs;
  };
  // A UMD build: bundlers and jest copy its exports onto the namespace, native ESM only has default.
  return typeof mod.read === "function" ? mod : mod.default!;
}

async function checkPackage(
  XLSX: SheetJs,
  data: Uint8Array,
  kind: string,
  fileName: string,
  limits: ReadLimits,
  progress: ReadProgress,
) {
  // The zip's kind comes from its own relationships (zipPackageParts), as in the Node reader.
  if (kind === "zip")
    return void (await checkZipInBrowser(data, fileName, limits, (f) => progress("check", f)));
  if (kind !== "ole") return;
  let paths: string[];
  try {
    paths = XLSX.CFB.read(data, { type: "array" }).FullPaths;
  } catch {
    throw new WorkbookReadError("corrupt", fileName);
  }
  checkOleStreamNames(paths, fileName);
}

/** Where a read is: checking the package (with the share done), parsing it, building the grids. */
export type ReadStage = "check" | "parse" | "grids";
export type ReadProgress = (stage: ReadStage, done?: number) => void;

export async function readWorkbookInBrowser(
  bytes: ArrayBuffer,
  fileName: string,
  limits?: Partial<ReadLimits>,
  progress: ReadProgress = () => undefined,
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
    await checkPackage(XLSX, data, kind, fileName, lim, progress);
    progress("parse");
    const wb = XLSX.read(data, sheetJsReadOptions(lim, { type: "array", cellStyles: lim.readHidden }));
    progress("grids");
    return gridsOfSheetJsWorkbook(wb, fileName, lim);
  } catch (e) {
    throw sheetJsReadError(e, fileName);
  }
}
