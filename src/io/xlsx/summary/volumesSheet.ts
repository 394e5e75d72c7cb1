/**
 * Khối lượng: plan / done / cumulative / share of every work-volume item, communes summed into
 * districts and districts into the item's total (xã → huyện → toàn bộ).
 *
 * Invariant: a district or item amount is a SUM over exactly its children's cells (blank when none
 * has a number), written with the domain's value; subtotal rows are styled in the cells, not by a
 * conditional format, so every viewer shows them.
 */
import type { ConsolidationSummary, VolumeAmounts } from "../../../domain/consolidate/summaryModel";
import { FormSheet } from "../formSheet";
import { fitWidth, type HouseStyleName } from "../houseStyle";
import { SUMMARY_SHEETS, a1, landscapeTable, type SummarySheet } from "./summarySheet";

/**
 * Amount cells of one row; `children` are the rows summed (null for a commune row): a contiguous
 * block becomes one range (a district may hold hundreds of communes; Excel allows 255 arguments).
 */
function writeAmounts(
  d: FormSheet,
  r: number,
  a: VolumeAmounts,
  children: number[] | null,
  style: HouseStyleName = "cell",
): void {
  const cols = [5, 6, 7];
  const vals = [a.plan, a.done, a.cumulative];
  cols.forEach((c, j) => {
    if (!children) return d.set(r, c, vals[j], style);
    const contiguous = children.every((cr, k) => k === 0 || cr === children[k - 1] + 1);
    const list = contiguous
      ? `${a1(children[0], c)}:${a1(children[children.length - 1], c)}`
      : children.map((cr) => a1(cr, c)).join(",");
    d.formula(r, c, `IF(COUNT(${list})=0,"",SUM(${list}))`, vals[j] ?? "", style);
  });
  const [P, D, C] = cols.map((c) => a1(r, c));
  d.formula(
    r,
    8,
    `IF(AND(ISNUMBER(${P}),${P}<>0),IF(ISNUMBER(${C}),${C}/${P}*100,IF(ISNUMBER(${D}),${D}/${P}*100,"")),"")`,
    a.share ?? "",
    style,
    "#,##0.0",
  );
}

export function writeVolumes(summary: ConsolidationSummary): SummarySheet {
  const d = new FormSheet();
  // Item and district rows are bold, a little wider than their letters count.
  const itemWidth = Math.ceil(
    fitWidth(
      summary.volumes.map((v) => v.name),
      20,
      50,
    ) * 1.1,
  );
  d.widths([itemWidth, 8, 10, 18, 22, 12, 12, 12, 10, 9, 40]);
  d.banner(0, "KHỐI LƯỢNG THỰC HIỆN: KẾ HOẠCH, THỰC HIỆN, TỶ LỆ (cộng dồn xã → huyện → toàn bộ)", 9, "title");
  const header = 2;
  d.row(
    header,
    ["Hạng mục", "ĐVT", "Cấp", "Huyện", "Xã", "Kế hoạch", "Thực hiện kỳ", "Lũy kế", "Tỷ lệ (%)", "Kỳ", "Tệp"],
    0,
    "header",
  );
  let r = header + 1;
  for (const item of summary.volumes) {
    const itemRow = r++;
    d.row(itemRow, [item.name, item.unit ?? "", "Tổng cộng"], 0, "total");
    d.grid(itemRow, 3, itemRow, 10, "total");
    const districtRows: number[] = [];
    for (const dist of item.districts) {
      const distRow = r++;
      districtRows.push(distRow);
      d.row(distRow, [item.name, item.unit ?? "", "Huyện", dist.name], 0, "cellBold");
      d.grid(distRow, 4, distRow, 10, "cellBold");
      const communeRows: number[] = [];
      for (const cm of dist.communes) {
        const cr = r++;
        communeRows.push(cr);
        d.row(cr, [item.name, item.unit ?? "", "Xã", dist.name, cm.commune.name]);
        writeAmounts(d, cr, cm.amounts, null);
        d.row(cr, [cm.period ?? "", cm.file], 9);
      }
      writeAmounts(d, distRow, dist.amounts, communeRows, "cellBold");
    }
    writeAmounts(d, itemRow, item.amounts, districtRows, "total");
    r++;
  }
  if (!summary.volumes.length) d.set(r, 0, "Không có báo cáo khối lượng nào.", "plain");
  return landscapeTable(SUMMARY_SHEETS.volumes, d, header, 9);
}
