/**
 * Reads what a check needs from the open workbook: every data sheet's used range as a Grid (values,
 * formulas, number formats, merged areas) plus each cell's fill, the add-in's own settings and flag
 * records, and where comments sit.
 *
 * Invariant: two `context.sync` calls whatever the workbook's size — one for the sheet and comment
 * lists (names are needed before ranges can be asked for), one for every used range at once. Only
 * when Excel refuses a payload that big (5 MB per request on the web, 5 million cells per read) does
 * it fall back to row blocks, each block one sync, sized under those limits.
 *
 * On an Excel older than a feature (hostCapabilities.ts) the read does without it: no comments
 * below ExcelApi 1.10, no merged areas below 1.13, and below 1.9 no fills here — `fillsKnown` is
 * false and checkAndFlag reads the fills of the cells it paints in one more sync.
 */
import type { Grid, WorkbookGrids } from "../../domain/sheet/grid";
import { readSettingsSheet } from "../../io/xlsx/workbookSettings";
import { COMMENT_PREFIX, FLAGS_SHEET, isOwnSheet, SETTINGS_SHEET } from "./ntmSheets";
import { gridFromBlocks, type LoadedRange } from "./rangeToGrid";
import { hostCapabilities, type HostCapabilities } from "./hostCapabilities";
import { columnLetters } from "../../domain/sheet/grid";

export interface FlagRecord {
  sheet: string;
  cell: string;
  /** "none" or "#RRGGBB": what the cell had before the add-in painted it. */
  originalFill: string;
  /** True when the add-in added a comment on the cell. */
  comment: boolean;
}

export interface CommentInfo {
  id: string;
  sheet: string;
  cell: string;
  /** Written by the add-in (starts with COMMENT_PREFIX). */
  ours: boolean;
}

export interface WorkbookSnapshot {
  grids: WorkbookGrids;
  /** Fill of a data cell now: "none" or "#RRGGBB". */
  fillAt(sheet: string, cell: string): string;
  /** False when this Excel could not give the fills in the read (below ExcelApi 1.9): fillAt says "none". */
  fillsKnown?: boolean;
  flagRecords: FlagRecord[];
  comments: CommentInfo[];
  /** Names of all sheets, in tab order (own sheets included). */
  sheetNames: string[];
  /** How many context.sync calls the read took (shown in tests and diagnostics). */
  syncs: number;
}

/** Cells per read block when Excel refused the one-shot read; well under 5 MB of JSON per block. */
export const CHUNK_CELLS = 100_000;

interface SheetRead {
  name: string;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

const FILL_PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true } } };

/** @requires ExcelApi 1.9 */
function fillOf(p: Excel.CellProperties | undefined): string {
  const fill = p?.format?.fill;
  if (!fill || fill.pattern === "None" || !fill.color) return "none";
  return String(fill.color).toUpperCase();
}

function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(
    code,
  );
}

/** Queues the read of one sheet's used range (nothing is fetched until the caller syncs). */
function queueSheet(
  ws: Excel.Worksheet,
  name: string,
  withFills: boolean,
  caps: HostCapabilities,
): SheetRead {
  const used = usedRangeOf(ws, caps);
  used.load("values,formulas,numberFormat,rowIndex,columnIndex,rowCount,columnCount");
  const merged = caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  const props = withFills && caps.cellProperties ? used.getCellProperties(FILL_PROPS) : undefined;
  return { name, used, merged, props };
}

/** Cells with values only where Excel can say so (1.2); before, formatted empty cells come too (read as empty). */
function usedRangeOf(ws: Excel.Worksheet, caps: HostCapabilities): Excel.Range {
  return caps.layout ? ws.getUsedRange(true) : ws.getUsedRange();
}

function mergedAddress(merged: Excel.RangeAreas | undefined, caps: HostCapabilities): string | null {
  return merged && caps.mergedAreas && !merged.isNullObject ? merged.address : null;
}

