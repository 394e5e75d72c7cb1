/**
 * The canonical workbook for a criteria set (issue 4, item 7), useful without the add-in: criteria
 * sheet with the targets for the region/group, Đạt/Chưa đạt drop-downs, native formulas for the
 * self-check and the progress counts ("15/19"), conditional formatting of unmet rows, a village sheet,
 * a work-volume sheet, and the org unit/set/period in a hidden "_ntm" sheet and custom properties.
 *
 * Invariant: every indicator of the set has exactly one row whose TT cell holds its code and whose
 * value cell is column F of that row; the layout uses headers the reader recognises, so a filled
 * template validates back with every indicator mapped. Targets not confirmed from their decision
 * are written with "(chưa xác minh)"; no number is invented.
 */
import * as XLSX from "xlsx";
import "./sheetJsZlib";
import type {
  CriteriaSet,
  Indicator,
  Target,
  TargetTable,
  Region,
  CommuneGroup,
} from "../../domain/criteria/schema";
import { versionLabel } from "../../domain/criteria/describeCriteriaSet";
import { patchXlsx, sheetRange, type SheetPatch } from "./ooxml/patchXlsx";
import { SETTINGS_KEYS, SETTINGS_SHEET_NAME } from "./workbookSettings";

export interface TemplateOptions {
  set: CriteriaSet;
  org: string;
  orgCode?: string;
  period: string;
  region?: Region;
  group?: CommuneGroup;
  villages?: string[];
}

export const TEMPLATE_SHEETS = {
  criteria: "Tiêu chí",
  villages: "Khu dân cư",
  volumes: "Khối lượng",
} as const;

const MET = "Đạt";
const UNMET = "Chưa đạt";
const FIRST_DATA_ROW = 6; // 0-based index of the first table row under the header rows
const OP_TEXT: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "=" };

type Row = (XLSX.CellObject | string | number | null)[];

function pickTarget(ind: Indicator, o: TemplateOptions): Target | undefined {
  const year = /\b(20\d\d)\b/.exec(o.period)?.[1];
  const tables: (TargetTable | undefined)[] = [year ? ind.targets.byYear?.[year] : undefined, ind.targets];
  for (const t of tables) {
    if (!t) continue;
    const hit = (o.region && t.byRegion?.[o.region]) || (o.group && t.byGroup?.[o.group]) || t.general;
    if (hit) return hit;
  }
  return undefined;
}

function targetText(ind: Indicator, t: Target | undefined): string {
  const unverified = " (chưa xác minh)";
  if (!t || t.value === null) return `(chưa xác minh)`;
  const v = t.value;
  let text: string;
  if (typeof v === "boolean") text = v ? MET : "Không";
  else if (typeof v === "number") {
    const n = String(v).replace(".", ",");
    text = `${OP_TEXT[ind.op] ?? ""} ${n}${ind.unit === "%" ? "%" : ind.unit ? ` ${ind.unit}` : ""}`.trim();
  } else text = v;
  return t.provenance.verified ? text : text + unverified;
}

/** The self-check: compares the value with the set's target where one is known, else with a number typed in E. */
function checkFormula(ind: Indicator, t: Target | undefined, r1: number): string {
  const F = `F${r1}`;
  const verdict = (cond: string) => `IF(${F}="","",IF(${cond},"${MET}","${UNMET}"))`;
  const v = t?.value;
  if (ind.op === "yes" || typeof v === "boolean") {
    if (v === false) return verdict(`OR(${F}="Không",${F}="Chưa có",${F}="${UNMET}")`);
    return verdict(`OR(${F}="${MET}",${F}="Có",${F}="x",${F}="Đ")`);
  }
  if (typeof v === "number") {
    const threshold = ind.unit === "%" ? v / 100 : v;
    return verdict(`${F}${ind.op}${threshold}`);
  }
  if (typeof v === "string") return verdict(`${F}="${v.replace(/"/g, '""')}"`);
  // No target in the set: a number the commune types in E (its own target) is used.
  const op = ind.op;
  return `IF(OR(${F}="",NOT(ISNUMBER(E${r1}))),"",IF(${F}${op}E${r1},"${MET}","${UNMET}"))`;
}

