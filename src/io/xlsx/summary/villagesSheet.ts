/**
 * Khu dân cư: the model-village (khu dân cư NTM kiểu mẫu) progress of every village reported, with
 * totals and the count of villages meeting every criterion; a village that does is coloured green.
 *
 * Invariant: every total is a formula over the rows above, written with the domain's value.
 */
import type { ConsolidationSummary } from "../../../domain/consolidate/summaryModel";
import { FormSheet } from "../formSheet";
import { NUMBER_FORMATS } from "../houseStyle";
import { GOOD, SUMMARY_SHEETS, a1, colSpan, type SummarySheet } from "./summarySheet";

const HEADERS = [
  "TT",
  "Mã xã",
  "Xã",
  "Huyện",
  "Thôn",
  "Bộ tiêu chí",
  "Kỳ",
  "Số tiêu chí đạt",
  "Tổng số tiêu chí",
  "Tỷ lệ đạt",
  "Tệp",
];

export function writeVillages(summary: ConsolidationSummary): SummarySheet {
  const d = new FormSheet();
  d.widths([5, 9, 22, 18, 16, 20, 9, 10, 10, 9, 40]);
  d.banner(0, "TIẾN ĐỘ XÂY DỰNG KHU DÂN CƯ NTM KIỂU MẪU", 9, "title");
  const header = 2;
  const first = header + 1;
  d.row(header, HEADERS, 0, "header");
  summary.villages.forEach((v, i) => {
    const r = first + i;
    d.row(r, [
      i + 1,
      v.commune.code ?? "",
      v.commune.name,
      v.commune.districtName ?? "",
      v.village,
      v.set.id,
      v.period ?? "",
      v.criteriaMet,
      v.criteriaTotal,
    ]);
    d.formula(
      r,
      9,
      `IF(${a1(r, 8)}>0,${a1(r, 7)}/${a1(r, 8)},"")`,
      v.progress ?? "",
      "cell",
      NUMBER_FORMATS.percent,
    );
    d.set(r, 10, v.file);
  });
  const last = first + Math.max(summary.villages.length, 1) - 1;
  const t = summary.villageTotals;
  const tr = last + 2;
  const span = (c: number) => colSpan(first, last, c);
  d.grid(tr, 0, tr + 1, 10, "total");
  d.set(tr, 0, "Cộng", "total");
  d.formula(tr, 4, `COUNTA(${span(4)})`, t.villages, "total");
  d.formula(tr, 7, `SUM(${span(7)})`, t.criteriaMet, "total");
  d.formula(tr, 8, `SUM(${span(8)})`, t.criteriaTotal, "total");
  d.formula(
    tr,
    9,
    `IF(COUNT(${span(9)})>0,AVERAGE(${span(9)}),"")`,
    t.averageProgress ?? "",
    "total",
    NUMBER_FORMATS.percent,
  );
  d.set(tr + 1, 0, "Số thôn đạt đủ tiêu chí", "total");
  d.merge(tr + 1, 0, tr + 1, 3);
  d.formula(tr + 1, 4, `SUMPRODUCT((${span(8)}>0)*(${span(7)}>=${span(8)}))`, t.fullyMet, "total");
  const any = summary.villages.length > 0;
  return {
    name: SUMMARY_SHEETS.villages,
    form: d,
    print: { landscape: true, titleRows: [header, header], lastPrintedCol: 9 },
    freeze: { rows: first, cols: 5 },
    autofilter: any ? `${a1(header, 0)}:${a1(last, 10)}` : undefined,
    patch: any
      ? {
          conditionalFormats: [
            {
              sqref: `${a1(first, 0)}:${a1(last, 10)}`,
              rules: [
                {
                  type: "expression",
                  formula: `AND($I${first + 1}>0,$H${first + 1}>=$I${first + 1})`,
                  style: GOOD,
                },
              ],
            },
          ],
        }
      : undefined,
  };
}
