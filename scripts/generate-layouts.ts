/**
 * Generates workbooks in layouts the visible samples do not show, each with an answer file
 * (test/fixtures/layouts/NAME.expected.json) computed from what the script writes — the reader
 * tests check themselves against these. Run: npx tsx scripts/generate-layouts.ts
 *
 * Layouts: (1) no numbering column, codes inside the names, "Tiêu chí N:" heading rows, percent
 * cells as real fractions, Đ/CĐ; (2) shuffled columns with typos in the headers and numeric TT
 * cells; (3) villages across (rows = KDC items, one column per village, marks and figures);
 * (4) weekly work volumes with text figures and units in cells; (5) one set split over two sheets,
 * unnumbered indicator rows mapped by name, "+" bullets and "a." letters; (6) hostile content for
 * the reader: ranges, an ambiguous "1,680", a duplicate row, a row of the commune's own, and
 * indicators left out (→ reader findings).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import setJson from "../src/domain/criteria/sets/vn-xa-ntm-2021-2025.json";
import { a1, mulberry32 as rng, vn } from "./seededRandom";
import { indicatorRowsOf, type SetIndicatorRow, type SetJson } from "./setIndicatorRows";

const OUT = path.join(__dirname, "..", "test", "fixtures", "layouts");

type Cell = string | number | null | { v: number; z: string };
type Row = Cell[];

interface Answer {
  file: string;
  set: string;
  period: string;
  orgUnit?: string;
  indicators: {
    code: string;
    sheet: string;
    cell: string;
    value: unknown;
    unit: string | null;
    selfAssessment: "met" | "unmet" | null;
  }[];
  expectedFindings: { type: string; indicator?: string; sheet: string; cell: string }[];
  units?: { name: string; criteriaMet: number; criteriaTotal: number; progress: number }[];
  workItems?: {
    name: string;
    unit: string;
    plan: number | null;
    done: number | null;
    cumulative: number | null;
    sheet: string;
    cell: string;
  }[];
  notes: string;
}

/** An answer file's head, its lists empty for the layout to fill (keys in the order the JSON shows). */
function newAnswer(
  file: string,
  set: string,
  period: string,
  orgUnit: string,
  notes: string,
  lists: Pick<Answer, "units" | "workItems"> = {},
): Answer {
  return { file, set, period, orgUnit, indicators: [], expectedFindings: [], ...lists, notes };
}

type Ind = SetIndicatorRow;

/** A value as a clerk types it: "85,5%" for a percent, "1.680" for a count, yes/no as words. */
function writtenAs(value: number | boolean, ind: Ind, yes: string, no: string): Cell {
  if (typeof value === "number") return ind.kind === "percent" ? `${vn(value)}%` : vn(value);
  return value ? yes : no;
}

const indicators: Ind[] = indicatorRowsOf(setJson as SetJson);

function sheetFrom(rows: Row[], merges: string[] = []): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      maxC = Math.max(maxC, c);
      if (typeof v === "object") ws[a1(r, c)] = { t: "n", v: v.v, z: v.z };
      else ws[a1(r, c)] = typeof v === "number" ? { t: "n", v } : { t: "s", v };
    }),
  );
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: maxC } });
  ws["!merges"] = merges.map((m) => XLSX.utils.decode_range(m));
  return ws;
}

