/**
 * The canonical workbook for a criteria set (issue 4, item 7), useful without the add-in: criteria
 * sheet with the targets for the region/group, Đạt/Chưa đạt drop-downs, native formulas for the
 * self-check and the progress counts ("15/19"), conditional formatting of unmet rows, a village sheet,
 * a work-volume sheet, and the org unit/set/period in a hidden "_ntm" sheet and custom properties.
 * Each sheet is a commune's form in the house style (houseStyle.ts): official header, title in
 * Vietnamese only, the table, "Sơn Hồng, ngày … tháng … năm …" and the signatures of the maker and
 * the chairman; A4, fitted to one page wide, header rows repeated on every page.
 *
 * Invariant: every indicator of the set has exactly one row whose TT cell holds its code and whose
 * value cell is column F of that row; the layout uses headers the reader recognises, so a filled
 * template validates back with every indicator mapped. The target cell holds the readable target
 * alone ("≥ 80%"), or nothing where the set has none (the commune types its own); whether a target
 * is unverified or the commune's own is said in the note column and once in a legend under the
 * table, never inside the target cell. No number is invented.
 */
import * as XLSX from "xlsx";
import "./sheetJsZlib";
import type { CriteriaSet, Indicator, Target, Region, CommuneGroup } from "../../domain/criteria/schema";
import { versionLabel } from "../../domain/criteria/describeCriteriaSet";
import { patchXlsxParts, sheetRange, type SheetPatch } from "./ooxml/patchXlsx";
import { xlsxPackageParts } from "./ooxml/writeXlsxPackage";
import { FormSheet } from "./formSheet";
import { MET, UNMET, buildVillageSheet, buildVolumeSheet, issuerOf } from "./templateListSheets";
import { pickTarget, targetLegend, targetNote, targetText } from "./templateTargets";
import { COMMUNE_SIGNATURES, NUMBER_FORMATS, dateText, placeOf } from "./houseStyle";
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

interface CriteriaSheet {
  sheet: FormSheet;
  firstRow: number;
  lastRow: number;
  indicatorRows: number[];
  yesRows: { row: number; list: string[] }[];
}

const CRITERIA_HEADERS = [
  "TT",
  "Tên tiêu chí",
  "Nội dung tiêu chí (chỉ tiêu)",
  "Đơn vị tính",
  "Chỉ tiêu đạt chuẩn",
  "Kết quả thực hiện",
  "Tự đánh giá",
  "Ghi chú",
  "Kiểm tra tự động",
];

/** The decision and its amendments, in Vietnamese only (the title of a form has no English). */
function decisionText(set: CriteriaSet): string {
  const v = set.version;
  const one = (d: string, date?: string) => (date ? `${d} (${dateText(date)})` : d);
  const am = (v.amendments ?? []).map((a) => one(a.decision, a.date));
  return am.length
    ? `${one(v.decision, v.date)}, sửa đổi, bổ sung bởi ${am.join(", ")}`
    : one(v.decision, v.date);
}

