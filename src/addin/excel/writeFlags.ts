/**
 * Paints flags into the workbook in one batch: a fill on each cell with a finding, a comment with
 * the message, the findings sheet with a link to every cell (writeFindingsSheet.ts), and the
 * record of original fills.
 *
 * Invariant: a cell's original fill is recorded the first time the add-in paints it and kept
 * across re-flagging (a repainted cell never records the flag colour as its own), and every cell
 * the add-in painted is either still flagged or restored to that recorded fill. Comments the
 * add-in writes start with COMMENT_PREFIX; a cell that already holds someone else's comment gets
 * none (its message is still on the findings sheet). Nothing here syncs: the caller does, once.
 *
 * On an Excel older than a feature (hostCapabilities.ts) the batch does without it: below ExcelApi
 * 1.10 no comments (the findings sheet carries every message), below 1.7 a HYPERLINK formula links
 * each finding to its cell, below 1.2 the add-in's sheets stay visible and columns keep their width.
 */
import type { CheckFlag } from "../../domain/check/checkWorkbook";
import type { CommentInfo, FlagRecord, WorkbookSnapshot } from "./readWorkbookSnapshot";
import { COMMENT_PREFIX, FINDINGS_SHEET, FLAG_FILL, FLAGS_SHEET, sheetRef } from "./ntmSheets";
import { hostCapabilities } from "./hostCapabilities";
import { SEVERITY_RANK, queueFindingsSheet } from "./writeFindingsSheet";

/** One finding placed on a cell, with its message already in the reader's language: the check's flag. */
export type CellFlag = CheckFlag;

function key(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/** Findings grouped per cell, worst severity first. */
function byCell(flags: CellFlag[]): Map<string, CellFlag[]> {
  const out = new Map<string, CellFlag[]>();
  for (const f of flags) {
    const k = key(f.sheet, f.cell);
    const list = out.get(k) ?? [];
    list.push(f);
    out.set(k, list);
  }
  for (const list of out.values()) list.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return out;
}

/** Restores a recorded fill on a range ("none" clears the fill). */
export function restoreFill(range: Excel.Range, originalFill: string): void {
  if (originalFill === "none") range.format.fill.clear();
  else range.format.fill.color = originalFill;
}

/** Deletes the add-in's own comments. */
export function queueDeleteOwnComments(context: Excel.RequestContext, comments: CommentInfo[]): void {
  if (!hostCapabilities().comments) return;
  for (const c of comments) if (c.ours) context.workbook.comments.getItem(c.id).delete();
}

/** Gets a sheet the add-in keeps, emptied, or adds it when the snapshot did not see it. */
export function queueFreshSheet(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  name: string,
): Excel.Worksheet {
  if (snapshot.sheetNames.includes(name)) {
    const ws = context.workbook.worksheets.getItem(name);
    ws.getRange().clear();
    return ws;
  }
  snapshot.sheetNames.push(name);
  return context.workbook.worksheets.add(name);
}

/** Pauses what this Excel can pause until the next sync; an older one just recalculates as it goes. */
export function pauseRecalculation(context: Excel.RequestContext): void {
  const caps = hostCapabilities();
  if (caps.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  if (caps.cellProperties) context.application.suspendScreenUpdatingUntilNextSync();
}

/** Hides one of the add-in's own sheets where Excel can (1.2); before, it stays visible. */
export function hideOwnSheet(ws: Excel.Worksheet): void {
  if (hostCapabilities().hideSheets) ws.visibility = "VeryHidden";
}

/**
 * Queues the flags. Returns the records now stored (for tests and the pane's counters).
 */
export function queueFlags(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  flags: CellFlag[],
): FlagRecord[] {
  pauseRecalculation(context);
  const caps = hostCapabilities();
  const cells = byCell(flags.filter((f) => f.sheet && f.cell));
  const previous = new Map(snapshot.flagRecords.map((r) => [key(r.sheet, r.cell), r]));
  const foreignComment = new Set(snapshot.comments.filter((c) => !c.ours).map((c) => key(c.sheet, c.cell)));

  // Cells flagged before but not now get their own fill back.
  for (const [k, rec] of previous) {
    if (!cells.has(k))
      restoreFill(context.workbook.worksheets.getItem(rec.sheet).getRange(rec.cell), rec.originalFill);
  }
  queueDeleteOwnComments(context, snapshot.comments);

  const records: FlagRecord[] = [];
  for (const [k, list] of cells) {
    const { sheet, cell } = list[0];
    const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
    range.format.fill.color = FLAG_FILL[list[0].severity];
    const canComment = caps.comments && !foreignComment.has(k);
    // caps.comments where the API is called too, so the guard stays next to the use it guards.
    if (canComment && caps.comments) {
      const text = COMMENT_PREFIX + list.map((f) => f.message).join("\n\n");
      context.workbook.comments.add(sheetRef(sheet, cell), text.slice(0, 8000));
    }
    records.push({
      sheet,
      cell,
      originalFill: previous.get(k)?.originalFill ?? snapshot.fillAt(sheet, cell),
      comment: canComment,
    });
  }

  queueFindingsSheet(queueFreshSheet(context, snapshot, FINDINGS_SHEET), snapshot, flags);
  queueFlagRecords(context, snapshot, records);
  return records;
}

function queueFlagRecords(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  records: FlagRecord[],
): void {
  const ws = queueFreshSheet(context, snapshot, FLAGS_SHEET);
  hideOwnSheet(ws);
  const rows: (string | boolean)[][] = [
    ["sheet", "cell", "originalFill", "comment"],
    ...records.map((r) => [r.sheet, r.cell, r.originalFill, r.comment]),
  ];
  ws.getRange(`A1:D${rows.length}`).values = rows;
}

/** Queues the removal of every flag: original fills back, own comments and the findings sheet gone. */
export function queueClearFlags(context: Excel.RequestContext, snapshot: WorkbookSnapshot): number {
  pauseRecalculation(context);
  for (const rec of snapshot.flagRecords)
    restoreFill(context.workbook.worksheets.getItem(rec.sheet).getRange(rec.cell), rec.originalFill);
  queueDeleteOwnComments(context, snapshot.comments);
  if (snapshot.sheetNames.includes(FINDINGS_SHEET))
    context.workbook.worksheets.getItem(FINDINGS_SHEET).delete();
  if (snapshot.sheetNames.includes(FLAGS_SHEET))
    context.workbook.worksheets.getItem(FLAGS_SHEET).getRange().clear();
  return snapshot.flagRecords.length;
}
