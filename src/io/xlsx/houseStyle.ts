/**
 * The house style of every workbook we write (issue 14): the conventions of a Vietnamese
 * administrative form, as named cell styles the package writer turns into styles.xml, and the
 * blocks every form carries — the two-column header (issuing body left; national name and motto
 * right, motto underlined), the title, the (1) (2) (3) column-number row, the place-and-date line
 * and the signature block — plus the print setup (A4, fit to one page wide, header rows repeated,
 * page numbers in the footer).
 *
 * Numbers: OOXML number formats are locale-neutral — in a format code "," is always the thousands
 * separator and "." the decimal point, and the viewer shows them with its own locale's marks. So we
 * write `#,##0` / `#,##0.0#` / `0%` / `0.0%`: on a Vietnamese-locale Excel or LibreOffice they show
 * "1.234" and "88,6" as the circulars require; on an English-locale machine "1,234" and "88.6",
 * but always one format per kind, and the cell stays a number (a text "1.234" would stop every sum).
 * Dates are `dd/mm/yyyy` whatever the locale.
 *
 * One source, two writers: the package writer (ooxml/writeXlsxPackage.ts) turns these values into
 * styles.xml for the files we write, and the add-in (addin/excel/paintFormSheet.ts) sets the same
 * fonts, fills, borders, formats, margins and footer through Office.js on the sheets it writes.
 *
 * Invariant: every style named here is resolved by both writers; a table cell carries a thin
 * border; only text in `title`/`header` rows is bold and centred; the font is Times New Roman.
 */

export const HOUSE_FONT = "Times New Roman";

export const NUMBER_FORMATS = {
  integer: "#,##0",
  decimal: "#,##0.0#",
  percent: "0%",
  percent1: "0.0%",
  date: "dd/mm/yyyy",
} as const;

export interface CellStyleSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  h?: "left" | "center" | "right";
  v?: "top" | "center";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** A light grey fill ("D9D9D9" family), for header and total rows. */
  fill?: "header" | "total";
  /** Number format; a cell's own format (`z`) is used when the style has none. */
  numFmt?: string;
}

/** The light greys of header and total rows (RGB, no "#"). */
export const FILL_COLOURS = { header: "E7E6E6", total: "F2F2F2" } as const;

/** Font size of a style without one, in points. */
export const DEFAULT_FONT_SIZE = 11;

export const HOUSE_STYLES = {
  /** Issuing body, upper left ("ỦY BAN NHÂN DÂN XÃ …"). */
  issuer: { bold: true, h: "center", v: "center", wrap: true },
  /** National name, upper right. */
  nation: { bold: true, h: "center", v: "center", wrap: true },
  /** "Độc lập - Tự do - Hạnh phúc", underlined. */
  motto: { bold: true, underline: true, h: "center", v: "center", wrap: true },
  title: { bold: true, size: 13, h: "center", v: "center", wrap: true },
  subtitle: { bold: true, h: "center", v: "center", wrap: true },
  /** An italic note line under the title (period, set, how to use). */
  note: { italic: true, h: "center", v: "center", wrap: true },
  /** Text left-aligned outside the table (stat labels, explanations). */
  plain: { v: "top", wrap: true },
  plainBold: { bold: true, v: "top", wrap: true },
  header: { bold: true, h: "center", v: "center", wrap: true, border: true, fill: "header" },
  columnNumber: { italic: true, h: "center", v: "center", border: true },
  cell: { v: "top", wrap: true, border: true },
  cellCenter: { h: "center", v: "top", wrap: true, border: true },
  cellBold: { bold: true, v: "top", wrap: true, border: true },
  total: { bold: true, v: "top", wrap: true, border: true, fill: "total" },
  placeDate: { italic: true, h: "center", v: "center" },
  signTitle: { bold: true, h: "center", v: "center", wrap: true },
  signNote: { italic: true, h: "center", v: "center" },
} as const satisfies Record<string, CellStyleSpec>;

export type HouseStyleName = keyof typeof HOUSE_STYLES;

/** Character widths that fit a text in a column (clamped), for widths that fit their content. */
export function fitWidth(
  texts: readonly (string | number | null | undefined)[],
  min: number,
  max: number,
): number {
  let w = min;
  for (const t of texts) {
    if (t === null || t === undefined) continue;
    const s = typeof t === "number" ? t.toLocaleString("vi-VN") : t;
    for (const line of s.split("\n")) w = Math.max(w, line.length + 1);
  }
  return Math.min(w, max);
}

