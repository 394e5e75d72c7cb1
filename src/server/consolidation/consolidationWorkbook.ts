/**
 * The consolidation as a workbook: a communes × criteria matrix whose count column is a COUNTIF
 * formula (so the file stays right when someone edits a cell), and a sheet of village progress.
 */
import * as XLSX from "xlsx";
import type { Consolidation } from "../../domain/sync/protocol";

const statusText = { met: "Đạt", unmet: "Chưa đạt", unknown: "Chưa rõ" } as const;
const reviewText: Record<string, string> = { none: "Chưa gửi", submitted: "Đã gửi", returned: "Trả lại", approved: "Đã duyệt", reopened: "Mở lại" };

export function consolidationWorkbook(c: Consolidation): Buffer {
  const wb = XLSX.utils.book_new();
  const header = ["Mã", "Đơn vị", "Phiên bản", "Trạng thái duyệt", ...c.criteria.map((x) => `TC ${x.code}`), "Số tiêu chí đạt"];
  const aoa: (string | number | null)[][] = [
    [`TỔNG HỢP TIÊU CHÍ — bộ ${c.set}, kỳ ${c.period}, đơn vị ${c.under}`],
    header,
    ...c.communes.map((r) => [r.org, r.name, r.revision, reviewText[r.reviewState], ...c.criteria.map((x) => statusText[r.criteria[x.code]]), null]),
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const first = XLSX.utils.encode_col(4);
  const last = XLSX.utils.encode_col(3 + c.criteria.length);
  const countCol = 4 + c.criteria.length;
  c.communes.forEach((r, i) => {
    const row = i + 3;
    ws[XLSX.utils.encode_cell({ r: row - 1, c: countCol })] = {
      t: "n",
      f: `COUNTIF(${first}${row}:${last}${row},"Đạt")`,
      v: r.criteriaMet ?? 0,
    };
  });
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: Math.max(3, countCol) } }];
  XLSX.utils.book_append_sheet(wb, ws, "Tổng hợp");
  const villages = XLSX.utils.aoa_to_sheet([
    ["Mã", "Thôn", "Phiên bản", "Trạng thái duyệt", "Số tiêu chí đạt", "Tổng số", "Tỷ lệ đạt"],
    ...c.villages.map((r) => [r.org, r.name, r.revision, reviewText[r.reviewState], r.criteriaMet, r.criteriaTotal, r.progress]),
  ]);
  c.villages.forEach((_, i) => {
    const cell = villages[XLSX.utils.encode_cell({ r: i + 1, c: 6 })];
    if (cell) cell.z = "0%";
  });
  XLSX.utils.book_append_sheet(wb, villages, "Thôn");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}
