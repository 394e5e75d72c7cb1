/**
 * Puts a pulled report into the open workbook in three syncs, whatever its size: one for the sheet
 * names and comments, one for the target cells and where the comments sit, one for every write.
 *
 * Invariant: a value is written only where the cell does not already mean it, never over a formula
 * (src/domain/sync/pulledCellContent), never over a cell that no longer holds what the pull was
 * planned from (it is reported back as `changed`); a reviewer note replaces the add-in's own comment on that
 * cell (an older reviewer note or a flag message) and never someone else's, which stays as it is;
 * reviewer notes of ours on cells that no longer get one are removed, so the workbook shows the
 * comments of this pull and no others. Text is written so Excel keeps it as text: a string that
 * starts with = + - @ gets Excel's text prefix (a leading apostrophe, not stored in the value), so
 * no string from the server becomes a live formula; prose is never overwritten (listed instead).
 */
import type { ReportScalar } from "../../domain/report";
import type { CellValue } from "../../domain/sheet/grid";
import { decideCellContent } from "../../domain/sync/pulledCellContent";
import type { PulledCell } from "../../domain/sync/pulledCells";
import { isReviewerNote } from "../../domain/sync/reviewerComments";
import { COMMENT_PREFIX, sheetRef } from "./ntmSheets";
import { splitAddress } from "./readWorkbookSnapshot";
import { pauseRecalculation } from "./writeFlags";
import { hostCapabilities } from "./hostCapabilities";

export interface PullWriteReport {
  /** Cells whose value changed. */
  valuesWritten: number;
  /** Cells that already held the value. */
  valuesUnchanged: number;
  /** "Sheet!A1" of formula cells whose computed value differs from the server's (left as they are). */
  formulaCells: string[];
  notesWritten: number;
  notesRemoved: number;
  /** "Sheet!A1" of cells holding prose the value would replace (left as they are). */
  proseCells: string[];
  /** "Sheet!A1" whose value is longer than a cell holds (Excel would refuse the whole write). */
  tooLong: string[];
  /** "Sheet!A1" where someone else's comment sits, so the reviewer's words are only in the pane. */
  foreignComments: string[];
  /** Cells typed into since the pull was planned: left as they are, with what they hold now. */
  changed: { code: string; sheet: string; cell: string; now: ReportScalar; raw: CellValue }[];
  /** Sheets the values came from that this workbook does not have. */
  missingSheets: string[];
  syncs: number;
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Excel gives "" for an empty cell; the reader's grids say null. */
function cellValueOf(v: unknown): CellValue {
  return v === "" || v === undefined ? null : (v as CellValue);
}

export async function writePulledReport(
  context: Excel.RequestContext,
  cells: PulledCell[],
): Promise<PullWriteReport> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const caps = hostCapabilities();
  const comments = caps.comments ? context.workbook.comments : undefined; // ExcelApi 1.10
  comments?.load("items/id,items/content");
  await context.sync();

  const names = new Set(sheets.items.map((s) => s.name));
  const present = cells.filter((c) => names.has(c.sheet));
  const missingSheets = [...new Set(cells.filter((c) => !names.has(c.sheet)).map((c) => c.sheet))];
  const targets = present.map((c) => {
    const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
    if (c.value) range.load("values,formulas,numberFormat");
    return { c, range };
  });
  const located =
    comments && caps.comments
      ? comments.items.map((item) => {
          const at = item.getLocation();
          at.load("address");
          return { item, at };
        })
      : [];
  await context.sync();

  pauseRecalculation(context);
  const report: PullWriteReport = {
    valuesWritten: 0,
    valuesUnchanged: 0,
    formulaCells: [],
    proseCells: [],
    tooLong: [],
    changed: [],
    notesWritten: 0,
    notesRemoved: 0,
    foreignComments: [],
    missingSheets,
    syncs: 3,
  };
  for (const { c, range } of targets) {
    if (!c.value) continue;
    const formula = String(range.formulas[0][0] ?? "");
    const now = cellValueOf(range.values[0][0]);
    const decision = decideCellContent(
      c.value,
      {
        v: now,
        ...(formula.startsWith("=") ? { f: formula.slice(1) } : {}),
        z: String(range.numberFormat[0][0] ?? "General"),
      },
      c.expect,
    );
    if (decision.kind === "write" && typeof decision.content === "string" && decision.content.length > 32767)
      report.tooLong.push(`${c.sheet}!${c.cell}`);
    else if (decision.kind === "write") {
      range.values = [[asTypedText(decision.content)]];
      report.valuesWritten++;
    } else if (decision.kind === "unchanged") report.valuesUnchanged++;
    else if (decision.kind === "prose") report.proseCells.push(`${c.sheet}!${c.cell}`);
    else if (decision.kind === "changed")
      report.changed.push({ code: c.code, sheet: c.sheet, cell: c.cell, now: decision.now, raw: now });
    else report.formulaCells.push(`${c.sheet}!${c.cell}`);
  }
  queueNotes(context, located, present, report);
  await context.sync();
  return report;
}

/** Excel parses what `values` is given as if typed: text that would start a formula gets the text prefix. */
export function asTypedText(content: CellValue): CellValue {
  if (content === null) return "";
  return typeof content === "string" && /^[=+\-@'\t\r\n]/.test(content) ? `'${content}` : content;
}

function queueNotes(
  context: Excel.RequestContext,
  located: { item: Excel.Comment; at: Excel.Range }[],
  present: PulledCell[],
  report: PullWriteReport,
): void {
  if (!hostCapabilities().comments) return; // no comments API (below ExcelApi 1.10): no notes
  const existing = new Map(
    located.map(({ item, at }) => {
      const { sheet, cell } = splitAddress(at.address);
      const content = String(item.content ?? "");
      return [
        key(sheet, cell),
        {
          item,
          content,
          ours: isReviewerNote(content) || content.startsWith(COMMENT_PREFIX),
          reviewer: isReviewerNote(content),
        },
      ];
    }),
  );
  const noted = new Set<string>();
  for (const c of present) {
    if (!c.note) continue;
    const k = key(c.sheet, c.cell);
    const there = existing.get(k);
    const text = c.note.slice(0, 8000);
    noted.add(k);
    if (there?.content === text) continue;
    if (!there) context.workbook.comments.add(sheetRef(c.sheet, c.cell), text);
    else if (there.ours) there.item.content = text;
    else {
      report.foreignComments.push(`${c.sheet}!${c.cell}`);
      continue;
    }
    report.notesWritten++;
  }
  for (const [k, there] of existing) {
    if (there.reviewer && !noted.has(k)) {
      there.item.delete();
      report.notesRemoved++;
    }
  }
}
