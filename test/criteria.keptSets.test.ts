/**
 * The add-in's kept criteria sets (issue 13): signed in, the pane fetches the server's installed
 * versions into its own storage; with the server down they survive a reload, the pane's check and
 * the custom functions (no network from a function) keep judging by them, and the pane says which
 * version judged. With nothing kept, the built-in sets judge, as before.
 */
import * as path from "node:path";
import { keptSetsInUse, readKeptSetsFrom } from "../src/addin/criteria/keptSets";
import { MET, UNMET, status } from "../src/addin/functions/ntmFunctions";
import { NtmFunctionError } from "../src/addin/functions/functionError";
import type { KeyValueStore } from "../src/addin/sync/syncStorage";
import { SyncSession } from "../src/addin/sync/syncSession";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import type { CriteriaSet } from "../src/domain/criteria/schema";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { SET, openFixture, type Fixture } from "./serverFixture";
import { testEngines } from "./storeEngines";
import { withConfirmedTarget, withIndicator } from "./criteriaSetEdits";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/** The national set with 3.1 confirmed at ≥ 95 % (the sample has 92 %, its own target ≥ 80 %). */
function provinceSet(): CriteriaSet {
  const set = withConfirmedTarget(getCriteriaSet(SET)!, "3.1", 95, "QĐ tỉnh Hà Tĩnh");
  // And 2.2 confirmed for Bắc Trung Bộ only (Hà Tĩnh's region): ≥ 85 %.
  return withIndicator(set, "2.2", (i) => ({
    ...i,
    targets: {
      byRegion: { BTB: { value: 85, provenance: { decision: "QĐ tỉnh Hà Tĩnh", verified: true } } },
    },
  }));
}

const indicator31 = (r: ReturnType<typeof analyseWorkbook>) =>
  r.validation.indicators?.find((i) => i.code === "3.1")?.status;

describe("the add-in keeps the installed sets and judges by them offline", () => {
  let fx: Fixture;
  let label: string;
  const store = memoryStore();
  beforeAll(async () => {
    fx = await openFixture(testEngines[0]);
    label = (
      await fx.store.installCriteriaSet({ set: provinceSet(), installedBy: "tỉnh", inForceFrom: null })
    ).stored.label;
    readKeptSetsFrom(store);
  });
  afterAll(async () => {
    await fx.app.close().catch(() => undefined);
    await fx.cleanup();
    readKeptSetsFrom(memoryStore());
  });

  it("with nothing kept, the built-in sets judge (3.1 has no confirmed level: #N/A)", () => {
    expect(keptSetsInUse().sets).toEqual([]);
    const [[e]] = status([[0.96]], [["3.1"]], "", SET);
    expect(e).toBeInstanceOf(NtmFunctionError);
    expect(indicator31(analyseWorkbook(readWorkbookFile(SAMPLE)))).toBe("met");
  });

  it("signed in: fetches the installed versions; the pane's check and the functions judge by them", async () => {
    const sync = new SyncSession({ store });
    await sync.signIn(fx.base, fx.tokens.clerk);
    const outcome = await sync.refreshCriteriaSets();
    expect(outcome?.kind).toBe("fetched");
    expect(status([[0.96], [0.92]], [["3.1"], ["3.1"]], "", SET)).toEqual([[MET], [UNMET]]);
    const checked = analyseWorkbook(readWorkbookFile(SAMPLE));
    expect(indicator31(checked)).toBe("unmet");
    expect(checked.validation.set?.installed).toBe(label);
    // The clerk's commune is in Hà Tĩnh: its region is kept with the sets, and a function given no
    // region judges 2.2 by Bắc Trung Bộ's target, as the pane and the server do.
    expect(keptSetsInUse().kept?.region).toBe("BTB");
    expect(status([[0.86]], [["2.2"]], "", SET)).toEqual([[MET]]);
    expect(status([[0.86]], [["2.2"]], "BTB", SET)).toEqual([[MET]]);
    expect(status([[0.86]], [["2.2"]], "DBSH", SET)[0][0]).not.toBe(MET);
  });

  it("with the server down, a reloaded pane keeps judging by the kept version, and so do the functions", async () => {
    await fx.app.close();
    const reloaded = new SyncSession({ store }); // the pane opened again, same partitioned storage
    const outcome = await reloaded.refreshCriteriaSets();
    expect(outcome?.kind).toBe("offline");
    readKeptSetsFrom(store); // a fresh runtime reading the same storage
    expect(keptSetsInUse().sets.map((s) => s.id)).toContain(SET);
    expect(status([[0.96], [0.92]], [["3.1"], ["3.1"]], "", SET)).toEqual([[MET], [UNMET]]);
    const checked = analyseWorkbook(readWorkbookFile(SAMPLE));
    expect(indicator31(checked)).toBe("unmet");
    expect(checked.validation.set?.installed).toBe(label);
  });
});
