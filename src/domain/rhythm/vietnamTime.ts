/**
 * Vietnam's clock (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975, so a local
 * date and time converts to an instant by a fixed offset and no time-zone database is needed.
 * Which ISO week, month, quarter or year an instant falls in is decided by the Vietnamese calendar
 * day, not the UTC one: Sunday 23:30 in Hà Tĩnh is still that week even though UTC says 16:30.
 *
 * Invariants: `vietnamInstant(localParts(t))` is `t` to the minute; every instant lies in exactly
 * one ISO week, and `periodBounds(isoWeekOfInstant(t))` holds the Vietnamese day of `t`.
 * Instants are ISO-8601 strings; this module never reads the clock.
 */
import { periodStartDate } from "../sync/reportPeriod";

export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

export interface LocalDateTime {
  /** "2023-04-06" */
  date: string;
  /** "17:00" */
  time: string;
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function dateOfUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcMsOfDate(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** The Vietnamese wall-clock date, time and weekday of an instant. */
export function localParts(instant: string): LocalDateTime {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new Error(`thời điểm không hợp lệ / invalid instant: ${instant}`);
  const local = new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000);
  return {
    date: dateOfUtcMs(local.getTime()),
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** The instant (UTC, ISO-8601) of a Vietnamese wall-clock date and "HH:MM". */
export function vietnamInstant(date: string, time: string): string {
  const [h, min] = time.split(":").map(Number);
  return new Date(utcMsOfDate(date) + (h * 60 + min - VIETNAM_OFFSET_MINUTES) * 60_000).toISOString();
}

export function addDays(date: string, days: number): string {
  return dateOfUtcMs(utcMsOfDate(date) + days * DAY_MS);
}

/** ISO week ("2023-W14") holding a calendar date: the week's Thursday decides its year. */
export function isoWeekOfDate(date: string): string {
  const ms = utcMsOfDate(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = ms + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

export type PeriodKind = "week" | "month" | "quarter" | "year";

export function periodKindOf(period: string): PeriodKind {
  if (/-W\d{2}$/.test(period)) return "week";
  if (/-Q[1-4]$/.test(period)) return "quarter";
  if (/^\d{4}-\d{2}$/.test(period)) return "month";
  return "year";
}

/** The period of a kind that holds a Vietnamese calendar date. */
export function periodOfDate(date: string, kind: PeriodKind): string {
  const [y, m] = date.split("-").map(Number);
  switch (kind) {
    case "week":
      return isoWeekOfDate(date);
    case "month":
      return `${pad(y, 4)}-${pad(m)}`;
    case "quarter":
      return `${pad(y, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
    case "year":
      return pad(y, 4);
  }
}

/** The period of a kind an instant falls in, on Vietnam's calendar. */
export function periodOfInstant(instant: string, kind: PeriodKind): string {
  return periodOfDate(localParts(instant).date, kind);
}

/** First day of the period and the first day after it (Vietnamese calendar days). */
export function periodDays(period: string): { start: string; end: string } {
  const start = periodStartDate(period);
  const [y, m] = start.split("-").map(Number);
  switch (periodKindOf(period)) {
    case "week":
      return { start, end: addDays(start, 7) };
    case "month":
      return { start, end: dateOfUtcMs(Date.UTC(y, m, 1)) };
    case "quarter":
      return { start, end: dateOfUtcMs(Date.UTC(y, m + 2, 1)) };
    case "year":
      return { start, end: dateOfUtcMs(Date.UTC(y + 1, 0, 1)) };
  }
}

/** The period just before `period`, of the same kind ("2023-W01" → "2022-W52"). */
export function previousPeriod(period: string): string {
  return periodOfDate(addDays(periodDays(period).start, -1), periodKindOf(period));
}
