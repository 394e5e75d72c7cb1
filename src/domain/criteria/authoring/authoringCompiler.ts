/**
 * The compiler's reading desk: the authoring workbook's sheets as tables of named columns, the
 * errors and warnings it collects (each at sheet, 1-based row, column header, with what to write),
 * and the readers of one cell (yes/no, whole number, roll-up rule, list) every sheet shares.
 * Invariant: a reader that cannot read its cell records why and returns undefined; it never throws
 * and never guesses.
 */
import type { Cell, Grid, WorkbookGrids } from "../../sheet/grid";
import type { AuthoringError } from "./authoringError";

export type Json = Record<string, unknown>;

export interface Row {
  row: number;
  cell(column: string): Cell | undefined;
  text(column: string): string | undefined;
}

export interface Table {
  sheet: string;
  columns: string[];
  rows: Row[];
}

const TRUE_WORDS = new Set(["true", "yes", "có", "co", "đạt", "dat", "x", "1"]);
const FALSE_WORDS = new Set(["false", "no", "không", "khong", "chưa đạt", "chua dat", "0"]);

export function cellText(c: Cell | undefined): string | undefined {
  if (!c || c.v === null || c.v === undefined) return undefined;
  const s = typeof c.v === "string" ? c.v.trim() : String(c.v);
  return s === "" ? undefined : s;
}

export class Compiler {
  readonly errors: AuthoringError[] = [];
  /** Cells read one way that may have meant another ("92.5"): compiled, and said at the cell. */
  readonly warnings: AuthoringError[] = [];
  /** Formatted schema path prefix → where it was written. */
  readonly locations = new Map<string, { sheet: string; row: number; column: string }>();

  constructor(private readonly book: WorkbookGrids) {}

  error(sheet: string, row: number, column: string, vi: string, en: string): undefined {
    this.errors.push({ sheet, row, column, vi, en });
    return undefined;
  }

  warn(sheet: string, row: number, column: string, vi: string, en: string): void {
    this.warnings.push({ sheet, row, column, vi, en });
  }

  grid(name: string, required: boolean): Grid | undefined {
    const g = this.book.sheets.find((s) => s.sheet.trim().toLowerCase() === name);
    if (!g && required)
      this.error(
        name,
        1,
        "A",
        `thiếu trang tính "${name}"; thêm trang này (xem mẫu từ "ntm criteria export")`,
        `sheet "${name}" is missing; add it (see a template from "ntm criteria export")`,
      );
    return g;
  }

  table(
    name: string,
    known: readonly string[],
    required: boolean,
    dynamic?: (col: string) => boolean,
  ): Table | undefined {
    const g = this.grid(name, required);
    if (!g) return undefined;
    const header = g.cells[0] ?? [];
    const columns: string[] = [];
    const index = new Map<string, number>();
    for (let c = 0; c < Math.max(g.colCount, header.length); c++) {
      const h = cellText(header[c]);
      if (h === undefined) continue;
      if (!known.includes(h) && !(dynamic && dynamic(h))) {
        this.error(
          name,
          1,
          h,
          `cột "${h}" không có trong mẫu; dùng một trong ${known.join(", ")}`,
          `unknown column "${h}"; use one of ${known.join(", ")}`,
        );
        continue;
      }
      if (index.has(h)) {
        this.error(name, 1, h, `cột "${h}" bị lặp; giữ một cột`, `column "${h}" appears twice; keep one`);
        continue;
      }
      index.set(h, c);
      columns.push(h);
    }
    const rows: Row[] = [];
    for (let r = 1; r < g.rowCount; r++) {
      const cells = g.cells[r] ?? [];
      if (!cells.some((c) => cellText(c) !== undefined)) continue;
      const at = (col: string) => (index.has(col) ? cells[index.get(col)!] : undefined);
      rows.push({ row: r + 1, cell: at, text: (col) => cellText(at(col)) });
    }
    return { sheet: name, columns, rows };
  }

  required(t: Table, row: Row, column: string, what: { vi: string; en: string }): string | undefined {
    const v = row.text(column);
    if (v === undefined)
      this.error(t.sheet, row.row, column, `ô trống; ghi ${what.vi}`, `empty; write ${what.en}`);
    return v;
  }

