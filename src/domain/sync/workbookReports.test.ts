import fc from "fast-check";
import { villageKey, villageProgressFromValues, villageProgressToValues } from "../rhythm/villageProgress";
import type { OrgUnitDto } from "./protocol";
import { workbookReports, workbookSet, type WorkbookRead } from "./workbookReports";

const unit = (
  code: string,
  name: string,
  level: OrgUnitDto["level"],
  parentCode: string | null,
): OrgUnitDto => ({
  code,
  name,
  level,
  parentCode,
  validFrom: null,
  validTo: null,
  successorCode: null,
});

const checklist = (names: string[]): WorkbookRead => {
  const values = villageProgressToValues(
    names.map((name) => ({ name, met: 3, total: 10, share: 0.3, goal: 80, targetYear: 2023 })),
  );
  return {
    set: "ht-kdc-kieu-mau",
    values: {},
    rhythm: [{ kind: "village-progress", values, count: names.length }],
  };
};

const names = fc.uniqueArray(fc.stringMatching(/^(Thôn|Xóm|Bản) [1-9A-Z][a-zà-ỹ]{0,6}$/), {
  minLength: 1,
  maxLength: 12,
  selector: (n) => villageKey(n),
});

describe("workbookReports", () => {
  it("puts every village of a checklist in exactly one report: its own when the tree knows it, else the commune's", () => {
    fc.assert(
      fc.property(names, fc.func(fc.boolean()), (villages, known) => {
        const inTree = villages.filter((v) => known(v));
        const units = [
          unit("C1", "Xã Một", "commune", "D1"),
          ...inTree.map((v, i) => unit(`C1-${i}`, v, "village", "C1")),
          // A village of another commune with the same name is not this commune's.
          ...villages.map((v, i) => unit(`C2-${i}`, v, "village", "C2")),
        ];
        const { reports, villagesHeld } = workbookReports(checklist(villages), "C1", units);
        expect(villagesHeld).toBeUndefined();
        const placed = reports.flatMap((r) =>
          villageProgressFromValues(r.values).map((p) => [p.name, r.org] as const),
        );
        expect(placed.map(([n]) => n).sort()).toEqual([...villages].sort());
        for (const [name, org] of placed)
          expect(org).toBe(inTree.includes(name) ? `C1-${inTree.indexOf(name)}` : "C1");
        expect(reports.every((r) => r.set === "village-progress")).toBe(true);
      }),
    );
  });

  it("holds the village progress back whole, counted, when there is no village list", () => {
    fc.assert(
      fc.property(names, (villages) => {
        expect(workbookReports(checklist(villages), "C1", undefined)).toEqual({
          reports: [],
          villagesHeld: villages.length,
        });
      }),
    );
  });

  it("sends the criteria values first, and no empty criteria report for a rhythm-only workbook", () => {
    const values = { "1.1": { value: 90, unit: "%" } };
    const wv = { kind: "work-volume" as const, values: { "wi-a:done": { value: 3, unit: "km" } }, count: 1 };
    const both: WorkbookRead = { set: "vn-xa-ntm-2021-2025", values, rhythm: [wv] };
    expect(workbookReports(both, "C1", undefined).reports.map((r) => r.set)).toEqual([
      "vn-xa-ntm-2021-2025",
      "work-volume",
    ]);
    expect(workbookSet(both)).toBe("vn-xa-ntm-2021-2025");
    const rhythmOnly: WorkbookRead = { set: "vn-xa-ntm-2021-2025", values: {}, rhythm: [wv] };
    expect(workbookReports(rhythmOnly, "C1", undefined).reports.map((r) => r.set)).toEqual(["work-volume"]);
    expect(workbookSet(rhythmOnly)).toBe("work-volume");
    // A criteria workbook with no value read still sends its (empty) report: nothing else stands for it.
    const blank: WorkbookRead = { set: "vn-xa-ntm-2021-2025", values: {}, rhythm: [] };
    expect(workbookReports(blank, "C1", undefined).reports).toEqual([
      { set: "vn-xa-ntm-2021-2025", org: "C1", values: {} },
    ]);
  });
});
