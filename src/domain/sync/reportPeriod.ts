/**
 * Report periods (year "2023", quarter "2023-Q2", month "2023-11", ISO week "2023-W05") and the
 * first day each covers, which decides which org unit a code meant at the time (codes were reused
 * after the 01/07/2025 reform).
 *
 * Only periods that exist are periods: week 53 only in the ISO years that have one (2020, 2026 —
 * not 2024), and years from REPORT_YEAR_MIN to REPORT_YEAR_MAX. The programme began in 2010, so
 * 2000 leaves room for baselines entered after the fact; 2100 is far past any plan. "0000" and
 * "9999" are typing accidents that would otherwise be stored as reports for ever.
 */
export const REPORT_YEAR_MIN = 2000;
export const REPORT_YEAR_MAX = 2100;

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

/** Why `period` is not a period we store, in both languages, or undefined when it is one. */
export function periodProblem(period: string): string | undefined {
  const m = PERIOD.exec(period);
  if (!m)
    return `kỳ "${period}" không đúng dạng YYYY, YYYY-Qn, YYYY-MM hoặc YYYY-Www / period "${period}" is not YYYY, YYYY-Qn, YYYY-MM or YYYY-Www`;
  const year = Number(m[1]);
  if (year < REPORT_YEAR_MIN || year > REPORT_YEAR_MAX)
    return `năm ${m[1]} nằm ngoài ${REPORT_YEAR_MIN}–${REPORT_YEAR_MAX} / year ${m[1]} is outside ${REPORT_YEAR_MIN}–${REPORT_YEAR_MAX}`;
  if (m[4] && Number(m[4]) > isoWeeksIn(year))
    return `năm ${year} chỉ có ${isoWeeksIn(year)} tuần ISO, không có tuần ${m[4]} / ${year} has ${isoWeeksIn(year)} ISO weeks, there is no week ${m[4]}`;
  return undefined;
}

export function isValidPeriod(period: string): boolean {
  return periodProblem(period) === undefined;
}

/** 52 or 53: the ISO week that holds 28 December is the year's last. */
export function isoWeeksIn(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // Sunday = 0
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

export function periodStartDate(period: string): string {
  const problem = periodProblem(period);
  if (problem) throw new Error(`kỳ báo cáo không hợp lệ / invalid period: ${problem}`);
  const y = Number(period.slice(0, 4));
  let m = /^\d{4}-Q([1-4])$/.exec(period);
  if (m) return isoDate(y, (Number(m[1]) - 1) * 3 + 1, 1);
  m = /^\d{4}-(\d{2})$/.exec(period);
  if (m) return isoDate(y, Number(m[1]), 1);
  m = /^\d{4}-W(\d{2})$/.exec(period);
  if (m) return isoWeekMonday(y, Number(m[1]));
  return isoDate(y, 1, 1);
}

/**
 * Whether a unit existed on a period's first day: "ended" when the day is on or after its end
 * (a 2023 commune code for 2026), "not-yet" before its start; undefined when it existed then.
 */
export function unitLifetimeAt(
  unit: { valid_from: string | null; valid_to: string | null },
  date: string,
): "ended" | "not-yet" | undefined {
  if (unit.valid_to && date >= unit.valid_to) return "ended";
  if (unit.valid_from && date < unit.valid_from) return "not-yet";
  return undefined;
}

function isoDate(y: number, month: number, day: number): string {
  return `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Monday of ISO week `w` of ISO year `y` (week 1 holds 4 January). */
function isoWeekMonday(y: number, w: number): string {
  const jan4 = Date.UTC(y, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(jan4 - jan4Weekday * 86400000 + (w - 1) * 7 * 86400000);
  return isoDate(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}