function fcell(f: string, z?: string): XLSX.CellObject {
  return z ? { t: "s", v: "", f, z } : { t: "s", v: "", f };
}

interface CriteriaSheet {
  ws: XLSX.WorkSheet;
  lastRow: number;
  indicatorRows: number[];
  criterionRows: number[];
  percentRows: number[];
  yesRows: { row: number; list: string[] }[];
}

function buildCriteriaSheet(o: TemplateOptions): CriteriaSheet {
  const { set } = o;
  const rows: Row[] = [
    [`ỦY BAN NHÂN DÂN ${o.org.toUpperCase()}`, null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [`BẢNG TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN ${set.title.vi.toUpperCase()}`],
    [
      `Kỳ báo cáo: ${o.period}${o.region ? ` — Vùng: ${o.region}` : ""}${o.group ? ` — Nhóm xã: ${o.group}` : ""} — Bộ tiêu chí: ${versionLabel(set)}`,
    ],
    [],
    [
      "TT",
      "Tên tiêu chí",
      "Nội dung tiêu chí (chỉ tiêu)",
      "Đơn vị tính",
      "Chỉ tiêu đạt chuẩn",
      "Kết quả thực hiện",
      "Tự đánh giá",
      "Ghi chú",
      "Kiểm tra tự động",
    ],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
  ];
  const indicatorRows: number[] = [];
  const criterionRows: number[] = [];
  const percentRows: number[] = [];
  const yesRows: { row: number; list: string[] }[] = [];
  /** 1-based first/last indicator rows of each multi-indicator criterion, by criterion row. */
  const spans = new Map<number, { first: number; last: number }>();
  const groupName = new Map((set.groups ?? []).map((g) => [g.code, g.name.vi]));
  let lastGroup: string | undefined;
  const addIndicator = (ind: Indicator, tt: string, critName: string | null) => {
    const r = rows.length;
    const t = pickTarget(ind, o);
    const z = ind.unit === "%" ? "0.0%" : undefined;
    rows.push([
      tt,
      critName,
      ind.name.vi,
      ind.unit ?? null,
      targetText(ind, t),
      null,
      null,
      null,
      fcell(checkFormula(ind, t, r + 1)),
    ]);
    indicatorRows.push(r);
    if (z) percentRows.push(r);
    if (ind.op === "yes" || typeof t?.value === "boolean")
      yesRows.push({ row: r, list: t?.value === false ? ["Có", "Không"] : [MET, UNMET] });
  };
  for (const c of set.criteria) {
    if (c.group && c.group !== lastGroup) {
      rows.push([c.group, (groupName.get(c.group) ?? "").toUpperCase()]);
      lastGroup = c.group;
    }
    const single = c.indicators.length === 1 && c.indicators[0].code === c.code;
    if (single) {
      addIndicator(c.indicators[0], c.code, c.name.vi);
      criterionRows.push(rows.length - 1);
      continue;
    }
    const cr = rows.length;
    rows.push([c.code, c.name.vi]);
    criterionRows.push(cr);
    for (const ind of c.indicators) addIndicator(ind, ind.code, null);
    const first = cr + 2;
    const last = rows.length;
    spans.set(cr, { first, last });
    const need = c.rollup.rule === "atLeast" ? String(c.rollup.n) : `ROWS(I${first}:I${last})`;
    rows[cr][8] = fcell(
      `IF(COUNTIF(I${first}:I${last},"${MET}")>=${need},"${MET}",IF(COUNTIF(I${first}:I${last},"${UNMET}")>0,"${UNMET}",""))`,
    );
  }
  const lastRow = rows.length - 1;
  const countOf = (col: string) => criterionRows.map((r) => `(${col}${r + 1}="${MET}")`).join("+");
  rows.push([]);
  rows.push([
    null,
    "Số tiêu chí đạt theo kiểm tra tự động:",
    null,
    null,
    null,
    fcell(`(${countOf("I")})&"/${criterionRows.length}"`),
  ]);
  // Self-assessed: a single-indicator criterion by its G cell; others when all their indicators say Đạt.
  const selfTerms = criterionRows.map((r) => {
    const span = spans.get(r);
    if (!span) return `(G${r + 1}="${MET}")`;
    return `(COUNTIF(G${span.first}:G${span.last},"${MET}")=ROWS(G${span.first}:G${span.last}))`;
  });
  rows.push([
    null,
    "Số tiêu chí xã tự đánh giá đạt:",
    null,
    null,
    null,
    fcell(`(${selfTerms.join("+")})&"/${criterionRows.length}"`),
  ]);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  for (const r of percentRows) {
    const cell = ws[`F${r + 1}`] ?? (ws[`F${r + 1}`] = { t: "z" } as XLSX.CellObject);
    cell.z = "0.0%";
  }
  ws["!cols"] = [
    { wch: 6 },
    { wch: 26 },
    { wch: 60 },
    { wch: 9 },
    { wch: 22 },
    { wch: 14 },
    { wch: 13 },
    { wch: 24 },
    { wch: 13 },
  ];
  ws["!merges"] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 8 } },
    { s: { r: 2, c: 0 }, e: { r: 2, c: 8 } },
  ];
  return { ws, lastRow, indicatorRows, criterionRows, percentRows, yesRows };
}