function save(name: string, sheets: [string, XLSX.WorkSheet][], answer: Answer): void {
  const wb = XLSX.utils.book_new();
  for (const [n, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, n);
  XLSX.writeFile(wb, path.join(OUT, name));
  fs.writeFileSync(
    path.join(OUT, name.replace(/\.xlsx$/, ".expected.json")),
    JSON.stringify(answer, null, 2) + "\n",
  );
}

/** A value for an indicator, what it is written as, and whether it is met (all targets ≥ / yes here). */
function valueFor(ind: Ind, rand: () => number): { value: number | boolean; target: string; met: boolean } {
  if (ind.kind === "yesno") {
    const met = rand() > 0.2;
    return { value: ind.code === "9.1" ? !met : met, target: ind.code === "9.1" ? "Không" : "Đạt", met };
  }
  if (ind.kind === "percent") {
    const t = [50, 70, 80, 90, 95][Math.floor(rand() * 5)];
    const v = Math.round((t - 15 + rand() * 25) * 10) / 10;
    const capped = Math.min(100, v);
    const lowerIsBetter = ind.op === "<=";
    return {
      value: capped,
      target: `${lowerIsBetter ? "≤" : "≥"} ${t}%`,
      met: lowerIsBetter ? capped <= t : capped >= t,
    };
  }
  const v = Math.round((40 + rand() * 15) * 10) / 10;
  return { value: v, target: "≥ 47 triệu đồng/người/năm", met: v >= 47 };
}

/** The title block of a commune's sheet over the table's header row (the title merged across it). */
function titledTable(commune: string, title: string, header: Row): { rows: Row[]; merges: string[] } {
  const rows: Row[] = [
    [`UBND XÃ ${commune.toUpperCase()}`, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [null, null, null, "Độc lập - Tự do - Hạnh phúc"],
    [],
    [title],
    [],
    header,
  ];
  return { rows, merges: [`A4:${XLSX.utils.encode_col(header.length - 1)}4`] };
}

/** An indicator's row as a layout writes it, and what the answer expects of it. */
interface WrittenRow {
  cells: Row;
  /** The column of the value cell. */
  column: number;
  value: unknown;
  selfAssessment: "met" | "unmet" | null;
  /** Rows written right under it that the answer does not list as indicators (a duplicate). */
  after?: Row[];
}

/**
 * The indicator rows of one sheet, in the set's order: `heading` where a criterion starts (a heading
 * row, or none), then `row(ind, r)` for each indicator at row index r; each becomes an answer entry.
 */
function indicatorRows(
  rows: Row[],
  list: Ind[],
  sheet: string,
  answer: Answer,
  heading: (ind: Ind) => void,
  row: (ind: Ind, r: number) => WrittenRow,
): void {
  let current = "";
  for (const ind of list) {
    if (ind.criterion !== current) {
      current = ind.criterion;
      heading(ind);
    }
    const r = rows.length;
    const w = row(ind, r);
    rows.push(w.cells, ...(w.after ?? []));
    answer.indicators.push({
      code: ind.code,
      sheet,
      cell: a1(r, w.column),
      value: w.value,
      unit: ind.unit ?? null,
      selfAssessment: w.selfAssessment,
    });
  }
}

/** A commune's table on one sheet under the title block, as it is being written. */
interface CommuneTable {
  rand: () => number;
  sheet: string;
  rows: Row[];
  merges: string[];
  answer: Answer;
}

/** What differs between the layouts that are one commune's self-assessment on one sheet. */
interface CommuneSheetLayout {
  seed: number;
  sheet: string;
  commune: string;
  title: string;
  header: Row;
  file: string;
  period: string;
  notes: string;
  /** The indicators the sheet lists (all of the set's when absent). */
  list?: Ind[];
  heading(ind: Ind, t: CommuneTable): void;
  row(ind: Ind, r: number, t: CommuneTable): WrittenRow;
  /** What follows the indicator rows. */
  end?(t: CommuneTable): void;
}

function writeCommuneSheet(l: CommuneSheetLayout): void {
  const t: CommuneTable = {
    rand: rng(l.seed),
    sheet: l.sheet,
    ...titledTable(l.commune, l.title, l.header),
    answer: newAnswer(l.file, "vn-xa-ntm-2021-2025", l.period, `Xã ${l.commune}`, l.notes),
  };
  indicatorRows(
    t.rows,
    l.list ?? indicators,
    l.sheet,
    t.answer,
    (ind) => l.heading(ind, t),
    (ind, r) => l.row(ind, r, t),
  );
  l.end?.(t);
  save(l.file, [[l.sheet, sheetFrom(t.rows, t.merges)]], t.answer);
}

/** The layouts that are one commune's self-assessment on one sheet under the title block. */
const COMMUNE_SHEETS: CommuneSheetLayout[] = [
  /** (1) No TT column; "Tiêu chí N: name" heading rows; "N.M. name" in the content cell; Đ / CĐ. */
  {
    seed: 1,
    sheet: "Tu danh gia",
    commune: "Thạch Xuân",
    title: "KẾT QUẢ TỰ ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI QUÝ II NĂM 2024",
    header: ["Nội dung tiêu chí, chỉ tiêu", "Mức chuẩn", "Thực trạng", "Kết quả tự đánh giá", "Ghi chú"],
    file: "01-khong-cot-tt.xlsx",
    period: "2024-Q2",
    notes:
      "No numbering column; codes inside the names; percent cells are real fractions formatted 0.0%; self-assessment Đ / CĐ.",
    heading(ind, { rows, merges }) {
      rows.push([`Tiêu chí ${ind.criterion}: ${ind.criterionName}`]);
      merges.push(`A${rows.length}:E${rows.length}`);
    },
    row(ind, _r, { rand }) {
      const v = valueFor(ind, rand);
      const written: Cell =
        typeof v.value === "number" && ind.kind === "percent"
          ? { v: Math.round(v.value * 10) / 1000, z: "0.0%" }
          : typeof v.value === "number"
            ? `${vn(v.value)} triệu đồng`
            : v.value
              ? "Có"
              : "Không";
      const sa = rand() > 0.1 ? (v.met ? "Đ" : "CĐ") : null;
      return {
        cells: [`${ind.code}. ${ind.name}`, v.target, written, sa, null],
        column: 2,
        value: v.value,
        selfAssessment: sa === null ? null : sa === "Đ" ? "met" : "unmet",
      };
    },
    end({ rows }) {
      rows.push([], ["NGƯỜI LẬP BIỂU", null, null, "TM. ỦY BAN NHÂN DÂN"]);
    },
  },
  /** (2) Columns shuffled (value before target), typos in headers, numeric TT cells for criteria. */
  {
    seed: 2,
    sheet: "BC 2022",
    commune: "Cẩm Bình",
    title: "BÁO CÁO ĐÁNH GIÁ THỰC HIỆN BỘ TIÊU CHÍ XÃ NTM NĂM 2022",
    header: ["STT", "Tên chỉ tiêu", "Ket qua thuc hein", "Chỉ tiêu đat chuẩn", "Tư đánh giá", "Ghi chú"],
    file: "02-cot-dao-loi-go.xlsx",
    period: "2022",
    notes:
      "Value column left of the target column; typos in headers ('Ket qua thuc hein', 'đat', 'Tư'); criterion numbers as numeric cells; Vietnamese text numbers with units.",
    heading(ind, { rows }) {
      if (ind.code !== ind.criterion) rows.push([Number(ind.criterion), ind.criterionName.toUpperCase()]);
    },
    row(ind, _r, { rand }) {
      const v = valueFor(ind, rand);
      const written: Cell =
        typeof v.value === "number"
          ? ind.kind === "percent"
            ? `${vn(v.value)} %`
            : `${vn(v.value)} triệu đồng`
          : v.value
            ? "Đạt"
            : "Chưa đạt";
      const label: Cell = ind.code === ind.criterion ? Number(ind.code) : ind.code;
      const sa = v.met ? "Đạt" : "Chưa đạt";
      const name = ind.code === ind.criterion ? `${ind.criterionName}: ${ind.name}` : ind.name;
      return {
        cells: [label, name, written, v.target, sa, null],
        column: 2,
        value: v.value,
        selfAssessment: v.met ? "met" : "unmet",
      };
    },
  },
  /** (6) Reader findings: a range, an ambiguous number, a duplicate, the commune's own row, gaps. */
  {
    seed: 6,
    sheet: "Bieu 02",
    commune: "Kỳ Tây",
    title: "BIỂU TỰ ĐÁNH GIÁ XÃ NÔNG THÔN MỚI NĂM 2025",
    header: ["TT", "Tên tiêu chí", "Nội dung chỉ tiêu", "Chỉ tiêu", "Kết quả", "Tự đánh giá"],
    file: "06-phat-hien.xlsx",
    period: "2025",
    notes:
      "Criteria 1–17 only (18, 19 missing); 2.2 written as a range; 12.1 '1,680'; 17.1 given twice; a row of the commune's own; 14.2 unreadable text.",
    list: indicators.filter((i) => Number(i.criterion) <= 17),
    heading(ind, { rows }) {
      if (ind.code !== ind.criterion) rows.push([ind.criterion, ind.criterionName]);
    },
    row(ind, r, { rand, sheet, answer }) {
      const v = valueFor(ind, rand);
      let written: Cell = writtenAs(v.value, ind, "Đạt", "Chưa đạt");
      let value: unknown = v.value;
      let sa: "met" | "unmet" | null = v.met ? "met" : "unmet";
      if (ind.code === "2.2") {
        written = "85-90%";
        value = { min: 85, max: 90 };
      } else if (ind.code === "12.1") {
        written = "1,680";
        value = 1.68;
        answer.expectedFindings.push({ type: "value/ambiguous", indicator: "12.1", sheet, cell: a1(r, 4) });
      } else if (ind.code === "14.2") {
        written = "đang rà soát";
        value = null;
        sa = null;
        answer.expectedFindings.push({ type: "value/unreadable", indicator: "14.2", sheet, cell: a1(r, 4) });
      }
      const twice = ind.code === "17.1";
      if (twice)
        answer.expectedFindings.push({
          type: "mapping/duplicate-indicator",
          indicator: "17.1",
          sheet,
          cell: a1(r + 1, 4),
        });
      return {
        cells: [
          ind.code,
          ind.code === ind.criterion ? ind.criterionName : null,
          ind.name,
          ind.code === "2.2" ? "≥ 80%" : v.target,
          written,
          sa === null ? null : sa === "met" ? "Đạt" : "Chưa đạt",
        ],
        column: 4,
        value,
        selfAssessment: sa,
        ...(twice ? { after: [["17.1", null, ind.name, v.target, written, "Đạt"]] } : {}),
      };
    },
    end({ rows, sheet, answer }) {
      const own = rows.length;
      rows.push(["", null, "Số hộ nuôi ong mật theo mô hình liên kết", "≥ 20 hộ", "24 hộ", "Đạt"]);
      answer.expectedFindings.push({ type: "mapping/unmatched-row", sheet, cell: a1(own, 0) });
      const end = rows.length;
      for (const ind of indicators.filter((i) => Number(i.criterion) >= 18)) {
        answer.expectedFindings.push({
          type: "mapping/missing-indicator",
          indicator: ind.code,
          sheet,
          cell: a1(end, 0),
        });
      }
      rows.push([], ["Ghi chú: số liệu đến 30/9/2025"]);
    },
  },
];

/** (3) Villages across: rows are the KDC items, one column per village. */
function layoutVillagesAcross(): void {
  const rand = rng(3);
  const sheet = "Theo doi KDC";
  const villages = ["Thôn Bắc Sơn", "Thôn Trung Hòa", "Xóm Đồng", "Thôn 4"];
  const items = [
    "Đường ngõ xóm sạch đẹp, có rãnh thoát nước",
    "Hàng rào xanh, cổng ngõ chỉnh trang",
    "Hộ có hố xử lý nước thải 3 ngăn",
    "Phân loại rác tại nguồn",
    "Nhà văn hóa thôn đạt chuẩn",
    "Khu thể thao thôn",
    "Vườn hộ chỉnh trang",
    "Biển tên thôn, pa nô",
  ];
  const rows: Row[] = [
    ["UBND XÃ HƯƠNG TRÀ"],
    [],
    ["BẢNG THEO DÕI TIẾN ĐỘ XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI KIỂU MẪU QUÝ III NĂM 2024"],
    [],
    ["TT", "Tiêu chí", ...villages],
  ];
  const answer = newAnswer(
    "03-thon-theo-cot.xlsx",
    "ht-kdc-kieu-mau",
    "2024-Q3",
    "Xã Hương Trà",
    "Villages as columns (Thôn …, Xóm …); cells hold Đạt / Chưa đạt / x / blank.",
    { units: [] },
  );
  const met = villages.map(() => 0);
  items.forEach((item, k) => {
    const row: Row = [k + 1, item];
    villages.forEach((_, j) => {
      const ok = rand() > 0.45;
      if (ok) met[j]++;
      row.push(ok ? (rand() > 0.5 ? "Đạt" : "x") : "Chưa đạt");
    });
    rows.push(row);
  });
  rows.push([], [null, "Người tổng hợp"]);
  answer.units = villages.map((name, j) => ({
    name,
    criteriaMet: met[j],
    criteriaTotal: items.length,
    progress: Math.round((met[j] / items.length) * 10000) / 10000,
  }));
  save(answer.file, [[sheet, sheetFrom(rows, ["A3:F3"])]], answer);
}

/** (4) Weekly work volumes: "Chỉ tiêu giao" / "Kết quả thực hiện trong tuần" / "Lũy kế từ đầu năm". */
function layoutWeeklyVolumes(): void {
  const sheet = "Tuan 14";
  const items: [string, string, number, number | string, number | string][] = [
    ["Trồng hàng rào xanh", "m", 12000, "2.350 m", 7420],
    ["Làm đường giao thông nông thôn", "km", 8, "1,5 km", "5,2 km"],
    ["Xây hố xử lý nước thải 3 ngăn", "hố", 300, 27, 141],
    ["Chỉnh trang vườn hộ", "vườn", 250, 18, "102"],
    ["Ngày công lao động", "công", 20000, "1.680", "12.450"],
  ];
  const rows: Row[] = [
    ["UBND XÃ THẠCH ĐÀI", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [],
    ["KẾT QUẢ THỰC HIỆN KHỐI LƯỢNG XÂY DỰNG NTM TUẦN 14 NĂM 2023"],
    [],
    [
      "Số TT",
      "Nội dung công việc",
      "Đơn vị tính",
      "Chỉ tiêu giao",
      "Kết quả thực hiện trong tuần",
      "Lũy kế từ đầu năm",
    ],
  ];
  const answer = newAnswer(
    "04-khoi-luong-tuan.xlsx",
    "work-volume",
    "2023-W14",
    "Xã Thạch Đài",
    "Weekly volumes; figures as text the Vietnamese way with units in cells.",
    { workItems: [] },
  );
  const num = (x: number | string) =>
    typeof x === "number" ? x : Number(x.replace(/ .*$/, "").replace(/\./g, "").replace(",", "."));
  items.forEach(([name, unit, plan, done, cum], k) => {
    const r = rows.length;
    rows.push([k + 1, name, unit, plan, done, cum]);
    answer.workItems!.push({
      name,
      unit,
      plan,
      done: num(done),
      cumulative: num(cum),
      sheet,
      cell: a1(r, 4),
    });
  });
  save(answer.file, [[sheet, sheetFrom(rows, ["A3:F3"])]], answer);
}

/** (5) One set over two sheets; unnumbered rows mapped by name; "+" bullets and "a." letters. */
function layoutTwoSheets(): void {
  const rand = rng(5);
  const answer = newAnswer(
    "05-hai-sheet.xlsx",
    "vn-xa-ntm-2021-2025",
    "2023-11",
    "Xã Sơn Kim 1",
    "Criteria 1–9 on one sheet, 10–19 on another; indicator rows of some criteria unnumbered (mapped by name), others '+' bullets or 'a.' letters.",
  );
  const sheets: [string, XLSX.WorkSheet][] = [];
  for (const [sheet, from, to] of [
    ["Ha tang", 1, 9],
    ["Kinh te - Xa hoi", 10, 19],
  ] as const) {
    const rows: Row[] = [
      ["UBND XÃ SƠN KIM 1"],
      [],
      [`BIỂU ĐÁNH GIÁ CÁC TIÊU CHÍ NTM THÁNG 11/2023`],
      [],
      ["Mục", "Tiêu chí", "Chỉ tiêu", "Yêu cầu", "Kết quả", "Đánh giá"],
    ];
    let style = 0;
    const heading = (ind: Ind) => {
      style = (style + 1) % 3;
      if (ind.code !== ind.criterion) rows.push([`TC ${ind.criterion}`, ind.criterionName]);
    };
    const list = indicators.filter((i) => Number(i.criterion) >= from && Number(i.criterion) <= to);
    indicatorRows(rows, list, sheet, answer, heading, (ind) => {
      const single = ind.code === ind.criterion;
      const v = valueFor(ind, rand);
      const sub = Number(ind.code.split(".")[1] ?? 0);
      const label: Cell = single
        ? ind.criterion
        : style === 0
          ? String.fromCharCode(96 + sub) + "."
          : style === 1
            ? "+"
            : null;
      const written: Cell = writtenAs(v.value, ind, "Có", "Không");
      return {
        cells: [
          label,
          single ? ind.criterionName : null,
          ind.name,
          v.target,
          written,
          v.met ? "Đạt" : "Chưa đạt",
        ],
        column: 4,
        value: v.value,
        selfAssessment: v.met ? "met" : "unmet",
      };
    });
    sheets.push([sheet, sheetFrom(rows)]);
  }
  save(answer.file, sheets, answer);
}

fs.mkdirSync(OUT, { recursive: true });
COMMUNE_SHEETS.forEach(writeCommuneSheet);
layoutVillagesAcross();
layoutWeeklyVolumes();
layoutTwoSheets();
console.log(`layouts written to ${OUT}`);