/**
 * Lines a text takes in a wrapped cell `wch` characters wide. Times New Roman is narrower than the
 * width unit (the digit of the default font), so ≈1.1 of its letters fit per unit; words are not
 * split, so a line breaks at the last space that fits.
 */
export function wrappedLines(text: string, wch: number, size = 11): number {
  const perLine = Math.max(1, Math.floor((wch * 1.1 * 11) / size) - 1);
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of para.split(/\s+/)) {
      if (!word) continue;
      const need = line ? line + 1 + word.length : word.length;
      if (need <= perLine) line = need;
      else {
        lines += line ? 1 : 0;
        line = word.length;
        while (line > perLine) {
          lines++;
          line -= perLine;
        }
      }
    }
  }
  return Math.max(1, lines);
}

/** Height in points for `lines` lines of the house font at `size` (Excel's 11 pt row is 15 pt). */
export const rowHeight = (lines: number, size = 11) => Math.ceil(lines * size * 1.3 + 2);

/** The column-number row: "(1)", "(2)", … one per column of the table. */
export const columnNumbers = (n: number) => Array.from({ length: n }, (_, i) => `(${i + 1})`);

/** "…, ngày … tháng … năm …", with the place when it is known and the blanks a clerk fills in. */
export function placeDateLine(place: string | undefined): string {
  return `${place ? place : "……………"}, ngày …… tháng …… năm ……`;
}

/** "2022-03-08" → "08/03/2022" (dates in texts as in the dd/mm/yyyy cells). */
export const dateText = (iso: string) => iso.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, "$3/$2/$1");

/** A commune's place name for the date line: "Xã Sơn Hồng" → "Sơn Hồng". */
export const placeOf = (org: string) => org.replace(/^\s*(xã|phường|thị trấn|huyện|tỉnh)\s+/i, "").trim();

/** The issuing body of a commune's form: "ỦY BAN NHÂN DÂN XÃ SƠN HỒNG", or a line to fill in. */
export const communeIssuer = (org: string | undefined) =>
  `ỦY BAN NHÂN DÂN ${org?.trim() ? org.trim().toUpperCase() : "XÃ ……………"}`;

/** The two signatures of a form: who made it (left) and who signs for the body (right). */
export interface SignatureBlock {
  left: { title: string; note: string };
  right: { title: string; note: string };
}

export const COMMUNE_SIGNATURES: SignatureBlock = {
  left: { title: "NGƯỜI LẬP BIỂU", note: "(Ký, ghi rõ họ tên)" },
  right: { title: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", note: "(Ký tên, đóng dấu)" },
};

export const OFFICE_SIGNATURES: SignatureBlock = {
  left: { title: "NGƯỜI LẬP BIỂU", note: "(Ký, ghi rõ họ tên)" },
  right: { title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký tên, đóng dấu)" },
};

export const REVIEW_SIGNATURES: SignatureBlock = {
  left: { title: "NGƯỜI KIỂM TRA", note: "(Ký, ghi rõ họ tên)" },
  right: { title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký tên, đóng dấu)" },
};

export const NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Print setup of a sheet, written as pageSetup/printOptions/headerFooter and Print_Titles. */
export interface PrintSetup {
  landscape: boolean;
  /** 0-based first and last rows repeated at the top of every printed page. */
  titleRows?: [number, number];
  /** 0-based last column printed (columns after it, e.g. file paths, stay on screen only). */
  lastPrintedCol?: number;
  /** 0-based rows that start a new printed page (a table and its chart kept on one page). */
  rowBreaks?: number[];
}

/** The centre footer of every page: "Trang 3/12" in the house font (Office.js takes the section). */
export const FOOTER_CENTRE = `&"${HOUSE_FONT},Regular"&10Trang &P/&N`;
/** The same footer as an OOXML oddFooter (section code first). */
export const FOOTER = `&C${FOOTER_CENTRE}`;

/** Margins in inches (Excel's unit): 2 cm left for binding, 1.5 cm elsewhere. */
export const MARGINS = { left: 0.79, right: 0.59, top: 0.59, bottom: 0.69, header: 0.3, footer: 0.3 };
