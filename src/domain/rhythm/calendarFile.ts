/**
 * A province's reporting calendar from the JSON an administrator writes (`ntm admin calendar set`,
 * `PUT /api/calendars/{province}`): validated by the domain's schema, each problem told with where
 * it is ("kinds.work-volume[1].time") and what to write, Vietnamese first.
 * Invariant: a calendar with any problem is not returned, so a bad rule can never judge anyone late.
 */
import type { z } from "zod";
import type { InputProblem } from "./periodTargetsFile";
import { reportingCalendarSchema, type ReportingCalendar } from "./reportingCalendar";

export interface CalendarReading {
  calendar?: ReportingCalendar;
  problems: InputProblem[];
}

function where(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
}

/** What an issue means for the person, Vietnamese and English. */
function sayIssue(issue: z.core.$ZodIssue): { vi: string; en: string } {
  const custom = /^(.*) \/ (.*)$/.exec(issue.message);
  if (custom) return { vi: custom[1], en: custom[2] };
  switch (issue.code) {
    case "invalid_type":
      return {
        vi: `cần ${issue.expected}${issue.input === undefined ? " (đang thiếu)" : ""}`,
        en: `expected ${issue.expected}${issue.input === undefined ? " (missing)" : ""}`,
      };
    case "invalid_value":
      return {
        vi: `chỉ nhận một trong: ${issue.values.map(String).join(", ")}`,
        en: `must be one of: ${issue.values.map(String).join(", ")}`,
      };
    case "too_small":
      return {
        vi: `quá nhỏ hoặc rỗng (tối thiểu ${issue.minimum})`,
        en: `too small or empty (minimum ${issue.minimum})`,
      };
    case "too_big":
      return { vi: `quá lớn (tối đa ${issue.maximum})`, en: `too big (maximum ${issue.maximum})` };
    case "unrecognized_keys":
      return {
        vi: `khóa không dùng: ${issue.keys.join(", ")}`,
        en: `unknown keys: ${issue.keys.join(", ")}`,
      };
    default:
      return { vi: `không hợp lệ (${issue.message})`, en: `invalid (${issue.message})` };
  }
}

/** Checks a parsed calendar (a request body, or JSON read from a file). */
export function checkCalendar(data: unknown): CalendarReading {
  const parsed = reportingCalendarSchema.safeParse(data);
  if (parsed.success) return { calendar: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      const at = where(issue.path) || "(gốc / root)";
      const s = sayIssue(issue);
      return { column: at, vi: `${at}: ${s.vi}`, en: `${at}: ${s.en}` };
    }),
  };
}

export function readCalendarText(text: string): CalendarReading {
  try {
    return checkCalendar(JSON.parse(text.replace(/^\ufeff/, "")));
  } catch (e) {
    const why = (e as Error).message;
    return { problems: [{ vi: `Tệp JSON không đọc được: ${why}`, en: `Unreadable JSON: ${why}` }] };
  }
}
