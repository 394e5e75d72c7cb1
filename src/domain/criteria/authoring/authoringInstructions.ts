/**
 * The `huong_dan` (instructions) sheet of an authoring workbook: what a province writes in each
 * sheet and column, with the words each column accepts, taken from the same layout and schema the
 * compiler reads (so the instructions cannot promise what the compiler refuses). The compiler
 * ignores this sheet.
 *
 * A set shipped with fewer indicators than its decision has (2026–2030: QĐ 51/2025 has 47, the
 * data has one "Đạt tiêu chí …" row per criterion because the indicator list is not available here)
 * gets a first line saying so and how to type the decision's indicators in their place.
 */
import type { CellValue } from "../../sheet/grid";
import { COMMUNE_GROUPS, COMPARISONS, INDICATOR_KINDS, REGIONS, type CriteriaSet } from "../schema";
import { SHEETS, UNKNOWN_VALUE } from "./authoringLayout";

export const INSTRUCTIONS_SHEET = "huong_dan";

const list = (xs: readonly string[]) => xs.join(", ");

/** [sheet, column, what to write (vi), what to write (en)] */
const COLUMN_HELP: [string, string, string, string][] = [
  [
    SHEETS.settings,
    "value",
    "Thông tin chung của bộ tiêu chí: mã, tên, quyết định, ngày, năm áp dụng.",
    "The set's id, title, decision, date and years.",
  ],
  [
    SHEETS.criteria,
    "code",
    "Mã tiêu chí: 1, 2, … (mỗi tiêu chí một dòng).",
    "Criterion code, one row per criterion.",
  ],
  [
    SHEETS.criteria,
    "rollup",
    "Cách tính đạt tiêu chí: all (đạt mọi chỉ tiêu), atLeast N, share N.",
    "How a criterion is met: all, atLeast N, share N.",
  ],
  [
    SHEETS.indicators,
    "criterion",
    "Mã tiêu chí mà chỉ tiêu thuộc về (trùng cột code ở trang criteria).",
    "The criterion the indicator belongs to.",
  ],
  [
    SHEETS.indicators,
    "code",
    "Mã chỉ tiêu: 1.1, 1.2, 2.1, … như trong quyết định.",
    "Indicator code as in the decision: 1.1, 1.2, …",
  ],
  [
    SHEETS.indicators,
    "kind",
    `Loại số liệu: ${list(INDICATOR_KINDS)}.`,
    `Kind of value: ${list(INDICATOR_KINDS)}.`,
  ],
  [
    SHEETS.indicators,
    "unit",
    "Đơn vị tính khi có: %, km, m², triệu đồng/người/năm, …",
    "Unit where there is one.",
  ],
  [
    SHEETS.indicators,
    "op",
    `So sánh với mức: ≥, ≤, =, yes (${list(COMPARISONS)}).`,
    "How the value is compared with the target.",
  ],
  [
    SHEETS.indicators,
    "target",
    `Mức chung, viết kiểu Việt Nam: 80 hoặc 92,5 (dấu phẩy thập phân); “${UNKNOWN_VALUE}” khi chưa biết mức.`,
    `The general target, Vietnamese style (92,5); "${UNKNOWN_VALUE}" when not known.`,
  ],
  [
    SHEETS.indicators,
    "target::group1 … group3",
    `Mức theo nhóm xã ${list(COMMUNE_GROUPS)} (giai đoạn 2026–2030).`,
    "Targets by commune group (2026–2030).",
  ],
  [
    SHEETS.indicators,
    "target::BTB …",
    `Mức theo vùng (giai đoạn 2021–2025): ${list(REGIONS)}.`,
    "Targets by region (2021–2025).",
  ],
  [
    SHEETS.indicators,
    "target::2024 …",
    "Mức theo năm, có thể kèm vùng: target::2024::BTB.",
    "Targets by year, optionally by region.",
  ],
  [
    SHEETS.indicators,
    "source, article",
    "Quyết định và điều, khoản ghi mức (ví dụ: QĐ 51/2025/QĐ-TTg, Điều 2).",
    "The decision and article the targets come from.",
  ],
  [
    SHEETS.indicators,
    "verified",
    "có khi đã đối chiếu với văn bản gốc; để trống hoặc không khi chưa (mức sẽ hiện là “chưa xác minh”).",
    "yes once checked against the decision; otherwise shown as unverified.",
  ],
  [
    SHEETS.targets,
    "indicator, axis, value",
    "Một dòng cho mỗi mức khi các mức của một chỉ tiêu có nguồn khác nhau (axis: general, BTB, group1, 2024, 2024::BTB).",
    "One row per target when an indicator's targets have different sources.",
  ],
];

function missingIndicatorsLine(set: CriteriaSet): CellValue[][] {
  const official = set.officialIndicatorCount;
  const have = set.criteria.reduce((n, c) => n + c.indicators.length, 0);
  if (!official || have >= official) return [];
  return [
    [
      `Bộ này có ${official} chỉ tiêu theo ${set.version.decision}, dữ liệu hiện có ${have} dòng. ` +
        `Ở trang ${SHEETS.indicators}, thay mỗi dòng “Đạt tiêu chí …” bằng các chỉ tiêu của tiêu chí đó ` +
        `(mã 1.1, 1.2, …), ghi mức theo nhóm xã vào các cột target::group1, target::group2, target::group3, ` +
        `rồi chạy: ntm admin criteria install <tệp này>.`,
    ],
    [
      `This set has ${official} indicators in ${set.version.decision}; the data has ${have} rows. On the ` +
        `${SHEETS.indicators} sheet, replace each "Đạt tiêu chí …" row with that criterion's indicators, ` +
        `type the group targets, then run: ntm admin criteria install <this file>.`,
    ],
    [],
  ];
}

/** The rows of the instructions sheet for `set`. */
export function instructionRows(set: CriteriaSet): CellValue[][] {
  return [
    [`HƯỚNG DẪN NHẬP BỘ TIÊU CHÍ ${set.id} / HOW TO FILL IN THIS WORKBOOK`],
    [],
    ...missingIndicatorsLine(set),
    ["Trang / Sheet", "Cột / Column", "Ghi gì", "What to write"],
    ...COLUMN_HELP.map((r) => [...r]),
    [],
    [
      "Sửa xong: ntm criteria compile <tệp> -o set.json để kiểm tra; mỗi lỗi ghi rõ trang, dòng, cột và cách sửa.",
      null,
      null,
      "When done: ntm criteria compile <file> -o set.json checks it; each error names its sheet, row and column.",
    ],
  ];
}
