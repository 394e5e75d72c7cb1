/**
 * Report periods (year "2023", quarter "2023-Q2", month "2023-11", ISO week "2023-W05") and the
 * first day each covers, which decides which org unit a code meant at the time (codes were reused
 * after the 01/07/2025 reform).
 */
export function periodStartDate(period: string): string {
  const y = Number(period.slice(0, 4));
  let m = /^\d{4}-Q([1-4])$/.exec(period);
  if (m) return isoDate(y, (Number(m[1]) - 1) * 3 + 1, 1);
  m = /^\d{4}-(\d{2})$/.exec(period);
  if (m) return isoDate(y, Number(m[1]), 1);
  m = /^\d{4}-W(\d{2})$/.exec(period);
  if (m) return isoWeekMonday(y, Number(m[1]));
  if (/^\d{4}$/.test(period)) return isoDate(y, 1, 1);
  throw new Error(`kỳ báo cáo không hợp lệ / invalid period: ${period}`);
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