  oneOf<T extends string>(
    t: Table,
    row: Row,
    column: string,
    allowed: readonly string[],
    words?: Record<string, T>,
    noun: { vi: string; en: string } = { vi: "hợp lệ", en: "allowed" },
  ): T | undefined {
    const v = row.text(column);
    if (v === undefined) {
      this.error(
        t.sheet,
        row.row,
        column,
        `ô trống; ghi một trong ${allowed.join(", ")}`,
        `empty; write one of ${allowed.join(", ")}`,
      );
      return undefined;
    }
    const hit = words ? (words[v] ?? words[v.toLowerCase()]) : allowed.includes(v) ? (v as T) : undefined;
    if (hit === undefined)
      this.error(
        t.sheet,
        row.row,
        column,
        `"${v}" không phải ${noun.vi}; dùng một trong ${allowed.join(", ")}`,
        `"${v}" is not ${noun.en}; use one of ${allowed.join(", ")}`,
      );
    return hit;
  }

  bool(sheet: string, row: number, column: string, c: Cell | undefined): boolean | undefined {
    if (typeof c?.v === "boolean") return c.v;
    const s = cellText(c)?.toLowerCase();
    if (s === undefined)
      return this.error(
        sheet,
        row,
        column,
        "ô trống; ghi có hoặc không (TRUE/FALSE)",
        "empty; write yes or no (TRUE/FALSE)",
      );
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
    return this.error(
      sheet,
      row,
      column,
      `"${s}" không phải có/không; ghi có hoặc không (TRUE/FALSE)`,
      `"${s}" is not yes/no; write yes or no (TRUE/FALSE)`,
    );
  }

  integer(sheet: string, row: number, column: string, c: Cell | undefined): number | undefined {
    if (cellText(c) === undefined) return undefined;
    const n = typeof c!.v === "number" ? c!.v : Number(cellText(c));
    if (!Number.isInteger(n))
      return this.error(
        sheet,
        row,
        column,
        `"${cellText(c)}" không phải số nguyên; ghi ví dụ 2025`,
        `"${cellText(c)}" is not a whole number; write e.g. 2025`,
      );
    return n;
  }

  rollup(sheet: string, row: number, column: string, s: string | undefined): Json | undefined {
    const usage = {
      vi: 'ghi "all", "atLeast N" (N là số) hoặc "share" / "share 80"',
      en: 'write "all", "atLeast N" (N a number) or "share" / "share 80"',
    };
    if (s === undefined) return this.error(sheet, row, column, `ô trống; ${usage.vi}`, `empty; ${usage.en}`);
    const m = /^(all|atleast|at least|share)(?:\s+(\d+(?:[.,]\d+)?))?$/i.exec(s.trim());
    if (!m)
      return this.error(
        sheet,
        row,
        column,
        `"${s}" không phải quy tắc tổng hợp; ${usage.vi}`,
        `"${s}" is not a roll-up rule; ${usage.en}`,
      );
    const word = m[1].toLowerCase().replace(" ", "");
    const n = m[2] === undefined ? undefined : Number(m[2].replace(",", "."));
    if (word === "all")
      return n === undefined
        ? { rule: "all" }
        : this.error(
            sheet,
            row,
            column,
            `"all" không kèm số; ${usage.vi}`,
            `"all" takes no number; ${usage.en}`,
          );
    if (word === "atleast")
      return n !== undefined && Number.isInteger(n) && n >= 1
        ? { rule: "atLeast", n }
        : this.error(
            sheet,
            row,
            column,
            `"${s}" cần một số nguyên ≥ 1, ví dụ "atLeast 15"`,
            `"${s}" needs a whole number ≥ 1, e.g. "atLeast 15"`,
          );
    return n === undefined
      ? { rule: "share" }
      : n <= 100
        ? { rule: "share", goal: n }
        : this.error(
            sheet,
            row,
            column,
            `mục tiêu ${n} vượt 100 %; ghi ví dụ "share 80"`,
            `goal ${n} is over 100 %; write e.g. "share 80"`,
          );
  }

  list<T extends string>(
    sheet: string,
    row: number,
    column: string,
    s: string | undefined,
    allowed: readonly T[],
  ): T[] | undefined {
    if (s === undefined) return undefined;
    const items = s
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
    if (bad.length)
      return this.error(
        sheet,
        row,
        column,
        `"${bad.join(", ")}" không hợp lệ; dùng ${allowed.join(", ")}, cách nhau bằng dấu phẩy`,
        `"${bad.join(", ")}" not allowed; use ${allowed.join(", ")}, separated by commas`,
      );
    return items as T[];
  }

  where(path: string, sheet: string, row: number, column: string) {
    this.locations.set(path, { sheet, row, column });
  }
}

export function text2(vi: string | undefined, en: string | undefined): Json | undefined {
  if (vi === undefined) return undefined;
  return en === undefined ? { vi } : { vi, en };
}

export function put(o: Json, key: string, v: unknown) {
  if (v !== undefined) o[key] = v;
}
