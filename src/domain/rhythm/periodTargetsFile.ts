/**
 * The targets a district sets for a period ("Q2 2021: 46 model areas, 252 model gardens, 50 km of
 * green hedge"), from the small file an office keeps: CSV (header row; `,` or `;`) or JSON (an array
 * of objects, or `{ "targets": [...] }`), columns unit code, period, item, target, and optionally the
 * unit of the target and a label. One reading for `ntm admin targets set` and `PUT /api/targets`.
 *
 * Invariant: every row is either a target or a problem that names its row and column and says what
 * to write instead, Vietnamese first; a file with any problem sets nothing (the hosts store only a
 * clean reading). An item is a catalogue code or a name the catalogue knows; a target's unit is the
 * catalogue's or one it converts to (km for m), never a unit the achieved figure cannot be told in.
 */
import { convertUnit } from "../evaluate/convertUnit";
import { parseVietnameseNumber } from "../sheet/parseVietnameseNumber";
import { foldVietnamese } from "../sheet/foldVietnamese";
import { periodProblem } from "../sync/reportPeriod";
import type { PeriodTarget } from "./consolidateWorkVolumes";
import { matchWorkItem, SHIPPED_WORK_ITEMS, type WorkItemCatalogue } from "./workItemCatalogue";

export interface InputProblem {
  /** 1-based row of the file (CSV: the header is row 1) or index + 1 in a JSON array. */
  row?: number;
  column?: string;
  vi: string;
  en: string;
}

export interface TargetsReading {
  targets: PeriodTarget[];
  problems: InputProblem[];
}

type Column = "org" | "period" | "item" | "target" | "unit" | "label";

/** Header words (folded) → column; English keys as the JSON uses them, Vietnamese as offices write. */
const HEADERS: Record<string, Column> = {
  org: "org",
  "unit code": "org",
  "ma don vi": "org",
  "ma dv": "org",
  period: "period",
  ky: "period",
  "ky bao cao": "period",
  item: "item",
  "hang muc": "item",
  "ma hang muc": "item",
  "noi dung": "item",
  target: "target",
  "chi tieu": "target",
  "muc tieu": "target",
  unit: "unit",
  dvt: "unit",
  "don vi tinh": "unit",
  label: "label",
  "ghi chu": "label",
  ten: "label",
};
const REQUIRED: Column[] = ["org", "period", "item", "target"];

/** Cells of one CSV line; quotes as Excel writes them ("a ""b""", a field with the delimiter). */
function csvCells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function csvRecords(text: string): { rows: Record<string, unknown>[]; problems: InputProblem[] } {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const columns = csvCells(header, delimiter).map((h) => HEADERS[foldVietnamese(h)]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      rows: [],
      problems: [
        {
          row: 1,
          vi: `Dòng tiêu đề thiếu cột ${missing.join(", ")}. Dòng đầu phải là: org,period,item,target[,unit,label] (hoặc mã đơn vị, kỳ, hạng mục, chỉ tiêu, ĐVT, ghi chú).`,
          en: `The header row lacks ${missing.join(", ")}. The first line must be: org,period,item,target[,unit,label].`,
        },
      ],
    };
  const rows: Record<string, unknown>[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = csvCells(line, delimiter);
    const row: Record<string, unknown> = { __row: i + 2 };
    columns.forEach((c, j) => {
      if (c && cells[j] !== undefined && cells[j] !== "") row[c] = cells[j];
    });
    rows.push(row);
  });
  return { rows, problems: [] };
}

function jsonRecords(text: string): { rows: Record<string, unknown>[]; problems: InputProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    const why = (e as Error).message;
    return { rows: [], problems: [{ vi: `Tệp JSON không đọc được: ${why}`, en: `Unreadable JSON: ${why}` }] };
  }
  const list = Array.isArray(data) ? data : (data as { targets?: unknown })?.targets;
  if (!Array.isArray(list))
    return {
      rows: [],
      problems: [
        {
          vi: 'Tệp JSON phải là một mảng chỉ tiêu, hoặc { "targets": [...] }.',
          en: 'The JSON must be an array of targets, or { "targets": [...] }.',
        },
      ],
    };
  return { rows: list.map((x, i) => ({ ...(x as object), __row: i + 1 })), problems: [] };
}

