/**
 * The reader on layouts nobody described (issue 12 items 2, 3, 5): ≥ 500 workbooks composed by the
 * seeded generator (scripts/layoutGenerator.ts) are read through the path `ntm validate` takes, and
 * every indicator of each answer must come back with the right code, value, cell and
 * self-assessment (≥ 98 % overall), every planted self-assessment mismatch must be reported at its
 * cell, and villages' progress must match. The share right is printed by kind of transformation, so
 * a regression says which way of writing a table it broke.
 */
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";
import { generateLayouts, type LayoutAnswer } from "../scripts/layoutGenerator";
import { scoreLayout, type LayoutScore } from "./layoutScore";

const COUNT = Number(process.env.NTM_LAYOUTS ?? 520);

describe("generated layouts", () => {
  const scores: { answer: LayoutAnswer; score: LayoutScore }[] = [];
  beforeAll(() => {
    for (const g of generateLayouts(COUNT, Number(process.env.NTM_LAYOUT_SEED ?? 1))) {
      const result = validateWorkbook(g.answer.file, readWorkbookBuffer(g.bytes, g.answer.file));
      scores.push({ answer: g.answer, score: scoreLayout(g.answer, result) });
    }
  });

  it(`reads ≥ 98 % of the indicators right and reports every planted finding`, () => {
    const sum = (k: Exclude<keyof LayoutScore, "problems">) => scores.reduce((n, s) => n + s.score[k], 0);
    const [right, total, findings, found] = [
      sum("right"),
      sum("total"),
      sum("findingsPlanted"),
      sum("findingsFound"),
    ];
    const [targets, targetsRight, units, unitsRight] = [
      sum("targetsTotal"),
      sum("targetsRight"),
      sum("unitsTotal"),
      sum("unitsRight"),
    ];
    const byTrait = new Map<string, { right: number; total: number; missed: number }>();
    for (const { answer, score } of scores) {
      for (const t of answer.traits) {
        const b = byTrait.get(t) ?? { right: 0, total: 0, missed: 0 };
        b.right += score.right;
        b.total += score.total;
        b.missed += score.findingsPlanted - score.findingsFound;
        byTrait.set(t, b);
      }
    }
    const lines = [...byTrait.entries()]
      .sort((a, b) => a[1].right / a[1].total - b[1].right / b[1].total)
      .map(
        ([t, b]) =>
          `${t}: ${((100 * b.right) / b.total).toFixed(1)} % of ${b.total}, findings missed ${b.missed}`,
      );
    const worst = scores
      .filter((s) => s.score.right < s.score.total || s.score.findingsFound < s.score.findingsPlanted)
      .slice(0, 8)
      .map(
        (s) => `${s.answer.file} [${s.answer.traits.join(" ")}]: ${s.score.problems.slice(0, 4).join("; ")}`,
      );
    console.log(
      `${scores.length} layouts: ${right}/${total} indicators right (${((100 * right) / total).toFixed(2)} %), ` +
        `planted findings reported ${found}/${findings}, applicable target cells ${targetsRight}/${targets}, ` +
        `villages' progress ${unitsRight}/${units}\n${lines.join("\n")}\n${worst.join("\n")}`,
    );
    expect(scores.length).toBeGreaterThanOrEqual(500);
    expect(right / total).toBeGreaterThanOrEqual(0.98);
    expect(found).toBe(findings);
    expect(targetsRight / targets).toBeGreaterThanOrEqual(0.98);
    expect(unitsRight).toBe(units);
  });
});
