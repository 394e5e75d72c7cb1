/**
 * Evaluating 10,000 commune reports against vn-xa-ntm-2021-2025 (57 indicators each, workbook
 * targets and self-assessments as the reader gives them). Floor: a bare loop over the same values
 * doing one numeric comparison per indicator, measured in the same run, so the ratio says what the
 * engine's bookkeeping (target choice, gaps, roll-ups, findings) costs on this machine.
 */
import { getCriteriaSet } from "../src/domain/criteria/registry";
import { evaluate } from "../src/domain/evaluate";
import type { Report, ReportValue } from "../src/domain/report";

const REPORTS = 10_000;

/** Deterministic pseudo-random numbers, so every run measures the same work. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeReports(): Report[] {
  const set = getCriteriaSet("vn-xa-ntm-2021-2025")!;
  const rnd = lcg(42);
  const indicators = set.criteria.flatMap((c) => c.indicators);
  return Array.from({ length: REPORTS }, (_, k) => ({
    setId: set.id,
    period: "2023",
    region: "BTB",
    orgUnit: { name: `Xã ${k}` },
    values: indicators.map((ind): ReportValue => {
      const sa = rnd() < 0.8 ? "met" : "unmet";
      if (ind.kind === "yesno") {
        const good = ind.op === "=" ? false : true;
        return {
          code: ind.code,
          value: rnd() < 0.9 ? good : !good,
          workbookTarget: { text: "Đạt", op: "=", value: good },
          selfAssessment: sa,
          sheet: "Biểu 01",
          cell: `E${k % 90}`,
        };
      }
      const t = Math.round(rnd() * 40 + 60);
      const op = ind.op === "<=" ? "<=" : ">=";
      return {
        code: ind.code,
        value: Math.round(rnd() * 1000) / 10,
        unit: ind.unit,
        workbookTarget: { text: `${op} ${t}`, op, value: t, unit: ind.unit },
        selfAssessment: sa,
        sheet: "Biểu 01",
        cell: `E${k % 90}`,
      };
    }),
  }));
}

function floor(reports: Report[]): number {
  let met = 0;
  for (const r of reports)
    for (const v of r.values) {
      const t = v.workbookTarget?.value;
      if (
        typeof v.value === "number" && typeof t === "number"
          ? v.workbookTarget!.op === "<="
            ? v.value <= t
            : v.value >= t
          : v.value === t
      )
        met++;
    }
  return met;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

export default async function run(): Promise<void> {
  const set = getCriteriaSet("vn-xa-ntm-2021-2025")!;
  const reports = makeReports();
  // Warm both paths so the JIT has compiled them before timing.
  for (let i = 0; i < 3; i++) {
    floor(reports.slice(0, 500));
    for (const r of reports.slice(0, 500)) evaluate(set, r);
  }
  const base = time(() => floor(reports));
  const engine = time(() => {
    let findings = 0;
    let met = 0;
    for (const r of reports) {
      const ev = evaluate(set, r);
      findings += ev.findings.length;
      met += ev.set.met;
    }
    return { findings, met };
  });
  const perSec = (REPORTS / engine.ms) * 1000;
  console.log(`reports: ${REPORTS} × ${reports[0].values.length} indicators against ${set.id}`);
  console.log(
    `evaluate: ${engine.ms.toFixed(0)} ms, ${Math.round(perSec).toLocaleString("en")} reports/s, ${engine.result.findings} findings, ${engine.result.met} criteria met`,
  );
  console.log(
    `floor (bare comparison loop): ${base.ms.toFixed(1)} ms, ${Math.round((REPORTS / base.ms) * 1000).toLocaleString("en")} reports/s`,
  );
  console.log(`ratio evaluate/floor: ${(engine.ms / base.ms).toFixed(1)}×`);
}

if (require.main === module) void run();
