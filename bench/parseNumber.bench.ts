/**
 * Parsing hostile number texts (parseVietnameseNumber and a cell's readText) ("1.1.1…x" of 100,000 characters, "999…9,"): the parser must stay
 * linear, so a clerk's pasted garbage or a crafted file cannot stall a check. Floor: one linear
 * regular-expression scan over the same texts, measured in the same run; the ratio says how many
 * such scans one parse costs, and would grow with the length if the parser went quadratic.
 */
import { readText } from "../src/domain/sheet/parseCellValue";
import { parseVietnameseNumber } from "../src/domain/sheet/parseVietnameseNumber";

function best(fn: () => void, runs = 5): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

export default async function bench(): Promise<void> {
  for (const n of [25_000, 50_000, 100_000]) {
    const texts = ["1" + ".1".repeat(n) + "x", "9".repeat(2 * n) + ",", "1,".repeat(n) + "5%"];
    const parse = best(() => texts.forEach((t) => (parseVietnameseNumber(t), readText(t))));
    const floor = best(() => texts.forEach((t) => /^[\d.,%\s]*$/.test(t)));
    console.log(
      `${(texts[0].length / 1000).toFixed(0)}k chars × 3 hostile texts: parse ${parse.toFixed(2)} ms, linear scan ${floor.toFixed(2)} ms, ratio ${(parse / Math.max(floor, 1e-3)).toFixed(1)}×`,
    );
  }
}