/** Reads a targets file's text; `format` from the file name's extension (".json" or anything else). */
export function readTargetsText(
  text: string,
  format: "csv" | "json",
  catalogue: WorkItemCatalogue = SHIPPED_WORK_ITEMS,
): TargetsReading {
  const records = format === "json" ? jsonRecords(text) : csvRecords(text);
  if (records.problems.length) return { targets: [], problems: records.problems };
  return checkTargets(records.rows, catalogue);
}

/** Checks target records (from a file or a request body), row by row. */
export function checkTargets(
  records: readonly Record<string, unknown>[],
  catalogue: WorkItemCatalogue = SHIPPED_WORK_ITEMS,
): TargetsReading {
  const targets: PeriodTarget[] = [];
  const problems: InputProblem[] = [];
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const row = typeof r.__row === "number" ? r.__row : i + 1;
    const problemsBefore = problems.length;
    const say = (column: Column | undefined, vi: string, en: string) =>
      problems.push({
        row,
        ...(column ? { column } : {}),
        vi: `Dòng ${row}: ${vi}`,
        en: `Row ${row}: ${en}`,
      });
    const text = (c: Column) => (r[c] === undefined || r[c] === null ? "" : String(r[c]).trim());
    for (const c of REQUIRED)
      if (!text(c)) say(c, `thiếu ${c}: điền vào ô này.`, `${c} is missing: fill it in.`);
    if (REQUIRED.some((c) => !text(c))) return;
    const period = text("period");
    const badPeriod = periodProblem(period);
    if (badPeriod) say("period", badPeriod.split(" / ")[0], badPeriod.split(" / ")[1] ?? badPeriod);
    const entry =
      catalogue.items.find((x) => x.code === text("item")) ??
      matchWorkItem(catalogue, text("item"), text("unit") || undefined);
    if (!entry)
      say(
        "item",
        `hạng mục "${text("item")}" không có trong danh mục công việc: dùng mã của danh mục (vd. hang-rao-xanh, kdc-kieu-mau, vuon-mau).`,
        `item "${text("item")}" is not in the work-item catalogue: use a catalogue code (e.g. hang-rao-xanh, kdc-kieu-mau, vuon-mau).`,
      );
    const target = typeof r.target === "number" ? r.target : numberOf(text("target"));
    if (!Number.isFinite(target) || target < 0)
      say(
        "target",
        `chỉ tiêu "${text("target")}" không phải là một số không âm (vd. 46 hoặc 1,5).`,
        `target "${text("target")}" is not a non-negative number (e.g. 46 or 1.5).`,
      );
    const unit = text("unit") || entry?.unit || "";
    if (entry && convertUnit(1, unit, entry.unit) === undefined)
      say(
        "unit",
        `đơn vị "${unit}" không đổi được sang "${entry.unit}" của hạng mục "${entry.name}": bỏ trống hoặc ghi "${entry.unit}".`,
        `unit "${unit}" does not convert to "${entry.unit}" of "${entry.name}": leave it empty or write "${entry.unit}".`,
      );
    // A row with a problem is not compared with the others: one problem, said once.
    if (!entry || problems.length > problemsBefore) return;
    const key = `${text("org")}|${period}|${entry.code}`;
    const before = seen.get(key);
    if (before !== undefined)
      return say(
        "item",
        `trùng với dòng ${before} (cùng đơn vị, kỳ và hạng mục): giữ một dòng.`,
        `repeats row ${before} (same unit, period and item): keep one.`,
      );
    seen.set(key, row);
    const label = text("label");
    targets.push({ org: text("org"), period, item: entry.code, unit, target, ...(label ? { label } : {}) });
  });
  return { targets: problems.length ? [] : targets, problems };
}

/** "1.250", "1,5", "46": a target written the Vietnamese way; NaN for anything else (a range too). */
function numberOf(text: string): number {
  const n = parseVietnameseNumber(text);
  return n?.kind === "number" && !n.percent && !n.unit ? n.value : NaN;
}

/** "Dòng 3, cột item: … / Row 3, column item: …" for a person. */
export function problemText(p: InputProblem): string {
  return `${p.vi} / ${p.en}`;
}
