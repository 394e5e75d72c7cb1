/** The Tiến độ nộp tab's words, Vietnamese and English (kept beside the tab it belongs to). */
import type { PaneLang } from "../paneText";

const vi = {
  tab: "Tiến độ nộp",
  kind: "Loại báo cáo",
  kinds: { "work-volume": "Khối lượng tuần/tháng", "village-progress": "Tiến độ KDC kiểu mẫu" } as Record<
    string,
    string
  >,
  show: "Xem tiến độ nộp",
  due: (label: string, when: string) => `${label} — hạn ${when} (giờ Việt Nam)`,
  counts: (c: { expected: number; onTime: number; late: number; missing: number; pending: number }) =>
    `Phải nộp ${c.expected}: đúng hạn ${c.onTime}, trễ hạn ${c.late}, chưa nộp ${c.missing}, chưa đến hạn ${c.pending}`,
  noDeadline: "Lịch báo cáo không có hạn nộp cho loại báo cáo và kỳ này.",
};

const en: typeof vi = {
  tab: "Submissions",
  kind: "Report kind",
  kinds: { "work-volume": "Work volumes (week/month)", "village-progress": "Model-village progress" },
  show: "Show submissions",
  due: (label, when) => `${label} — due ${when} (Vietnam time)`,
  counts: (c) =>
    `${c.expected} expected: ${c.onTime} on time, ${c.late} late, ${c.missing} missing, ${c.pending} not yet due`,
  noDeadline: "The reporting calendar has no deadline for this kind and period.",
};

export type CompletenessText = typeof vi;

export function completenessText(lang: PaneLang): CompletenessText {
  return lang === "vi" ? vi : en;
}
