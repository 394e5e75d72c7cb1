/**
 * A commune's model-area (KDC kiểu mẫu) checklist workbook as communes keep it: one column per
 * village, "Đạt"/"Chưa đạt" down the set's indicators — the first `met` of each village met. Shared
 * by the `ntm push` and the pane's village-progress tests, so both send the same workbook.
 */
import * as XLSX from "xlsx";
import kdc from "../src/domain/criteria/sets/ht-kdc-kieu-mau.json";

/** Thôn 1–3 are 18139's villages in the seeded tree; Xóm Mới is not. Criteria met of 10. */
export const SON_HONG_VILLAGES: [string, number][] = [
  ["Thôn 1", 10],
  ["Thôn 2", 8],
  ["Thôn 3", 3],
  ["Xóm Mới", 9],
];

export function villageChecklist(villages: readonly [string, number][] = SON_HONG_VILLAGES): Buffer {
  const items = (kdc as { criteria: { indicators?: { name: { vi: string } }[] }[] }).criteria.flatMap(
    (c) => c.indicators ?? [],
  );
  const rows: unknown[][] = [
    ["UBND XÃ SƠN HỒNG"],
    [],
    ["BẢNG THEO DÕI TIẾN ĐỘ XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI KIỂU MẪU NĂM 2023"],
    [],
    ["TT", "Tiêu chí", ...villages.map(([v]) => v)],
    ...items.map((ind, k) => [
      String(k + 1),
      ind.name.vi,
      ...villages.map(([, n]) => (k < n ? "Đạt" : "Chưa đạt")),
    ]),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "KDC");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}
