/**
 * Check and flag in three syncs: two to read (readWorkbookSnapshot), one to write every flag, the
 * findings sheet, the summary and the settings. The analysis between read and write is pure domain
 * code handed in by the caller, so this file knows Excel and nothing about criteria. An Excel below
 * ExcelApi 1.9 cannot give every fill in the read: one more sync reads the fills of the cells about
 * to be painted for the first time, so their own colour is still what unflagging restores.
 */
import type { WorkbookGrids } from "../../domain/sheet/grid";
import {
  readWorkbookSnapshot,
  type WorkbookSnapshot,
  type CommentInfo,
  type FlagRecord,
  splitAddress,
} from "./readWorkbookSnapshot";
import { queueClearFlags, queueFlags, type CellFlag } from "./writeFlags";
import { queueSummarySheet, type ProgressSummary } from "./writeSummarySheet";
import { queueSettings } from "./workbookIdentity";
import { COMMENT_PREFIX, FINDINGS_SHEET, FLAGS_SHEET, SETTINGS_SHEET } from "./ntmSheets";
import { readSettingsSheet } from "../../io/xlsx/workbookSettings";
import { gridFromBlocks } from "./rangeToGrid";
import { hostCapabilities } from "./hostCapabilities";

export interface Analysis {
  flags: CellFlag[];
  summary?: ProgressSummary;
  /** Settings to remember (identity, manual mappings); merged into "_ntm". */
  settings?: Record<string, string>;
}

export interface CheckOutcome<A extends Analysis> {
  analysis: A;
  records: FlagRecord[];
  syncs: number;
}

export async function checkAndFlagWorkbook<A extends Analysis>(
  context: Excel.RequestContext,
  analyse: (grids: WorkbookGrids) => A,
  opts: { flag?: boolean } = {},
): Promise<CheckOutcome<A>> {
  const snapshot = await readWorkbookSnapshot(context);
  const analysis = analyse(snapshot.grids);
  let syncs = snapshot.syncs + 1;
  if (opts.flag !== false && !snapshot.fillsKnown && analysis.flags.length) {
    await readFillsOfNewFlags(context, snapshot, analysis.flags);
    syncs++;
  }
  const records = opts.flag === false ? [] : queueFlags(context, snapshot, analysis.flags);
  if (analysis.summary) queueSummarySheet(context, snapshot, analysis.summary);
  if (analysis.settings && Object.keys(analysis.settings).length)
    queueSettings(context, snapshot, analysis.settings);
  await context.sync();
  return { analysis, records, syncs };
}

/**
 * ExcelApi 1.1's fill of a single cell (format.fill.color). Excel reports a cell without fill as
 * white, so white is recorded as "none": unflagging then clears the fill rather than painting white.
 */
async function readFillsOfNewFlags(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  flags: Analysis["flags"],
): Promise<void> {
  const known = new Set(snapshot.flagRecords.map((r) => `${r.sheet}!${r.cell}`));
  const reads = new Map<string, Excel.RangeFill>();
  for (const f of flags) {
    const k = `${f.sheet}!${f.cell}`;
    if (!f.sheet || !f.cell || known.has(k) || reads.has(k)) continue;
    const fill = context.workbook.worksheets.getItem(f.sheet).getRange(f.cell).format.fill;
    fill.load("color");
    reads.set(k, fill);
  }
  await context.sync();
  const fills = new Map<string, string>();
  for (const [k, fill] of reads) {
    const c = String(fill.color ?? "").toUpperCase();
    fills.set(k, !c || c === "#FFFFFF" ? "none" : c);
  }
  snapshot.fillAt = (sheet, cell) => fills.get(`${sheet}!${cell}`) ?? "none";
}

/**
 * Clears every flag in two syncs (three below ExcelApi 1.4): one reads the flag records and comment
 * list (no data ranges), one restores the fills, deletes the add-in's comments and its findings sheet.
 */
export async function clearFlagsInWorkbook(
  context: Excel.RequestContext,
): Promise<{ restored: number; syncs: number }> {
  const caps = hostCapabilities();
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const comments = caps.comments ? context.workbook.comments : undefined;
  comments?.load("items/id,items/content");
  const flagsRange = await usedRangeIfAny(context, FLAGS_SHEET);
  let syncs = flagsRange.syncs;
  if (flagsRange.range) flagsRange.range.load("values,rowIndex,columnIndex");
  await context.sync();
  syncs++;
  const used = flagsRange.range;
  const records =
    !used || used.isNullObject
      ? []
      : flagRecordsFrom(
          gridFromBlocks(FLAGS_SHEET, [
            { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values },
          ]).cells,
        );
  const snapshot: WorkbookSnapshot = {
    grids: { sheets: [] },
    fillAt: () => "none",
    flagRecords: records,
    comments:
      comments && caps.comments
        ? comments.items.map((c): CommentInfo => ({
            id: c.id,
            sheet: "",
            cell: "",
            ours: String(c.content ?? "").startsWith(COMMENT_PREFIX),
          }))
        : [],
    sheetNames: sheets.items.map((s) => s.name),
    syncs: 1,
  };
  const restored = queueClearFlags(context, snapshot);
  await context.sync();
  return { restored, syncs: syncs + 1 };
}

/**
 * The used range of one of the add-in's sheets, or undefined when the sheet is not there. ExcelApi
 * 1.4 asks in the caller's sync (a null object); before, one sync lists the sheets first.
 */
async function usedRangeIfAny(
  context: Excel.RequestContext,
  sheet: string,
): Promise<{ range: Excel.Range | undefined; syncs: number }> {
  const caps = hostCapabilities();
  if (caps.nullObjects)
    return {
      range: context.workbook.worksheets.getItemOrNullObject(sheet).getUsedRangeOrNullObject(true),
      syncs: 0,
    };
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (!sheets.items.some((s) => s.name === sheet)) return { range: undefined, syncs: 1 };
  return { range: context.workbook.worksheets.getItem(sheet).getUsedRange(), syncs: 1 };
}

function flagRecordsFrom(cells: ({ v: unknown } | undefined)[][]): FlagRecord[] {
  const out: FlagRecord[] = [];
  for (const row of cells) {
    const [s, c, fill, comment] = [row?.[0]?.v, row?.[1]?.v, row?.[2]?.v, row?.[3]?.v];
    if (typeof s !== "string" || typeof c !== "string" || s === "sheet") continue;
    out.push({ sheet: s, cell: c, originalFill: String(fill ?? "none"), comment: comment === true });
  }
  return out;
}

/** Selects a cell (clicking a finding in the pane). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}

/** Reads only the settings sheet (identity, mappings): one sync (two below ExcelApi 1.4). */
export async function readSettings(context: Excel.RequestContext): Promise<Record<string, string>> {
  const { range: used } = await usedRangeIfAny(context, SETTINGS_SHEET);
  if (!used) return {};
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return {};
  return readSettingsSheet(
    gridFromBlocks(SETTINGS_SHEET, [
      { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values },
    ]),
  );
}

/** Writes settings (identity, mappings) in two syncs. */
export async function writeSettings(
  context: Excel.RequestContext,
  changes: Record<string, string>,
): Promise<Record<string, string>> {
  const current = await readSettings(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const snapshot: WorkbookSnapshot = {
    grids: { sheets: [], properties: current },
    fillAt: () => "none",
    flagRecords: [],
    comments: [],
    sheetNames: sheets.items.map((s) => s.name),
    syncs: 0,
  };
  const merged = queueSettings(context, snapshot, changes);
  await context.sync();
  return merged;
}

export { FINDINGS_SHEET, splitAddress };
