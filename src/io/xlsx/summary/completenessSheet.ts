/**
 * Tiến độ nộp: per deadline of the reporting calendar, every expected commune with its status
 * (Đúng hạn, Trễ hạn, Chưa nộp, Chưa đến hạn) and the time of the submission that counted, in
 * Vietnam's time; counts above each table. Late and missing are coloured, so the sheet prints as
 * the office's weekly list of whom to call.
 */
import type { CompletenessBody } from "../../../domain/rhythm/rhythmWire";
import { statusText } from "../../../domain/rhythm/rhythmMessages";
import { FormSheet } from "../formSheet";
import { BAD, GOOD, WARN, a1, equals, type SummarySheet } from "./summarySheet";

export const COMPLETENESS_SHEET = "Tiến độ nộp";

export function writeCompleteness(reports: readonly CompletenessBody[]): SummarySheet {
  const d = new FormSheet();
  d.widths([5, 10, 26, 22, 14, 18, 9]);
  const first = reports[0];
  d.banner(0, `TIẾN ĐỘ NỘP BÁO CÁO${first ? ` — ${first.under.name}, kỳ ${first.period}` : ""}`, 6, "title");
  let r = 2;
  // Placeholder due days are said once, above every table they judge.
  const note = reports.find((rep) => rep.unverifiedNote)?.unverifiedNote;
  if (note) d.banner(r++, note.vi, 6, "note");
  const header = r;
  for (const rep of reports)
    for (const dl of rep.deadlines) {
      const c = dl.counts;
      d.banner(
        r++,
        `${dl.label}${dl.unverified ? " *" : ""} — hạn ${dl.dueLocal} (giờ Việt Nam)`,
        6,
        "subtitle",
      );
      d.banner(
        r++,
        `Phải nộp ${c.expected}; đã nộp ${c.submitted} (đúng hạn ${c.onTime}, trễ hạn ${c.late}); chưa nộp ${c.missing}; chưa đến hạn ${c.pending}. Tính đến ${rep.asOf}.`,
        6,
        "note",
      );
      d.row(r++, ["TT", "Mã", "Đơn vị", "Thuộc", "Trạng thái", "Thời điểm nộp", "Bản"], 0, "header");
      dl.units.forEach((u, i) => {
        d.row(r++, [
          i + 1,
          u.code,
          u.name,
          u.parentName ?? "",
          statusText(u.status, "vi"),
          u.submittedLocal ?? "",
          u.revision,
        ]);
      });
      r++;
    }
  if (!reports.length) d.set(r++, 0, "Chưa có dữ liệu tiến độ nộp.", "plain");
  const statusRange = `${a1(header, 4)}:${a1(Math.max(r, header), 4)}`;
  return {
    name: COMPLETENESS_SHEET,
    form: d,
    print: { landscape: false, lastPrintedCol: 6 },
    patch: {
      conditionalFormats: [
        {
          sqref: statusRange,
          rules: [
            equals(statusText("on-time", "vi"), GOOD),
            equals(statusText("late", "vi"), WARN),
            equals(statusText("missing", "vi"), BAD),
          ],
        },
      ],
    },
  };
}
