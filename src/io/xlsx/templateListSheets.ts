/**
 * The template's village and work-volume sheets (writeTemplate.ts writes the criteria sheet and the
 * workbook): the villages' criteria met with a count per criterion and a rate per village, and an
 * empty work-volume form whose headers the reader recognises (Kế hoạch năm, Thực hiện kỳ này, Lũy
 * kế), each in the house style with the commune's header and signatures.
 */
import * as XLSX from "xlsx";
import { FormSheet } from "./formSheet";
import { COMMUNE_SIGNATURES, NUMBER_FORMATS, fitWidth, placeOf } from "./houseStyle";
import type { TemplateOptions } from "./writeTemplate";

export const MET = "Đạt";
export const UNMET = "Chưa đạt";

export const issuerOf = (o: TemplateOptions) => `ỦY BAN NHÂN DÂN ${o.org.toUpperCase()}`;

export interface VillageSheet {
  sheet: FormSheet;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  rateRow: number;
  villages: string[];
}

export function buildVillageSheet(o: TemplateOptions): VillageSheet {
  const villages = o.villages?.length ? o.villages : ["Thôn 1", "Thôn 2", "Thôn 3"];
  const n = o.set.criteria.length;
  const d = new FormSheet();
  const last = villages.length + 2;
  d.widths([6, 34, ...villages.map((v) => fitWidth([v], 10, 16)), 10]);
  let r = d.officialHeader(0, issuerOf(o), last);
  d.banner(r++, `TIẾN ĐỘ THỰC HIỆN TIÊU CHÍ CỦA CÁC KHU DÂN CƯ / THÔN`, last, "title");
  d.banner(r++, `Kỳ báo cáo: ${o.period}`, last, "note");
  const headerRow = r;
  r = d.tableHeader(headerRow, ["TT", "Tiêu chí", ...villages, "Số thôn đạt"]) + 1;
  const firstRow = r;
  const lastVillageCol = XLSX.utils.encode_col(1 + villages.length);
  for (const c of o.set.criteria) {
    const r1 = r + 1;
    d.set(r, 0, c.code, "cellCenter");
    d.set(r, 1, c.name.vi);
    villages.forEach((_, j) => d.set(r, 2 + j, null, "cellCenter"));
    d.formula(r, last, `COUNTIF(C${r1}:${lastVillageCol}${r1},"${MET}")`, 0, "cellCenter");
    r++;
  }
  const lastRow = r - 1;
  const rateRow = r;
  d.set(rateRow, 0, null, "total");
  d.set(rateRow, 1, "Tỷ lệ tiêu chí đạt", "total");
  villages.forEach((_, j) => {
    const col = XLSX.utils.encode_col(2 + j);
    d.formula(
      rateRow,
      2 + j,
      `COUNTIF(${col}${firstRow + 1}:${col}${lastRow + 1},"${MET}")/${n}`,
      0,
      "total",
      NUMBER_FORMATS.percent,
    );
  });
  d.set(rateRow, last, null, "total");
  d.signatures(rateRow + 2, COMMUNE_SIGNATURES, last, placeOf(o.org));
  return { sheet: d, headerRow, firstRow, lastRow, rateRow, villages };
}

export function buildVolumeSheet(o: TemplateOptions): { sheet: FormSheet; headerRow: number } {
  const d = new FormSheet();
  const headers = [
    "TT",
    "Nội dung công việc",
    "Đơn vị tính",
    "Kế hoạch năm",
    "Thực hiện kỳ này",
    "Lũy kế",
    "Tỷ lệ (%)",
  ];
  const last = headers.length - 1;
  d.widths([6, 44, 9, 12, 12, 12, 10]);
  let r = d.officialHeader(0, issuerOf(o), last);
  d.banner(r++, "BÁO CÁO KHỐI LƯỢNG THỰC HIỆN", last, "title");
  d.banner(r++, `Kỳ báo cáo: ${o.period}`, last, "note");
  const headerRow = r;
  r = d.tableHeader(headerRow, headers) + 1;
  for (let i = 0; i < 15; i++, r++) {
    const r1 = r + 1;
    d.grid(r, 0, r, last - 1);
    d.formula(r, last, `IF(OR(D${r1}="",F${r1}=""),"",F${r1}/D${r1}*100)`, "", "cell", "0.0");
  }
  d.signatures(r + 1, COMMUNE_SIGNATURES, last, placeOf(o.org));
  return { sheet: d, headerRow };
}
