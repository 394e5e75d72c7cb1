/**
 * Issue 13's Bar, end to end: the national set exported as an authoring workbook, three targets
 * changed as a province would type them (one general as the text "92.5", one by region, one by
 * year and region; the 2021–2025 set has no commune groups),
 * installed into a real SQLite store with `ntm admin criteria install` — and then the same commune
 * workbook is judged by the new targets in `ntm validate --server`, in the server's evaluation of a
 * push and in the server's consolidation, each naming the version. Also: an installed version
 * cannot be changed (a trigger, on each engine), only superseded; the version in force by period.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { SyncClient } from "../src/client/syncClient";
import { exportAuthoringWorkbook } from "../src/domain/criteria/authoring";
import { targetEntries as targetEntriesOf } from "../src/domain/criteria/authoring/exportAuthoringWorkbook";
import { versionInForce, type CriteriaSetVersion } from "../src/domain/criteria/criteriaSetVersion";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import type { CriteriaSet } from "../src/domain/criteria/schema";
import { periodStartDate } from "../src/domain/sync/reportPeriod";
import { authoringWorkbookFromGrids } from "../src/io/xlsx/authoringWorkbook";
import type { CellValue } from "../src/domain/sheet/grid";
import { pushArgs, runCli } from "./cliRunner";
import { withConfirmedTarget } from "./criteriaSetEdits";
import { IN_COMMUNE, SET, bearer, describeOnEachEngine, openFixture, type Fixture } from "./serverFixture";
import { testEngines } from "./storeEngines";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const PROVINCE_DECISION = "QĐ 12/2023/QĐ-UBND tỉnh Hà Tĩnh";

/**
 * The sample's values against the changed targets (its own targets in brackets):
 * 3.1 is 92 % [≥ 80 %: met] → "92.5" → unmet; 10 (income) is 45,2 [≥ 47: unmet] → 45 for
 * Bắc Trung Bộ in 2023 → met;
 * 2.2 is 88,6 % [≥ 90 %: unmet] → 85 for Bắc Trung Bộ (Hà Tĩnh's region) → met.
 * The server knows the region from the commune's province, and says it in /api/me: `ntm validate
 * --server` judges regional targets by the region of the token's scope, as the push is judged.
 */
const EDITS: { code: string; column: string; value: CellValue; before: string; after: string }[] = [
  { code: "3.1", column: "target", value: "92.5", before: "met", after: "unmet" },
  {
    code: "10",
    column: "target::2023::BTB",
    value: "45 triệu đồng/người/năm",
    before: "unmet",
    after: "met",
  },
  { code: "2.2", column: "target::BTB", value: 85, before: "unmet", after: "met" },
];

/** The exported workbook with the three targets typed in, sourced to the province's decision. */
function authoredBook(file: string): void {
  const book = exportAuthoringWorkbook(getCriteriaSet(SET)!);
  const sheet = book.sheets.find((s) => s.sheet === "indicators")!;
  const col = (name: string) => sheet.cells[0].findIndex((c) => c?.v === name);
  for (const e of EDITS) {
    const row = sheet.cells.find((r) => r[col("code")]?.v === e.code)!;
    row[col(e.column)] = { v: e.value };
    row[col("source")] = { v: PROVINCE_DECISION };
    row[col("verified")] = { v: true };
  }
  XLSX.writeFile(authoringWorkbookFromGrids(book), file, { bookType: "xlsx" });
}

function statuses(indicators: { code: string; status: string }[]): Record<string, string> {
  return Object.fromEntries(indicators.map((i) => [i.code, i.status]));
}

