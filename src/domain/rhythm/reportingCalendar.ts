/**
 * A province's reporting calendar as data: for each kind of report, which periods are due and when.
 * Hà Tĩnh's coordination offices run a weekly rhythm — the week's planned work registered before
 * 17:00 on the Thursday before the week, its results before 10:00 on the Monday after — and
 * monthly, quarterly and yearly reviews on days the province sets.
 *
 * A deadline is "anchor + offsetDays at time", on Vietnam's wall clock: `anchor` is the period's
 * first day ("start") or the first day after it ("end"). Registration for 2023-W14 (Mon 3 April)
 * is start − 4 days = Thu 30 March 17:00; its results are end + 0 days = Mon 10 April 10:00.
 * `requires` says what a revision must hold to count for the deadline: registration needs a plan
 * figure, results need a done figure, any other report just a revision.
 * Invariant: deadlines are computed, never read from a clock; a calendar is validated once (zod).
 */
import { z } from "zod";
import { addDays, periodDays, periodKindOf, vietnamInstant, type PeriodKind } from "./vietnamTime";

export const deadlineRuleSchema = z.object({
  /** Stable name of the deadline ("registration", "results", "report"). */
  id: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  periodKind: z.enum(["week", "month", "quarter", "year"]),
  anchor: z.enum(["start", "end"]),
  offsetDays: z.number().int().min(-366).max(366),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "giờ dạng HH:MM / time as HH:MM"),
  requires: z.enum(["plan", "done", "any"]).default("any"),
  /** A due day not confirmed from a decision (a placeholder): shown as unverified, never as fact. */
  unverified: z.boolean().optional(),
  /** Where the rule comes from (a decision, an office's practice, "placeholder"). */
  source: z.string().max(300).optional(),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const reportingCalendarSchema = z.object({
  /** GSO code of the province the calendar belongs to. */
  province: z.string().min(1).max(40),
  /** Report kind ("work-volume", "village-progress", or a criteria set id) → its deadlines. */
  kinds: z.record(z.string().min(1).max(80), z.array(deadlineRuleSchema).min(1)),
});
export type ReportingCalendar = z.infer<typeof reportingCalendarSchema>;

const PERIOD_WORD: Record<PeriodKind, string> = { week: "tuần", month: "tháng", quarter: "quý", year: "năm" };

export const WORK_VOLUME_KIND = "work-volume";
export const VILLAGE_PROGRESS_KIND = "village-progress";

const WEEKLY_SOURCE =
  "Báo cáo của các xã Hà Tĩnh 2020–2023 (đăng ký trước 17:00 thứ Năm, kết quả trước 10:00 thứ Hai) / Hà Tĩnh commune reports 2020–2023";

/** Month, quarter and year due days: no decision found, so the days here are placeholders. */
const PLACEHOLDER = {
  unverified: true,
  source: "Ngày giả định, chưa có văn bản quy định / placeholder day, no decision found",
} as const;

/**
 * The weekly rhythm of the Hà Tĩnh reports, and month/quarter/year reviews on placeholder days (the
 * 5th, 10th, 15th after the period), marked unverified until a province confirms its own.
 */
export const HA_TINH_CALENDAR: ReportingCalendar = reportingCalendarSchema.parse({
  province: "42",
  kinds: {
    [WORK_VOLUME_KIND]: [
      {
        id: "registration",
        label: "Đăng ký khối lượng tuần (trước 17:00 thứ Năm tuần trước)",
        periodKind: "week",
        anchor: "start",
        offsetDays: -4,
        time: "17:00",
        requires: "plan",
        source: WEEKLY_SOURCE,
      },
      {
        id: "results",
        label: "Báo cáo kết quả tuần (trước 10:00 thứ Hai tuần sau)",
        periodKind: "week",
        anchor: "end",
        offsetDays: 0,
        time: "10:00",
        requires: "done",
        source: WEEKLY_SOURCE,
      },
      ...(["month", "quarter", "year"] as const).map((periodKind) => ({
        id: "results",
        label: `Báo cáo khối lượng ${PERIOD_WORD[periodKind]} (trước ngày 5 sau kỳ)`,
        periodKind,
        anchor: "end",
        offsetDays: 4,
        time: "17:00",
        requires: "done",
        ...PLACEHOLDER,
      })),
    ],
    // Criteria reports of any set: configured days, here the 5th, 10th and 15th after the period.
    "*": (
      [
        ["month", 4],
        ["quarter", 9],
        ["year", 14],
      ] as const
    ).map(([periodKind, offsetDays]) => ({
      id: "report",
      label: `Báo cáo tiêu chí ${PERIOD_WORD[periodKind]} (trước ngày ${offsetDays + 1} sau kỳ)`,
      periodKind,
      anchor: "end",
      offsetDays,
      time: "17:00",
      ...PLACEHOLDER,
    })),
    [VILLAGE_PROGRESS_KIND]: (["month", "quarter", "year"] as const).map((periodKind) => ({
      id: "report",
      label: `Tiến độ KDC kiểu mẫu ${PERIOD_WORD[periodKind]} (trước ngày 5 sau kỳ)`,
      periodKind,
      anchor: "end",
      offsetDays: 4,
      time: "17:00",
      ...PLACEHOLDER,
    })),
  },
});

/** The calendar of a province: its own when it has one, else Hà Tĩnh's (the only one known here). */
export function calendarOf(
  provinceCode: string | undefined,
  calendars: readonly ReportingCalendar[] = [HA_TINH_CALENDAR],
): ReportingCalendar {
  return calendars.find((c) => c.province === provinceCode) ?? HA_TINH_CALENDAR;
}

export interface Deadline {
  id: string;
  label: string;
  requires: "plan" | "done" | "any";
  /** The due day is a placeholder, not confirmed from a decision. */
  unverified?: boolean;
  /** Instant, ISO-8601 UTC. */
  due: string;
}

/**
 * The deadlines of a report kind for one period. A criteria-set kind the calendar does not name
 * falls back to the calendar's "*" entry when it has one; a kind with no rule for the period's
 * kind has no deadline (nothing is due, so nobody is late).
 */
export function deadlinesFor(calendar: ReportingCalendar, kind: string, period: string): Deadline[] {
  const rules = calendar.kinds[kind] ?? calendar.kinds["*"] ?? [];
  const periodKind = periodKindOf(period);
  const { start, end } = periodDays(period);
  return rules
    .filter((r) => r.periodKind === periodKind)
    .map((r) => ({
      id: r.id,
      label: r.label,
      requires: r.requires,
      ...(r.unverified ? { unverified: true } : {}),
      due: vietnamInstant(addDays(r.anchor === "start" ? start : end, r.offsetDays), r.time),
    }));
}

/** The rules of a calendar whose due day is a placeholder ("work-volume month results"), for a notice. */
export function unverifiedRules(calendar: ReportingCalendar): string[] {
  return Object.entries(calendar.kinds).flatMap(([kind, rules]) =>
    rules.filter((r) => r.unverified).map((r) => `${kind} ${r.periodKind} ${r.id}`),
  );
}
