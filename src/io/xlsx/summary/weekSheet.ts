/**
 * Tuần (the district's week): every work item with plan / done this period / cumulative / share
 * for the whole scope, then per district and commune; the communes (and villages of a per-village
 * split) that did not report; and the period's targets against what was achieved.
 *
 * Invariant: every figure is the domain's (consolidateWorkVolumes), in the item's unit; a unit that
 * did not report shows "Chưa báo cáo" rather than zeros, so a blank is never read as nothing done.
 */
import type { UnitVolumes, WorkVolumeConsolidation } from "../../../domain/rhythm/consolidateWorkVolumes";
import { FormSheet } from "../formSheet";
import { fitWidth } from "../houseStyle";
import { BAD, a1, equals, landscapeTable, type SummarySheet } from "./summarySheet";

export const WEEK_SHEETS = { week: "Tuần", targets: "Chỉ tiêu kỳ" } as const;

const HEADERS = [
  "Hạng mục",
  "ĐVT",
  "Cấp",
  "Đơn vị",
  "Kế hoạch",
  "Thực hiện kỳ",
  "Lũy kế",
  "Tỷ lệ (%)",
  "Ghi chú",
];
const NOT_REPORTED = "Chưa báo cáo";

function units(u: UnitVolumes, out: UnitVolumes[] = []): UnitVolumes[] {
  out.push(u);
  for (const c of u.children) units(c, out);
  return out;
}

const LEVEL_TEXT: Record<string, string> = {
  all: "Toàn bộ",
  province: "Tỉnh",
  district: "Huyện",
  commune: "Xã",
};

export function writeWeek(week: WorkVolumeConsolidation): SummarySheet {
  const d = new FormSheet();
  const all = units(week.root);
  d.widths([
    Math.ceil(
      fitWidth(
        week.totals.map((t) => t.name),
        20,
        46,
      ) * 1.1,
    ),
    8,
    9,
    24,
    12,
    12,
    12,
    9,
    30,
  ]);
  d.banner(0, `KHỐI LƯỢNG THỰC HIỆN KỲ ${week.period} — ${week.under.name}`.toUpperCase(), 8, "title");
  d.banner(
    1,
    `${week.counts.reported}/${week.counts.expected} xã đã báo cáo; kế hoạch, thực hiện trong kỳ và lũy kế cộng dồn xã → huyện → toàn bộ.`,
    8,
    "note",
  );
  const header = 3;
  d.row(header, HEADERS, 0, "header");
  let r = header + 1;
  for (const line of week.totals) {
    for (const u of all) {
      const t = u.totals.find((x) => x.key === line.key);
      const style = u === week.root ? "total" : u.level === "commune" ? "cell" : "cellBold";
      d.row(r, [line.name, line.unit ?? "", LEVEL_TEXT[u.level] ?? u.level, u.name], 0, style);
      if (u.level === "commune" && !u.reported) {
        d.row(r, [null, null, null, null], 4, style);
        d.set(r, 8, NOT_REPORTED, style);
      } else {
        d.row(r, [t?.plan ?? null, t?.done ?? null, t?.cumulative ?? null], 4, style);
        d.set(r, 7, t?.share ?? null, style, "#,##0.0");
        d.set(r, 8, u.reviewState ? `bản ${u.revision ?? ""}, ${u.reviewState}` : (u.source ?? ""), style);
      }
      r++;
    }
    r++;
  }
  if (!week.totals.length) d.set(r++, 0, "Không có báo cáo khối lượng nào trong kỳ.", "plain");
  r++;
  d.banner(r++, "ĐƠN VỊ CHƯA BÁO CÁO", 8, "subtitle");
  d.row(r++, ["Mã", "Đơn vị", "Thuộc"], 0, "header");
  for (const u of week.notReported) d.row(r++, [u.code, u.name, u.parentName ?? ""]);
  for (const u of all) for (const v of u.villagesNotReported ?? []) d.row(r++, ["", `${v} (thôn)`, u.name]);
  if (!week.notReported.length) d.set(r++, 0, "Mọi xã đều đã báo cáo.", "plain");
  return {
    ...landscapeTable(WEEK_SHEETS.week, d, header, 8),
    patch: {
      conditionalFormats: [
        {
          sqref: `${a1(header + 1, 8)}:${a1(Math.max(r, header + 1), 8)}`,
          rules: [equals(NOT_REPORTED, BAD)],
        },
      ],
    },
  };
}

export function writeTargets(week: WorkVolumeConsolidation): SummarySheet {
  const d = new FormSheet();
  d.widths([24, 34, 10, 8, 12, 12, 10, 14]);
  d.banner(0, `CHỈ TIÊU GIAO VÀ KẾT QUẢ ĐẠT ĐƯỢC (kỳ ${week.period})`, 7, "title");
  const header = 2;
  d.row(
    header,
    ["Đơn vị", "Chỉ tiêu", "Kỳ giao", "ĐVT", "Chỉ tiêu giao", "Đạt được", "Tỷ lệ (%)", "Căn cứ"],
    0,
    "header",
  );
  let r = header + 1;
  for (const t of week.targets) {
    d.row(r, [t.orgName, t.name, t.period, t.unit, t.target, t.achieved]);
    d.formula(
      r,
      6,
      `IF(AND(ISNUMBER(${a1(r, 5)}),${a1(r, 4)}>0),${a1(r, 5)}/${a1(r, 4)}*100,"")`,
      t.share ?? "",
      "cell",
      "#,##0.0",
    );
    d.set(
      r,
      7,
      t.basis === "cumulative" ? "lũy kế" : t.basis === "done" ? "thực hiện kỳ" : "chưa có số liệu",
    );
    r++;
  }
  if (!week.targets.length) d.set(r, 0, "Chưa có chỉ tiêu giao cho kỳ này.", "plain");
  return landscapeTable(WEEK_SHEETS.targets, d, header, 7);
}
