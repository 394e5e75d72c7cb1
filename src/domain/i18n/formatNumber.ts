/**
 * Numbers for people: Vietnamese "1.680", "0,8", "29,68"; English "1,680", "0.8".
 * Invariant: at most `maxDecimals` decimals, trailing zeros dropped, no "-0".
 */
export type Lang = "vi" | "en";

export function formatNumber(n: number, lang: Lang, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [int, fracRaw = ""] = fixed.split(".");
  const frac = fracRaw.replace(/0+$/, "");
  const sep = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  let grouped = "";
  for (let k = 0; k < int.length; k++) {
    if (k > 0 && (int.length - k) % 3 === 0) grouped += sep;
    grouped += int[k];
  }
  const body = frac ? `${grouped}${dec}${frac}` : grouped;
  const isZero = Number(int) === 0 && frac === "";
  return n < 0 && !isZero ? `-${body}` : body;
}

/**
 * A number as a person types it into a cell: every digit it has, no thousands separator, the
 * language's decimal mark ("1680,25" / "1680.25"); what a cell written with it reads back as.
 */
export function formatDecimal(n: number, lang: Lang = "vi"): string {
  const s = String(n);
  return lang === "vi" ? s.replace(".", ",") : s;
}

/** A quantity with its unit: "18 %", "0,8 km", "45,2 triệu đồng/người/năm". */
export function formatQuantity(n: number, unit: string | null | undefined, lang: Lang): string {
  return unit ? `${formatNumber(n, lang)} ${unit}` : formatNumber(n, lang);
}
