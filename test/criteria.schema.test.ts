import { parseCriteriaSet, CriteriaSetError } from "../src/domain/criteria/schema";
import { getCriteriaSet, listCriteriaSets } from "../src/domain/criteria/registry";
import { allTargets, describeCriteriaSet } from "../src/domain/criteria/describeCriteriaSet";

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

describe("criteria-set schema", () => {
  const national = getCriteriaSet("vn-xa-ntm-2021-2025")!;

  it("ships the national set with 19 criteria and 57 indicators over 7 regions", () => {
    expect(national.criteria).toHaveLength(19);
    expect(national.criteria.flatMap((c) => c.indicators)).toHaveLength(57);
    expect(national.regions).toEqual(["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"]);
    expect(national.specialStatusRules?.[0].useRegion).toBe("TDMNPB");
  });

  it("never ships a number as a target unless it is verified (recollections stay hints)", () => {
    for (const set of listCriteriaSets())
      for (const t of allTargets(set))
        if (typeof t.value === "number") expect(t.provenance.verified).toBe(true);
    const hinted = allTargets(getCriteriaSet("vn-xa-ntm-2021-2025")!).filter((t) => t.unverifiedHint);
    expect(hinted.length).toBeGreaterThan(0);
    for (const t of hinted) expect(t.value).toBeNull();
  });

  it("counts unverified and empty targets per set", () => {
    const n = describeCriteriaSet(national);
    expect(n).toMatchObject({ criteria: 19, indicators: 57 });
    expect(n.unverifiedTargets).toBe(n.targets);
    expect(n.emptyTargets).toBeGreaterThan(0);
    expect(describeCriteriaSet(getCriteriaSet("vn-xa-ntm-kieu-mau-2021-2025")!).unverifiedTargets).toBe(0);
  });

  it.each([
    [["criteria", 3, "indicators", 0, "op"], "=>", "criteria[3].indicators[0].op"],
    [["criteria", 0, "indicators", 1, "kind"], "boolean", "criteria[0].indicators[1].kind"],
    [["criteria", 2, "rollup"], { rule: "atLeast", n: 9 }, "criteria[2].rollup.n"],
    [["criteria", 1, "code"], "1", "criteria[1].code"],
    [["level"], "province", "level"],
  ])("names the path of a bad value at %j", (path, bad, expected) => {
    const data = clone(national) as unknown as Record<string, unknown>;
    let at: any = data;
    for (const p of path.slice(0, -1)) at = at[p as string];
    at[path[path.length - 1] as string] = bad;
    let err: unknown;
    try {
      parseCriteriaSet(data);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CriteriaSetError);
    expect((err as CriteriaSetError).issues.map((i) => i.path)).toContain(expected);
    expect((err as Error).message).toContain(expected);
  });

  it("rejects a percent target written as text, naming the target path", () => {
    const data = clone(national) as any;
    data.criteria[1].indicators[1].targets.byRegion.BTB.value = "90%";
    expect(() => parseCriteriaSet(data)).toThrow("criteria[1].indicators[1].targets.byRegion.BTB.value");
  });
});