describe("a target changed in an authored workbook and installed changes every host's verdict", () => {
  let fx: Fixture;
  let dir: string;
  const cacheBefore = process.env.NTM_CACHE_DIR;
  beforeAll(async () => {
    fx = await openFixture(testEngines[0]); // SQLite: the store file the CLI installs into
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-installed-"));
    process.env.NTM_CACHE_DIR = path.join(dir, "cache");
  });
  afterAll(async () => {
    await fx.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
    if (cacheBefore === undefined) delete process.env.NTM_CACHE_DIR;
    else process.env.NTM_CACHE_DIR = cacheBefore;
  });

  const validate = async () => {
    const r = await runCli(["validate", SAMPLE, "--server", fx.base, "--token", fx.tokens.clerk, "--json"]);
    expect(r.code).toBeLessThan(2);
    // No --region: the clerk's commune is in Hà Tĩnh, Bắc Trung Bộ; said once on stderr.
    expect(r.err).toMatch(/Mức theo vùng: vùng BTB của phạm vi bạn trên máy chủ/);
    return JSON.parse(r.out)[0];
  };

  it("judges by the installed version in validate --server, a push's evaluation and consolidation", async () => {
    expect((await new SyncClient({ baseUrl: fx.base, token: fx.tokens.clerk }).me()).region).toBe("BTB");
    const before = statuses((await validate()).indicators);
    for (const e of EDITS) expect([e.code, before[e.code]]).toEqual([e.code, e.before]);

    const book = path.join(dir, "bo-tieu-chi-ha-tinh.xlsx");
    authoredBook(book);
    const location = (fx.store.opened.sqlite as { name: string }).name;
    const installed = await runCli([
      "admin",
      "criteria",
      "install",
      book,
      "--db",
      location,
      "--in-force-from",
      "2023-01-01",
      "--by",
      "VPĐP NTM tỉnh Hà Tĩnh",
    ]);
    expect(installed.code).toBe(0);
    // "92.5" is read as 92.5 and said to be ambiguous at its cell, never as 925.
    expect(installed.err).toMatch(/\[indicators, row \d+, column target\] "92\.5" was read as 92\.5/);
    const label = /installed (vn-xa-ntm-2021-2025 @ [0-9a-f]{7} \(từ 01\/01\/2023\))/.exec(
      installed.out,
    )?.[1];
    expect(label).toBeDefined();
    // How far its targets are confirmed, said on install: three of them now are.
    const set = getCriteriaSet(SET)!;
    const total = set.criteria.flatMap((c) => c.indicators).flatMap((i) => targetEntriesOf(i)).length;
    expect(installed.out).toMatch(new RegExp(`  (\\d+)/${total} mức chưa xác minh / targets unverified`));
    expect(Number(/ {2}(\d+)\/\d+ mức chưa xác minh/.exec(installed.out)![1])).toBeLessThan(total);

    // 1. ntm validate --server: the new general targets judge the file, and the output names the version.
    const after = await validate();
    expect(after.set.installed).toBe(label);
    const afterStatus = statuses(after.indicators);
    for (const e of EDITS) expect([e.code, afterStatus[e.code]]).toEqual([e.code, e.after]);
    const text = await runCli(["validate", SAMPLE, "--server", fx.base, "--token", fx.tokens.clerk]);
    expect(text.out).toContain(`phiên bản ${label}`);

    // 2. A push: the server judges it by the version in force for 2023, Hà Tĩnh's region included.
    const copy = path.join(dir, "son-hong.xlsx");
    fs.copyFileSync(SAMPLE, copy);
    const pushed = await runCli(pushArgs(copy, fx.base, fx.tokens.clerk, { org: IN_COMMUNE }));
    expect(pushed.code).toBe(0);
    const view = await new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer }).getReport({
      org: IN_COMMUNE,
      set: SET,
      period: "2023",
    });
    const evaluation = view.head!.evaluation;
    expect(evaluation.judgedBy?.label).toBe(label);
    for (const e of EDITS) expect([e.code, evaluation.indicators[e.code].status]).toEqual([e.code, e.after]);

    // 3. Consolidation: the row of Sơn Hồng carries the new verdicts and names the version.
    const c = await fx.call({
      url: `/api/consolidation?set=${SET}&period=2023&under=439`,
      headers: bearer(fx.tokens.office),
    });
    expect(c.statusCode).toBe(200);
    const row = c.json().communes.find((r: { org: string }) => r.org === IN_COMMUNE);
    expect(c.json().setVersion).toBe(label);
    expect(row.judgedBy).toBe(label);
    expect(row.criteria["3"]).toBe("unmet"); // 3.1 now unmet
    expect(row.criteria["10"]).toBe("met"); // income now met
  });

  it("says so when every target of an installed set is confirmed", async () => {
    const confirmed = JSON.parse(JSON.stringify(getCriteriaSet("ht-vuon-mau")!)) as CriteriaSet;
    const confirm = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(confirm);
      else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (o.provenance && typeof o.provenance === "object")
          (o.provenance as { verified: boolean }).verified = true;
        Object.values(o).forEach(confirm);
      }
    };
    confirm(confirmed.criteria);
    const file = path.join(dir, "vuon-mau-xac-nhan.json");
    fs.writeFileSync(file, JSON.stringify(confirmed));
    const location = (fx.store.opened.sqlite as { name: string }).name;
    const r = await runCli(["admin", "criteria", "install", file, "--db", location]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ {2}mọi mức \(\d+\) đã xác nhận \/ all \d+ targets confirmed/);
  });

  it("judges a push for a period before the version's day by the version in force then", async () => {
    const copy = path.join(dir, "son-hong-2022.xlsx");
    fs.copyFileSync(SAMPLE, copy);
    const pushed = await runCli(
      pushArgs(copy, fx.base, fx.tokens.clerk, { org: IN_COMMUNE, period: "2022" }),
    );
    expect(pushed.code).toBe(0);
    const view = await new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer }).getReport({
      org: IN_COMMUNE,
      set: SET,
      period: "2022",
    });
    const builtIn = (await fx.store.criteriaSetVersions(SET)).find((v) => v.inForceFrom === null)!;
    expect(view.head!.evaluation.judgedBy?.label).toBe(builtIn.label);
    expect(view.head!.evaluation.indicators["3.1"].status).toBe("met"); // the commune's own ≥ 80 %
  });

  it("serves the versions: the list with hashes and days, one by hash, 404 for an unknown one", async () => {
    const list = (await fx.call({ url: "/api/criteria-sets", headers: bearer(fx.tokens.clerk) })).json();
    const mine = list.versions.filter((v: { id: string }) => v.id === SET);
    expect(mine.map((v: { inForceFrom: string | null }) => v.inForceFrom)).toEqual([null, "2023-01-01"]);
    expect(list.sets.find((s: { id: string }) => s.id === SET).hash).toBe(mine[1].hash);
    const one = await fx.call({
      url: `/api/criteria-sets/${SET}?version=${mine[0].hash.slice(0, 7)}`,
      headers: bearer(fx.tokens.clerk),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ hash: mine[0].hash, label: mine[0].label });
    expect(one.json().definition).toEqual(getCriteriaSet(SET));
    const none = await fx.call({
      url: `/api/criteria-sets/${SET}?version=0000000`,
      headers: bearer(fx.tokens.clerk),
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toBe("unknown-criteria-set");
  });

  it("lists the installed version as the one in force, beside the built-in one", async () => {
    const location = (fx.store.opened.sqlite as { name: string }).name;
    const r = await runCli(["admin", "criteria", "list", SET, "--db", location]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").filter((l) => l.includes(SET));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}vn-xa-ntm-2021-2025 @ [0-9a-f]{7} .*có sẵn \/ built-in/);
    expect(lines[1]).toMatch(
      /^\* vn-xa-ntm-2021-2025 @ [0-9a-f]{7} \(từ 01\/01\/2023\).*VPĐP NTM tỉnh Hà Tĩnh/,
    );
  });

  it("re-evaluates stored reports with a newer version on demand, without a new revision", async () => {
    const location = (fx.store.opened.sqlite as { name: string }).name;
    // A second province version for 2023, from the first: 3.1 at a level the commune meets (≥ 90 %).
    const set = (await fx.store.setInForce(SET, "2023"))!.definition as CriteriaSet;
    const changed = withConfirmedTarget(set, "3.1", 90, PROVINCE_DECISION);
    const file = path.join(dir, "set-v2.json");
    fs.writeFileSync(file, JSON.stringify(changed));
    const installed = await runCli([
      "admin",
      "criteria",
      "install",
      file,
      "--db",
      location,
      "--in-force-from",
      "2023-01-01",
    ]);
    expect(installed.code).toBe(0);
    const label = /installed (\S+ @ [0-9a-f]{7} \(từ 01\/01\/2023\))/.exec(installed.out)![1];
    const consolidation = async () =>
      (
        await fx.call({
          url: `/api/consolidation?set=${SET}&period=2023&under=439`,
          headers: bearer(fx.tokens.office),
        })
      ).json();
    const before = (await consolidation()).communes.find((r: { org: string }) => r.org === IN_COMMUNE);
    expect(before.criteria["3"]).toBe("unmet"); // stored results stay until re-evaluated

    const r = await runCli(["admin", "criteria", "reevaluate", SET, "--db", location]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 re-evaluated, 1 with a changed count of criteria met; no new revision/);
    expect(r.out).toContain(
      `18139 2023 bản/rev 1: ${before.criteriaMet} → ${before.criteriaMet + 1}/19 (${label})`,
    );
    const after = (await consolidation()).communes.find((r: { org: string }) => r.org === IN_COMMUNE);
    expect(after).toMatchObject({ revision: 1, judgedBy: label, criteriaMet: before.criteriaMet + 1 });
    expect(after.criteria["3"]).toBe("met");
    // Run again: nothing left to re-evaluate.
    expect((await runCli(["admin", "criteria", "reevaluate", SET, "--db", location])).out).toMatch(
      /0 re-evaluated/,
    );
  });

  it("refuses to install a workbook with errors, each at its cell, and installs nothing", async () => {
    const book = exportAuthoringWorkbook(getCriteriaSet(SET)!);
    const sheet = book.sheets.find((s) => s.sheet === "indicators")!;
    const target = sheet.cells[0].findIndex((c) => c?.v === "target");
    sheet.cells[5][target] = { v: "30–35 %" };
    const file = path.join(dir, "loi.xlsx");
    XLSX.writeFile(authoringWorkbookFromGrids(book), file, { bookType: "xlsx" });
    const location = (fx.store.opened.sqlite as { name: string }).name;
    const count = (await fx.store.criteriaSetVersions(SET)).length;
    const r = await runCli(["admin", "criteria", "install", file, "--db", location]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[indicators, hàng 6, cột target\] "30–35 %" là một khoảng/);
    expect((await fx.store.criteriaSetVersions(SET)).length).toBe(count);
  });
});

describeOnEachEngine("an installed version cannot be changed, only superseded", (fx, engine) => {
  it(`refuses UPDATE and DELETE of a stored version (${engine.name} trigger)`, async () => {
    const [v] = await fx.store.criteriaSetVersions(SET);
    // The message, not the error's class: better-sqlite3 makes its errors in the realm of the first
    // test file that loaded it, so instanceof-based matchers miss them in later files.
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => "not refused",
        (e: Error) => e.message,
      );
    expect(
      await refusal(
        fx.store.db.updateTable("criteria_sets").set({ name: "sửa" }).where("id", "=", SET).execute(),
      ),
    ).toMatch(/cannot be changed/);
    expect(
      await refusal(fx.store.db.deleteFrom("criteria_sets").where("content_hash", "=", v.hash).execute()),
    ).toMatch(/cannot be changed/);
    expect((await fx.store.findCriteriaSetVersion(SET, v.hash))?.name).toBe(v.name);
  });

  it("a changed set is a new version; the old one stays readable and in force for earlier periods", async () => {
    const base = getCriteriaSet(SET)!;
    const changed = { ...base, note: "bản của tỉnh" };
    const r = await fx.store.installCriteriaSet({
      set: changed,
      installedBy: "tỉnh",
      inForceFrom: "2024-07-01",
    });
    expect(r.kind).toBe("installed");
    expect(
      (await fx.store.installCriteriaSet({ set: changed, installedBy: "x", inForceFrom: null })).kind,
    ).toBe("already-installed");
    expect((await fx.store.setInForce(SET, "2024-Q2"))!.hash).not.toBe(r.stored.hash);
    expect((await fx.store.setInForce(SET, "2024-Q3"))!.hash).toBe(r.stored.hash);
    expect((await fx.store.setInForce(SET, "2025"))!.label).toMatch(/\(từ 01\/07\/2024\)$/);
  });

  it("installs made at the same moment each get their own place in the install order", async () => {
    const base = getCriteriaSet(SET)!;
    const sets = Array.from({ length: 6 }, (_, i) => ({ ...base, note: `đồng thời ${i}` }));
    await Promise.all(
      sets.map((set) => fx.store.installCriteriaSet({ set, installedBy: "tỉnh", inForceFrom: "2026-01-01" })),
    );
    const rows = await fx.store.db
      .selectFrom("criteria_sets")
      .select("install_seq")
      .where("id", "=", SET)
      .execute();
    const order = rows.map((r) => r.install_seq);
    expect(new Set(order).size).toBe(order.length);
  });
});

