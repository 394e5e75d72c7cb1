/**
 * Thống kê, portrait: the file counts, then per set a page with the distribution table (communes by
 * number of criteria met) and its chart under it, and a page with the per-criterion table and its
 * chart — a page break before each, so no chart is cut.
 *
 * Invariant: every count is a COUNTIF/SUM over the matrix sheets written with its cached value, and
 * each chart's series carries the same values cached in the chart part, so LibreOffice draws bars
 * without recalculating.
 */
import type { ConsolidationSummary } from "../../../domain/consolidate/summaryModel";
import { FormSheet } from "../formSheet";
import { NUMBER_FORMATS, OFFICE_SIGNATURES } from "../houseStyle";
import { sheetRange, type BarChart } from "../ooxml/patchXlsx";
import type { MatrixLayout } from "./matrixSheet";
import { ISSUER_BLANK, SUMMARY_SHEETS, a1, abs, colSpan, ref, type SummarySheet } from "./summarySheet";

/** Where one set's two tables on Thống kê landed (0-based rows), for its two charts and the tests. */
export type StatsBlock = Record<
  "distributionFirstRow" | "distributionLastRow" | "perCriterionFirstRow" | "perCriterionLastRow",
  number
>;

const STATS_LAST_COL = 5;
/** Rows a chart takes under its table (≈ 9 cm at the default row height). */
const CHART_ROWS = 18;

/** A bar per criterion needs room: at least CHART_ROWS, one row per bar beyond that. */
const chartRows = (bars: number) => Math.max(CHART_ROWS, bars + 4);

/** One chart on Thống kê: a single series over rows first..last, drawn from row `top` for `rows`. */
function statsChart(
  spec: Pick<BarChart, "title" | "direction" | "axisTitles" | "categoryCache">,
  rows: { first: number; last: number; categoryCol: number; valueCol: number; top: number; height: number },
  series: { name: string; cache: number[] },
): BarChart {
  const range = (c: number) => sheetRange(SUMMARY_SHEETS.stats, rows.first, c, rows.last, c);
  return {
    ...spec,
    categories: range(rows.categoryCol),
    series: [{ name: series.name, values: range(rows.valueCol), cache: series.cache }],
    from: { col: 0, row: rows.top },
    to: { col: STATS_LAST_COL + 1, row: rows.top + rows.height },
  };
}

