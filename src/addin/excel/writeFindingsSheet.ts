/**
 * The findings sheet the check writes ("NTM – Kiểm tra"): every finding, worst first, with the
 * criterion, indicator, severity, a link to its cell and the message, as a house-style form (the
 * FormSheet the file writers use, painted by paintFormSheet.ts): official header, title with the
 * count, the table from sheet row 7 with its (1) (2) (3) row, and the signatures.
 *
 * The link: a cell hyperlink where Excel has them (ExcelApi 1.7); before, a HYPERLINK formula that
 * Excel 2016 follows too, written with the text it shows as its cached value.
 */
import type { Severity } from "../../domain/review/finding";
import { FormSheet } from "../../io/xlsx/formSheet";
import { REVIEW_SIGNATURES, communeIssuer, fitWidth } from "../../io/xlsx/houseStyle";
import type { WorkbookSnapshot } from "./readWorkbookSnapshot";
import type { CellFlag } from "./writeFlags";
import { SETTINGS_KEYS } from "../../io/xlsx/workbookSettings";
import { sheetRef } from "./ntmSheets";
import { hostCapabilities } from "./hostCapabilities";
import { queuePaintForm } from "./paintFormSheet";

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_TEXT: Record<Severity, string> = { error: "Lỗi", warning: "Cần xem lại", info: "Thông tin" };

const LAST_COL = 5;
/** 0-based sheet row of the first finding (header block, title, note, header, column numbers). */
export const FIRST_FINDING_ROW = 6;

/** A link to a cell that Excel 2016 follows too: =HYPERLINK("#'Sheet'!B5","Sheet!B5"). */
export function hyperlinkFormula(sheet: string, cell: string): string {
  const q = (t: string) => t.replace(/"/g, '""');
  return `=HYPERLINK("#${q(sheetRef(sheet, cell))}","${q(`${sheet}!${cell}`)}")`;
}

/** Findings worst first (the order of the sheet). */
export const bySeverity = (flags: CellFlag[]) =>
  [...flags].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

/** The findings as a form; `linkByFormula` where this Excel has no cell hyperlinks. */
export function findingsForm(flags: CellFlag[], org: string | undefined, linkByFormula: boolean): FormSheet {
  const sorted = bySeverity(flags);
  const where = (f: CellFlag) => (f.sheet && f.cell ? `${f.sheet}!${f.cell}` : "");
  const d = new FormSheet();
  d.widths([
    5,
    10,
    10,
    11,
    fitWidth(sorted.map(where), 12, 28),
    fitWidth(
      sorted.map((f) => f.message),
      40,
      70,
    ),
  ]);
  let r = d.officialHeader(0, communeIssuer(org), LAST_COL);
  const errors = flags.filter((f) => f.severity === "error").length;
  d.banner(r++, `KẾT QUẢ KIỂM TRA SỐ LIỆU: ${flags.length} phát hiện`, LAST_COL, "title");
  d.banner(r++, `Trong đó ${errors} lỗi cần sửa; bấm vào ô ở cột (5) để đến ô cần xem lại`, LAST_COL, "note");
  d.tableHeader(r, ["STT", "Tiêu chí", "Chỉ tiêu", "Mức độ", "Ô cần xem", "Nội dung"]);
  sorted.forEach((f, i) => {
    const row = FIRST_FINDING_ROW + i;
    d.row(row, [i + 1, f.criterion ?? "", f.indicator ?? "", SEVERITY_TEXT[f.severity]], 0, "cellCenter");
    if (linkByFormula && where(f)) d.formula(row, 4, hyperlinkFormula(f.sheet, f.cell).slice(1), where(f));
    else d.set(row, 4, where(f));
    d.set(row, 5, f.message);
  });
  if (!sorted.length) d.grid(FIRST_FINDING_ROW, 0, FIRST_FINDING_ROW, LAST_COL);
  const last = FIRST_FINDING_ROW + Math.max(sorted.length, 1) - 1;
  d.signatures(last + 2, REVIEW_SIGNATURES, LAST_COL, undefined);
  return d;
}

/** Paints the findings onto `ws`, the emptied findings sheet (FINDINGS_SHEET). */
export function queueFindingsSheet(ws: Excel.Worksheet, snapshot: WorkbookSnapshot, flags: CellFlag[]): void {
  const caps = hostCapabilities();
  const org = snapshot.grids.properties?.[SETTINGS_KEYS.orgUnit];
  const form = findingsForm(flags, org, !caps.hyperlinks);
  queuePaintForm(ws, form, {
    print: { landscape: true, titleRows: [FIRST_FINDING_ROW - 2, FIRST_FINDING_ROW - 1] },
    freeze: { rows: FIRST_FINDING_ROW, cols: 0 },
  });
  if (!caps.hyperlinks) return;
  bySeverity(flags).forEach((f, i) => {
    if (!f.sheet || !f.cell) return;
    // caps.hyperlinks where the API is called too, so the guard stays next to the use it guards.
    if (caps.hyperlinks)
      ws.getRange(`E${FIRST_FINDING_ROW + 1 + i}`).hyperlink = {
        documentReference: sheetRef(f.sheet, f.cell),
        textToDisplay: `${f.sheet}!${f.cell}`,
        screenTip: "Đi tới ô / Go to cell",
      };
  });
}