describe("versionInForce", () => {
  const day = fc
    .date({
      min: new Date("2021-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const versions = fc.array(
    fc.record({
      hash: fc.stringMatching(/^[0-9a-f]{8}$/),
      inForceFrom: fc.option(day, { nil: null }),
    }),
    { minLength: 0, maxLength: 8 },
  );
  const period = fc.oneof(
    fc.integer({ min: 2021, max: 2030 }).map(String),
    fc
      .tuple(fc.integer({ min: 2021, max: 2030 }), fc.integer({ min: 1, max: 4 }))
      .map(([y, q]) => `${y}-Q${q}`),
    fc
      .tuple(fc.integer({ min: 2021, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  );

  it("is the latest version started by the period's first day, the later installed of a tie, never a later one", () => {
    fc.assert(
      fc.property(versions, period, (vs, p) => {
        const list: CriteriaSetVersion[] = vs.map((v, i) => ({ id: SET, installedAt: String(i), ...v }));
        const start = periodStartDate(p);
        const chosen = versionInForce(list, p);
        const started = list.filter((v) => v.inForceFrom === null || v.inForceFrom <= start);
        if (started.length === 0) return chosen === undefined;
        if (!chosen) return false;
        const from = (v: CriteriaSetVersion) => v.inForceFrom ?? "";
        // Nothing started later than the chosen one by that day, and of its day it was installed last.
        return (
          started.every((v) => from(v) <= from(chosen)) &&
          list.indexOf(chosen) ===
            Math.max(...started.filter((v) => from(v) === from(chosen)).map((v) => list.indexOf(v)))
        );
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