export function writeStats(
  summary: ConsolidationSummary,
  layouts: MatrixLayout[],
): { sheet: SummarySheet; blocks: StatsBlock[] } {
  const d = new FormSheet();
  d.widths([14, 36, 11, 11, 11, 12]);
  let r = d.officialHeader(0, ISSUER_BLANK, STATS_LAST_COL);
  d.banner(r++, "THỐNG KÊ KẾT QUẢ TỔNG HỢP", STATS_LAST_COL, "title");
  d.banner(
    r++,
    `Kỳ báo cáo: ${summary.options.period ?? "báo cáo mới nhất của mỗi xã"}`,
    STATS_LAST_COL,
    "note",
  );
  const c = summary.counts;
  const countsHeader = r;
  d.tableHeader(countsHeader, [
    "Số tệp",
    "Đã tổng hợp",
    "Không đọc được",
    "Trùng lặp",
    "Không thuộc lựa chọn",
  ]);
  d.row(countsHeader + 2, [c.files, c.consolidated, c.failed, c.duplicates, c.skipped], 0, "cellCenter");
  r = countsHeader + 4;
  const blocks: StatsBlock[] = [];
  const breaks: number[] = [];
  const charts: BarChart[] = [];
  summary.matrices.forEach((m, i) => {
    const L = layouts[i];
    const setName = m.set.title ?? m.set.id;
    const metRange = ref(L.sheet, `${abs(L.firstRow, L.metCol)}:${abs(L.lastRow, L.metCol)}`);
    if (i > 0) breaks.push(r);
    d.set(r, 0, `Số xã theo số tiêu chí đạt — ${setName}`, "plainBold");
    d.merge(r, 0, r, STATS_LAST_COL);
    d.row(r + 1, ["Số tiêu chí đạt", "Số xã"], 0, "header");
    const distFirst = r + 2;
    m.distribution.forEach((k, j) => {
      d.set(distFirst + j, 0, k.criteriaMet, "cellCenter");
      d.formula(distFirst + j, 1, `COUNTIF(${metRange},${a1(distFirst + j, 0)})`, k.communes);
    });
    const distLast = distFirst + m.distribution.length - 1;
    d.set(distLast + 1, 0, "Cộng", "total");
    d.formula(distLast + 1, 1, `SUM(${colSpan(distFirst, distLast, 1)})`, m.communes.length, "total");
    // Under its table ("Cộng" row, then one empty row).
    charts.push(
      statsChart(
        {
          title: `Số xã theo số tiêu chí đạt — ${setName}`,
          direction: "col",
          categoryCache: m.distribution.map((k) => String(k.criteriaMet)),
          axisTitles: { category: "Số tiêu chí đạt", value: "Số xã" },
        },
        {
          first: distFirst,
          last: distLast,
          categoryCol: 0,
          valueCol: 1,
          top: distLast + 3,
          height: CHART_ROWS,
        },
        { name: "Số xã", cache: m.distribution.map((k) => k.communes) },
      ),
    );
    r = distLast + 3 + CHART_ROWS + 1;
    breaks.push(r);
    d.set(r, 0, `Số xã đạt theo từng tiêu chí — ${setName}`, "plainBold");
    d.merge(r, 0, r, STATS_LAST_COL);
    d.row(
      r + 1,
      ["Tiêu chí", "Tên tiêu chí", "Số xã đạt", "Chưa đạt", "Chưa rõ", "Tỷ lệ xã đạt"],
      0,
      "header",
    );
    const pcFirst = r + 2;
    m.perCriterion.forEach((p, j) => {
      const rr = pcFirst + j;
      const colRange = ref(
        L.sheet,
        `${abs(L.firstRow, L.firstCriterionCol + j)}:${abs(L.lastRow, L.firstCriterionCol + j)}`,
      );
      d.set(rr, 0, p.code, "cellCenter");
      d.set(rr, 1, p.name);
      d.formula(rr, 2, `COUNTIF(${colRange},"Đạt")`, p.met);
      d.formula(rr, 3, `COUNTIF(${colRange},"Chưa đạt")`, p.unmet);
      d.formula(rr, 4, `COUNTIF(${colRange},"Chưa rõ")`, p.unknown);
      const n = p.met + p.unmet + p.unknown;
      const counted = `SUM(${a1(rr, 2)}:${a1(rr, 4)})`;
      d.formula(
        rr,
        5,
        `IF(${counted}>0,${a1(rr, 2)}/${counted},"")`,
        n > 0 ? p.met / n : "",
        "cell",
        NUMBER_FORMATS.percent,
      );
    });
    const pcLast = pcFirst + Math.max(m.perCriterion.length, 1) - 1;
    charts.push(
      statsChart(
        {
          title: `Số xã đạt từng tiêu chí — ${setName}`,
          direction: "bar",
          categoryCache: m.perCriterion.map((p) => p.name),
          axisTitles: { value: "Số xã đạt" },
        },
        {
          first: pcFirst,
          last: pcLast,
          categoryCol: 1,
          valueCol: 2,
          top: pcLast + 2,
          height: chartRows(m.perCriterion.length),
        },
        { name: "Số xã đạt", cache: m.perCriterion.map((p) => p.met) },
      ),
    );
    blocks.push({
      distributionFirstRow: distFirst,
      distributionLastRow: distLast,
      perCriterionFirstRow: pcFirst,
      perCriterionLastRow: pcLast,
    });
    r = pcLast + 2 + chartRows(m.perCriterion.length) + 1;
  });
  if (!summary.matrices.length) d.set(r, 0, "Không có báo cáo tiêu chí cấp xã nào để thống kê.", "plain");
  d.signatures(r, OFFICE_SIGNATURES, STATS_LAST_COL, undefined);
  return {
    sheet: {
      name: SUMMARY_SHEETS.stats,
      form: d,
      print: { landscape: false, rowBreaks: breaks },
      patch: charts.length ? { charts } : undefined,
    },
    blocks,
  };
}