function buildCriteriaSheet(o: TemplateOptions): CriteriaSheet {
  const { set } = o;
  const d = new FormSheet();
  const last = CRITERIA_HEADERS.length - 1;
  d.widths([6, 18, 46, 8, 16, 12, 11, 12, 11]);
  let r = d.officialHeader(0, issuerOf(o), last);
  d.banner(r++, `BẢNG TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN ${set.title.vi.toUpperCase()}`, last, "title");
  d.banner(
    r++,
    `Kỳ báo cáo: ${o.period}${o.region ? ` — Vùng: ${o.region}` : ""}${o.group ? ` — Nhóm xã: ${o.group}` : ""} — Bộ tiêu chí: ${decisionText(set)}`,
    last,
    "note",
  );
  const headerRow = r;
  r = d.tableHeader(headerRow, CRITERIA_HEADERS) + 1;
  const firstRow = r;
  const indicatorRows: number[] = [];
  const criterionRows: number[] = [];
  const yesRows: { row: number; list: string[] }[] = [];
  /** 1-based first/last indicator rows of each multi-indicator criterion, by criterion row. */
  const spans = new Map<number, { first: number; last: number }>();
  const groupName = new Map((set.groups ?? []).map((g) => [g.code, g.name.vi]));
  let lastGroup: string | undefined;
  const addIndicator = (ind: Indicator, tt: string, critName: string | null) => {
    const row = r++;
    const t = pickTarget(ind, o);
    d.set(row, 0, tt, "cellCenter");
    d.set(row, 1, critName, critName ? "cellBold" : "cell");
    d.set(row, 2, ind.name.vi);
    d.set(row, 3, ind.unit ?? null, "cellCenter");
    // The target stays a readable text ("≥ 80%") and nothing else: the reader takes the target from
    // this cell; whether it is unverified or the commune's own goes in the note column.
    d.set(row, 4, targetText(ind, t), "cellCenter");
    d.set(row, 5, null, "cell", ind.unit === "%" ? NUMBER_FORMATS.percent1 : undefined);
    d.set(row, 6, null, "cellCenter");
    d.set(row, 7, targetNote(t));
    // Empty value: the check shows nothing until a value is typed.
    d.formula(row, 8, checkFormula(ind, t, row + 1), "", "cellCenter");
    indicatorRows.push(row);
    if (ind.op === "yes" || typeof t?.value === "boolean")
      yesRows.push({ row, list: t?.value === false ? ["Có", "Không"] : [MET, UNMET] });
  };
  for (const c of set.criteria) {
    if (c.group && c.group !== lastGroup) {
      d.set(r, 0, c.group, "cellBold");
      d.set(r, 1, (groupName.get(c.group) ?? "").toUpperCase(), "cellBold");
      d.grid(r, 2, r, last, "cellBold");
      d.merge(r, 1, r, last);
      r++;
      lastGroup = c.group;
    }
    const single = c.indicators.length === 1 && c.indicators[0].code === c.code;
    if (single) {
      addIndicator(c.indicators[0], c.code, c.name.vi);
      criterionRows.push(r - 1);
      continue;
    }
    const cr = r++;
    d.set(cr, 0, c.code, "cellBold");
    d.set(cr, 1, c.name.vi, "cellBold");
    d.grid(cr, 2, cr, last - 1, "cellBold");
    criterionRows.push(cr);
    for (const ind of c.indicators) addIndicator(ind, ind.code, null);
    const first = cr + 2;
    const lastInd = r;
    spans.set(cr, { first, last: lastInd });
    const need = c.rollup.rule === "atLeast" ? String(c.rollup.n) : `ROWS(I${first}:I${lastInd})`;
    // With no indicator judged yet, "Đạt" only when the rule asks for none.
    const cached = c.rollup.rule === "atLeast" && c.rollup.n <= 0 ? MET : "";
    d.formula(
      cr,
      8,
      `IF(COUNTIF(I${first}:I${lastInd},"${MET}")>=${need},"${MET}",IF(COUNTIF(I${first}:I${lastInd},"${UNMET}")>0,"${UNMET}",""))`,
      cached,
      "cellBold",
    );
  }
  const lastRow = r - 1;
  const metByCheck = criterionRows.filter((row) => d.rows[row]?.[8]?.v === MET).length;
  const countOf = (col: string) => criterionRows.map((row) => `(${col}${row + 1}="${MET}")`).join("+");
  r++;
  d.set(r, 1, "Số tiêu chí đạt theo kiểm tra tự động:", "plainBold");
  d.merge(r, 1, r, 4);
  d.formula(
    r,
    5,
    `(${countOf("I")})&"/${criterionRows.length}"`,
    `${metByCheck}/${criterionRows.length}`,
    "plainBold",
  );
  r++;
  // Self-assessed: a single-indicator criterion by its G cell; others when all their indicators say Đạt.
  const selfTerms = criterionRows.map((row) => {
    const span = spans.get(row);
    if (!span) return `(G${row + 1}="${MET}")`;
    return `(COUNTIF(G${span.first}:G${span.last},"${MET}")=ROWS(G${span.first}:G${span.last}))`;
  });
  d.set(r, 1, "Số tiêu chí xã tự đánh giá đạt:", "plainBold");
  d.merge(r, 1, r, 4);
  d.formula(
    r,
    5,
    `(${selfTerms.join("+")})&"/${criterionRows.length}"`,
    `0/${criterionRows.length}`,
    "plainBold",
  );
  d.banner(r + 1, targetLegend(set, o), last, "note");
  d.signatures(r + 3, COMMUNE_SIGNATURES, last, placeOf(o.org));
  return { sheet: d, firstRow, lastRow, indicatorRows, yesRows };
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
  const vol = buildVolumeSheet(o);
  const s = settings(o);
  const settingsSheet = new FormSheet();
  Object.entries(s).forEach(([k, v], i) => settingsSheet.row(i, [k, v], 0, "plain"));
  const parts = xlsxPackageParts(
    [
      crit.sheet.toPackageSheet(TEMPLATE_SHEETS.criteria, {
        print: { landscape: false, titleRows: [crit.firstRow - 2, crit.firstRow - 1] },
        freeze: { rows: crit.firstRow, cols: 3 },
      }),
      vil.sheet.toPackageSheet(TEMPLATE_SHEETS.villages, {
        print: { landscape: true, titleRows: [vil.headerRow, vil.headerRow + 1] },
        freeze: { rows: vil.headerRow + 2, cols: 2 },
      }),
      vol.sheet.toPackageSheet(TEMPLATE_SHEETS.volumes, {
        print: { landscape: false, titleRows: [vol.headerRow, vol.headerRow + 1] },
        freeze: { rows: vol.headerRow + 2, cols: 2 },
      }),
      { ...settingsSheet.toPackageSheet(SETTINGS_SHEET_NAME, { print: { landscape: false } }), hidden: true },
    ],
    { title: o.set.title.vi, subject: `${o.org} — ${o.period}`, author: "NTM Tracker", custom: s },
  );

  const first = crit.firstRow + 1;
  const last = crit.lastRow + 1;
  const dropdown = {
    errorTitle: "Giá trị không hợp lệ",
    error: `Chọn "${MET}" hoặc "${UNMET}" / Choose "${MET}" or "${UNMET}"`,
  };
  const yesByList = new Map<string, number[]>();
  for (const y of crit.yesRows)
    yesByList.set(y.list.join(","), [...(yesByList.get(y.list.join(",")) ?? []), y.row]);
  const villageLastCol = XLSX.utils.encode_col(1 + vil.villages.length);
  const villageRows = `C${vil.firstRow + 1}:${villageLastCol}${vil.lastRow + 1}`;
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
      validations: [{ sqref: villageRows, list: [MET, UNMET], ...dropdown }],
      conditionalFormats: [
        {
          sqref: villageRows,
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
          categories: sheetRange(
            TEMPLATE_SHEETS.villages,
            vil.headerRow,
            2,
            vil.headerRow,
            1 + vil.villages.length,
          ),
          series: [
            {
              name: "Tỷ lệ đạt",
              values: sheetRange(
                TEMPLATE_SHEETS.villages,
                vil.rateRow,
                2,
                vil.rateRow,
                1 + vil.villages.length,
              ),
              // An empty template: no village has met a criterion yet.
              cache: vil.villages.map(() => 0),
            },
          ],
          categoryCache: vil.villages,
          valueFormat: "0%",
          from: { col: vil.villages.length + 4, row: vil.headerRow },
          to: { col: vil.villages.length + 11, row: vil.headerRow + 18 },
        },
      ],
    },
  ];
  return patchXlsxParts(parts, patches, { fullCalcOnLoad: true });
}
