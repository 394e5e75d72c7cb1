/**
 * Dates as communes write them ("15/11/2023", "5/3/2022", "15-11-2023") and Excel serial numbers.
 * Invariant: day-first always (Vietnamese order); an impossible date (31/02) is not a date.
 */

/** ISO date "yyyy-mm-dd", or undefined when the text is not a valid dd/mm/yyyy date. */
export function parseVietnameseDate(text: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

function isoDate(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Excel serial (1900 date system; serial 60 is Excel's phantom 29/02/1900) to an ISO date. */
export function excelSerialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const whole = Math.floor(serial);
  const adjusted = whole > 60 ? whole - 1 : whole; // skip the phantom leap day
  const ms = Date.UTC(1899, 11, 31) + adjusted * 86400000;
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** True when a number format code formats dates (d, m, y tokens outside quotes and brackets). */
export function isDateFormat(z: string | undefined): boolean {
  if (!z || z === "General") return false;
  const bare = z
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (bare.includes("#") || bare.includes("0") || bare.includes("%")) return false;
  return /[dy]/.test(bare) || /m{1,4}/.test(bare);
}
