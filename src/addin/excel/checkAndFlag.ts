/**
 * Check and flag in three syncs: two to read (readWorkbookSnapshot), one to write every flag, the
 * findings sheet, the summary and the settings. The analysis between read and write is pure domain
 * code handed in by the caller, so this file knows Excel and nothing about criteria.
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
  const records = opts.flag === false ? [] : queueFlags(context, snapshot, analysis.flags);
  if (analysis.summary) queueSummarySheet(context, snapshot, analysis.summary);
  if (analysis.settings && Object.keys(analysis.settings).length)
    queueSettings(context, snapshot, analysis.settings);
  await context.sync();
  return { analysis, records, syncs: snapshot.syncs + 1 };
}

/** Reads the grids only (two syncs), for a check without writing. */
export async function readGrids(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  return readWorkbookSnapshot(context);
}

/**
 * Clears every flag in two syncs: one reads the flag records and comment list (no data ranges),
 * one restores the fills, deletes the add-in's comments and its findings sheet.
 */
export async function clearFlagsInWorkbook(
  context: Excel.RequestContext,
): Promise<{ restored: number; syncs: number }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const comments = context.workbook.comments;
  comments.load("items/id,items/content");
  const flagsRange = sheets.getItemOrNullObject(FLAGS_SHEET).getUsedRangeOrNullObject(true);
  flagsRange.load("values,rowIndex,columnIndex");
  await context.sync();
  const records = flagsRange.isNullObject
    ? []
    : flagRecordsFrom(
        gridFromBlocks(FLAGS_SHEET, [
          { rowIndex: flagsRange.rowIndex, columnIndex: flagsRange.columnIndex, values: flagsRange.values },
        ]).cells,
      );
  const snapshot: WorkbookSnapshot = {
    grids: { sheets: [] },
    fillAt: () => "none",
    flagRecords: records,
    comments: comments.items.map((c): CommentInfo => ({
      id: c.id,
      sheet: "",
      cell: "",
      ours: String(c.content ?? "").startsWith(COMMENT_PREFIX),
    })),
    sheetNames: sheets.items.map((s) => s.name),
    syncs: 1,
  };
  const restored = queueClearFlags(context, snapshot);
  await context.sync();
  return { restored, syncs: 2 };
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

/** Reads only the settings sheet (identity, mappings): one sync. */
export async function readSettings(context: Excel.RequestContext): Promise<Record<string, string>> {
  const used = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
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