function blockOf(r: Excel.Range): LoadedRange {
  return {
    rowIndex: r.rowIndex,
    columnIndex: r.columnIndex,
    values: r.values,
    formulas: r.formulas,
    numberFormat: r.numberFormat,
  };
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  opts: { chunkCells?: number } = {},
): Promise<WorkbookSnapshot> {
  const caps = hostCapabilities();
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const comments = caps.comments ? context.workbook.comments : undefined;
  comments?.load("items/id,items/content");
  await sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const reads = sheets.items.map((ws) => queueSheet(ws, ws.name, !isOwnSheet(ws.name), caps));
  const locations =
    comments && caps.comments
      ? comments.items.map((c) => {
          const at = c.getLocation();
          at.load("address");
          return { id: c.id, content: c.content, at };
        })
      : [];

  const fills = new Map<string, { origin: { r: number; c: number }; rows: Excel.CellProperties[][] }>();
  const grids = new Map<string, Grid>();
  try {
    await sync();
    for (const s of reads) {
      grids.set(s.name, gridFromBlocks(s.name, [blockOf(s.used)], mergedAddress(s.merged, caps)));
      if (s.props)
        fills.set(s.name, { origin: { r: s.used.rowIndex, c: s.used.columnIndex }, rows: s.props.value });
    }
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    syncs += await readInBlocks(context, sheetNames, grids, fills, opts.chunkCells ?? CHUNK_CELLS, caps);
  }

  const settingsGrid = grids.get(SETTINGS_SHEET);
  const flagsGrid = grids.get(FLAGS_SHEET);
  const data = sheetNames.filter((n) => !isOwnSheet(n)).map((n) => grids.get(n)!);
  const cellToSheet = (address: string) => splitAddress(address);

  return {
    grids: { sheets: data, properties: settingsGrid ? readSettingsSheet(settingsGrid) : {} },
    fillsKnown: caps.cellProperties,
    fillAt(sheet, cell) {
      if (!caps.cellProperties) return "none";
      const f = fills.get(sheet);
      const rc = /^([A-Z]+)(\d+)$/.exec(cell);
      if (!f || !rc) return "none";
      const pos = a1ToRc(cell);
      return fillOf(f.rows[pos.r - f.origin.r]?.[pos.c - f.origin.c]);
    },
    flagRecords: flagsGrid ? readFlagRecords(flagsGrid) : [],
    comments: locations.map(({ id, content, at }) => {
      const { sheet, cell } = cellToSheet(at.address);
      return { id, sheet, cell, ours: String(content ?? "").startsWith(COMMENT_PREFIX) };
    }),
    sheetNames,
    syncs,
  };
}

/**
 * The fallback past Excel's payload limits: one sync for the used-range sizes, then row blocks of
 * at most CHUNK_CELLS cells, several blocks per sync up to the same budget.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  sheetNames: string[],
  grids: Map<string, Grid>,
  fills: Map<string, { origin: { r: number; c: number }; rows: Excel.CellProperties[][] }>,
  chunkCells: number,
  caps: HostCapabilities,
): Promise<number> {
  let syncs = 0;
  const sizes = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = usedRangeOf(ws, caps);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    return { name, ws, used, merged };
  });
  await context.sync();
  syncs++;
  for (const s of sizes) {
    const rowsPerBlock = Math.max(1, Math.floor(chunkCells / Math.max(1, s.used.columnCount)));
    const blocks: LoadedRange[] = [];
    const fillRows: Excel.CellProperties[][] = [];
    for (let top = 0; top < s.used.rowCount; top += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, s.used.rowCount - top);
      // An A1 address, not getResizedRange: ExcelApi 1.1 has it.
      const r0 = s.used.rowIndex + top;
      const c0 = s.used.columnIndex;
      const part = s.ws.getRange(
        `${columnLetters(c0)}${r0 + 1}:${columnLetters(c0 + s.used.columnCount - 1)}${r0 + n}`,
      );
      part.load("values,formulas,numberFormat,rowIndex,columnIndex");
      const props =
        isOwnSheet(s.name) || !caps.cellProperties ? undefined : part.getCellProperties(FILL_PROPS);
      // One sync per block is the point of the fallback: each request stays under Excel's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      blocks.push(blockOf(part));
      if (props) fillRows.push(...props.value);
    }
    grids.set(s.name, gridFromBlocks(s.name, blocks, mergedAddress(s.merged, caps)));
    if (!isOwnSheet(s.name))
      fills.set(s.name, { origin: { r: s.used.rowIndex, c: s.used.columnIndex }, rows: fillRows });
  }
  return syncs;
}

function a1ToRc(cell: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** "'Sheet 1'!B5" or "Sheet1!B5:C6" → sheet and the top-left cell, without $ signs. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  let sheet = bang >= 0 ? address.slice(0, bang) : "";
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = address
    .slice(bang + 1)
    .split(":")[0]
    .replace(/\$/g, "");
  return { sheet, cell };
}

function readFlagRecords(grid: Grid): FlagRecord[] {
  const out: FlagRecord[] = [];
  for (const row of grid.cells) {
    const sheet = row?.[0]?.v;
    const cell = row?.[1]?.v;
    if (typeof sheet !== "string" || typeof cell !== "string" || sheet === "sheet") continue;
    out.push({
      sheet,
      cell,
      originalFill: String(row?.[2]?.v ?? "none"),
      comment: row?.[3]?.v === true || row?.[3]?.v === "1" || row?.[3]?.v === 1,
    });
  }
  return out;
}