function buildVillageSheet(o: TemplateOptions): { ws: XLSX.WorkSheet; lastRow: number; cols: number } {
  const villages = o.villages?.length ? o.villages : ["Thôn 1", "Thôn 2", "Thôn 3"];
  const n = o.set.criteria.length;
  const rows: Row[] = [
    [`${o.org} — Tiến độ khu dân cư / thôn — ${o.period}`],
    ["TT", "Tiêu chí", ...villages, "Số thôn đạt"],
  ];
  const lastVillageCol = XLSX.utils.encode_col(1 + villages.length);
  o.set.criteria.forEach((c, i) => {
    const r1 = rows.length + 1;
    rows.push([
      c.code,
      c.name.vi,
      ...villages.map(() => null),
      fcell(`COUNTIF(C${r1}:${lastVillageCol}${r1},"${MET}")`),
    ]);
    void i;
  });
  const first = 3;
  const last = 2 + n;
  rows.push([
    null,
    "Tỷ lệ tiêu chí đạt",
    ...villages.map((_, j) => {
      const col = XLSX.utils.encode_col(2 + j);
      return fcell(`COUNTIF(${col}${first}:${col}${last},"${MET}")/${n}`, "0%");
    }),
  ]);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!cols"] = [{ wch: 6 }, { wch: 36 }, ...villages.map(() => ({ wch: 12 })), { wch: 12 }];
  return { ws, lastRow: last - 1, cols: villages.length };
}

