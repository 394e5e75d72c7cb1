import { getCriteriaSet } from "../src/domain/criteria/registry";
import { evaluate } from "../src/domain/evaluate";
import { workItemProgress } from "../src/domain/evaluate/workVolumes";
import { loadExpected, reportFromExpected } from "./criteriaSampleReport";

describe.each(["xa-son-hong-2023-tu-danh-gia", "xa-dinh-ban-2021-khong-dau"])("sample %s", (name) => {
  const e = loadExpected(name);
  const set = getCriteriaSet(e.set)!;
  const ev = evaluate(set, reportFromExpected(e));

  it("reproduces every indicator's met against the workbook's own target", () => {
    for (const i of e.indicators) {
      const r = ev.indicators.find((x) => x.code === i.code)!;
      const got = r.status === "unknown" ? null : r.status === "met";
      expect({ code: i.code, met: got }).toEqual({ code: i.code, met: i.met });
      if (i.met !== null) expect(r.targetSource).toBe(r.kind === "yesno" ? "workbook" : "workbook");
    }
  });

  it("finds exactly the planted self-assessment mismatches, at the self-assessment cell", () => {
    const mismatches = ev.findings
      .filter((f) => f.type === "self-assessment/mismatch")
      .map((f) => ({
        indicator: f.indicator,
        cell: f.cell,
        valueCell: f.params.valueCell,
        severity: f.severity,
      }));
    expect(mismatches).toEqual(
      e.expectedFindings.map((f: any) => ({
        indicator: f.indicator,
        cell: f.cell,
        valueCell: f.valueCell,
        severity: "error",
      })),
    );
    expect(ev.findings.filter((f) => f.type === "target/weaker-than-official")).toEqual([]);
  });

  it("rolls criteria up as the answer's summary does", () => {
    const s = e.summary;
    expect(ev.set.met).toBe(s.criteriaMet);
    expect(ev.set.unmet).toBe(s.criteriaUnmet);
    expect(ev.set.unknown).toBe(s.criteriaUnknown);
    expect(ev.criteriaNotMet).toEqual(s.unmetCriteria);
    expect(ev.set.status).toBe("unmet");
  });
});

describe("village model-area sample (thôn 2)", () => {
  const e = loadExpected("thon-2-kdc-kieu-mau-2023");
  const ev = evaluate(getCriteriaSet("ht-kdc-kieu-mau")!, reportFromExpected(e), { unitGoal: 80 });
  it("gives 4/12 items met, 33 %, and 46,7 points short of an 80 % goal", () => {
    const u = ev.units[0];
    expect(u.met).toBe(4);
    expect(u.total).toBe(12);
    expect(u.share).toBeCloseTo(e.units[0].progress, 4);
    expect(u.distanceToGoal).toBeCloseTo(80 - 100 / 3, 6);
    for (const i of e.indicators) {
      const r = u.items.find((x) => x.code === i.code)!;
      expect({ code: i.code, met: r.status === "unknown" ? null : r.status === "met" }).toEqual({
        code: i.code,
        met: i.met,
      });
    }
    expect(ev.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("criterion-level nâng cao sample (Kim Song Trường)", () => {
  const e = loadExpected("xa-kim-song-truong-2023-nang-cao");
  const ev = evaluate(getCriteriaSet(e.set)!, reportFromExpected(e));
  it("counts 4/20 criteria from the workbook's own assessments", () => {
    expect(ev.set.total).toBe(20);
    expect(ev.set.met).toBe(4);
    expect(ev.criteria.filter((c) => c.effective === "met").map((c) => c.code)).toEqual(
      e.summary.metCriteria,
    );
    expect(ev.criteria.every((c) => c.effectiveBasis === "self-assessment")).toBe(true);
  });
});

describe("work-volume sample (Hà Linh, 11/2022)", () => {
  const e = loadExpected("xa-ha-linh-2022-11-khoi-luong");
  it("computes cumulative / plan as the workbook's ratio column, and villages add up to the month", () => {
    for (const w of e.workItems) {
      const p = workItemProgress(w);
      expect(p.ratio).toBeCloseTo(w.ratio, 1);
      expect(p.byUnitMatchesDone).toBe(true);
    }
  });
});
