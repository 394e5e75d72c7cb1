/**
 * Writes a number the Vietnamese way ("1.234.567,89"): the inverse of parseVietnameseNumber for
 * plain numbers, used in messages and by the property tests.
 */
export function formatVietnameseNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [int, fracRaw = ""] = fixed.split(".");
  const frac = fracRaw.replace(/0+$/, "");
  let grouped = "";
  for (let k = 0; k < int.length; k++) {
    if (k > 0 && (int.length - k) % 3 === 0) grouped += ".";
    grouped += int[k];
  }
  const body = frac ? `${grouped},${frac}` : grouped;
  return negative && (Number(int) > 0 || frac) ? `-${body}` : body;
}