function buildVolumeSheet(o: TemplateOptions): XLSX.WorkSheet {
  const rows: Row[] = [
    [`${o.org} — Báo cáo khối lượng thực hiện — ${o.period}`],
    ["TT", "Nội dung công việc", "ĐVT", "Kế hoạch năm", "Thực hiện kỳ này", "Lũy kế", "Tỷ lệ (%)"],
  ];
  for (let i = 0; i < 15; i++) {
    const r1 = rows.length + 1;
    rows.push([
      null,
      null,
      null,
      null,
      null,
      null,
      fcell(`IF(OR(D${r1}="",F${r1}=""),"",F${r1}/D${r1}*100)`, "0.0"),
    ]);
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!cols"] = [{ wch: 6 }, { wch: 44 }, { wch: 8 }, { wch: 14 }, { wch: 16 }, { wch: 12 }, { wch: 10 }];
  return ws;
}

function settings(o: TemplateOptions): Record<string, string> {
  const s: Record<string, string> = {
    [SETTINGS_KEYS.set]: o.set.id,
    [SETTINGS_KEYS.setVersion]: versionLabel(o.set),
    [SETTINGS_KEYS.orgUnit]: o.org,
    [SETTINGS_KEYS.period]: o.period,
    [SETTINGS_KEYS.template]: "1",
  };
  if (o.orgCode) s[SETTINGS_KEYS.orgCode] = o.orgCode;
  if (o.region) s[SETTINGS_KEYS.region] = o.region;
  if (o.group) s[SETTINGS_KEYS.group] = o.group;
  return s;
}

export function writeTemplate(o: TemplateOptions): Buffer {
  const crit = buildCriteriaSheet(o);
  const vil = buildVillageSheet(o);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, crit.ws, TEMPLATE_SHEETS.criteria);
  XLSX.utils.book_append_sheet(wb, vil.ws, TEMPLATE_SHEETS.villages);
  XLSX.utils.book_append_sheet(wb, buildVolumeSheet(o), TEMPLATE_SHEETS.volumes);
  const s = settings(o);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(Object.entries(s)), SETTINGS_SHEET_NAME);
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }] } as XLSX.WBProps;
  (wb as { Custprops?: Record<string, string> }).Custprops = s;
  wb.Props = { Title: o.set.title.vi, Subject: `${o.org} — ${o.period}`, Author: "NTM Tracker" };
  const raw = XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;

  const first = FIRST_DATA_ROW + 1;
  const last = crit.lastRow + 1;
  const dropdown = {
    errorTitle: "Giá trị không hợp lệ",
    error: `Chọn "${MET}" hoặc "${UNMET}" / Choose "${MET}" or "${UNMET}"`,
  };
  const yesByList = new Map<string, number[]>();
  for (const y of crit.yesRows)
    yesByList.set(y.list.join(","), [...(yesByList.get(y.list.join(",")) ?? []), y.row]);
  const villageLastCol = XLSX.utils.encode_col(1 + vil.cols);
  const patches: SheetPatch[] = [
    {
      sheet: TEMPLATE_SHEETS.criteria,
      validations: [
        { sqref: crit.indicatorRows.map((r) => `G${r + 1}`).join(" "), list: [MET, UNMET], ...dropdown },
        ...[...yesByList].map(([list, rs]) => ({
          sqref: rs.map((r) => `F${r + 1}`).join(" "),
          list: list.split(","),
          ...dropdown,
        })),
      ],
      conditionalFormats: [
        {
          sqref: `A${first}:I${last}`,
          rules: [
            {
              type: "expression",
              formula: `$I${first}="${UNMET}"`,
              style: { fill: "FFC7CE", font: "9C0006" },
            },
            {
              type: "expression",
              formula: `AND($G${first}="${MET}",$I${first}="${UNMET}")`,
              style: { bold: true },
            },
          ],
        },
        {
          sqref: `G${first}:G${last}`,
          rules: [
            {
              type: "cellIs",
              operator: "equal",
              formulas: [`"${UNMET}"`],
              style: { fill: "FFEB9C", font: "9C5700" },
            },
          ],
        },
      ],
    },
    {
      sheet: TEMPLATE_SHEETS.villages,
      validations: [{ sqref: `C3:${villageLastCol}${vil.lastRow + 1}`, list: [MET, UNMET], ...dropdown }],
      conditionalFormats: [
        {
          sqref: `C3:${villageLastCol}${vil.lastRow + 1}`,
          rules: [
            {
              type: "cellIs",
              operator: "equal",
              formulas: [`"${UNMET}"`],
              style: { fill: "FFC7CE", font: "9C0006" },
            },
          ],
        },
      ],
      charts: [
        {
          title: "Tỷ lệ tiêu chí đạt theo thôn",
          direction: "col",
          categories: sheetRange(TEMPLATE_SHEETS.villages, 1, 2, 1, 1 + vil.cols),
          series: [
            {
              name: "Tỷ lệ đạt",
              values: sheetRange(TEMPLATE_SHEETS.villages, vil.lastRow + 1, 2, vil.lastRow + 1, 1 + vil.cols),
            },
          ],
          from: { col: vil.cols + 4, row: 1 },
          to: { col: vil.cols + 11, row: 18 },
        },
      ],
    },
  ];
  return patchXlsx(raw, patches, { fullCalcOnLoad: true });
}
