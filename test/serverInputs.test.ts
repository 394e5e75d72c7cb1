/**
 * Inputs the store refuses (issue 16, item 4, this helper's part): periods that do not exist, a
 * commune code pushed for a period after the commune ceased to exist (answered with its successor
 * named, or with "no successor known"), and tokens issued already expired.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { isoWeeksIn, periodProblem, periodStartDate } from "../src/domain/sync/reportPeriod";
import { testEngines } from "./storeEngines";
import { type Fixture, IN_COMMUNE, bearer, newOpId, openFixture, reportUrl } from "./serverFixture";
import { userAddArgs } from "./cliRunner";

describe("report periods", () => {
  it("knows which ISO years have a week 53 (2024 has 52)", () => {
    expect(isoWeeksIn(2024)).toBe(52);
    expect(isoWeeksIn(2020)).toBe(53);
    expect(isoWeeksIn(2026)).toBe(53);
    expect(periodProblem("2024-W53")).toMatch(/52 ISO weeks/);
    expect(periodProblem("2026-W53")).toBeUndefined();
    expect(periodStartDate("2026-W53")).toBe("2026-12-28");
  });

  it("refuses years outside 2000–2100 and shapes that are not periods", () => {
    for (const p of ["0000", "9999", "1999-Q1", "2101-01", "2024-13", "2024-Q5", "2024-W00", "24"])
      expect(periodProblem(p)).toBeDefined();
    for (const p of ["2000", "2100-12", "2023-Q2", "2023-W05"]) expect(periodProblem(p)).toBeUndefined();
  });

  it("every accepted week starts on a Monday inside the week count of its ISO year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 53 }), (y, w) => {
        const p = `${y}-W${String(w).padStart(2, "0")}`;
        if (w > isoWeeksIn(y)) {
          expect(periodProblem(p)).toBeDefined();
          return;
        }
        const monday = new Date(periodStartDate(p) + "T00:00:00Z");
        expect(monday.getUTCDay()).toBe(1);
        // The Thursday of the week lies in year y (ISO 8601's rule).
        expect(new Date(monday.getTime() + 3 * 86400000).getUTCFullYear()).toBe(y);
      }),
    );
  });
});

describe.each(testEngines.map((e) => [e.name, e] as const))("the API refuses on %s", (_n, engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture(engine);
  });
  afterAll(async () => fx.cleanup());

  const push = (org: string, period: string, token = fx.tokens.clerk) =>
    fx.call({
      method: "POST",
      url: reportUrl(org, period, "/revisions"),
      headers: bearer(token),
      payload: { opId: newOpId(), baseRevision: 0, values: { "2.1": { value: true } } },
    });

  it.each(["2024-W53", "0000", "9999"])("period %s: 400, and nothing is stored", async (period) => {
    const r = await push(IN_COMMUNE, period);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe("invalid-request");
    const stored = await fx.store.opened.db
      .selectFrom("reports")
      .select("id")
      .where("period", "=", period)
      .execute();
    expect(stored).toEqual([]);
  });

  it("a 2023 commune code pushed for 2026 is refused with its 2025 successor named", async () => {
    const r = await push(IN_COMMUNE, "2026");
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.error).toBe("org-unit-ended");
    expect(body.message).toContain("18160");
    expect(body.message).toContain("2025-07-01");
    expect(body.message).toMatch(/^Đơn vị 18139 .* \/ Unit 18139 /);
    // The same code for a period it still existed in is fine.
    expect((await push(IN_COMMUNE, "2025-Q2")).statusCode).toBe(201);
  });

  it("a commune merged with no known successor is refused saying so", async () => {
    const r = await push("18472", "2026-03", fx.tokens.provinceAdmin);
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toMatch(/không có đơn vị kế thừa.* no successor/);
  });
});

describe("ntm admin user add --days", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-days-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(["0", "-5", "1.5", "abc", "100000"])(
    "--days %s is refused with exit 2, no user made",
    async (days) => {
      const io = captureIo();
      const db = path.join(dir, "days.sqlite");
      const code = await main(
        ["node", "ntm", ...userAddArgs(db, { name: `u${days}`, role: "clerk", scope: "42" }, { days })],
        io,
      );
      expect(code).toBe(2);
      expect(io.stderr).toMatch(/--days .* 1 đến 3650.* \/ --days .* from 1 to 3650/);
      expect(io.stdout).not.toMatch(/ntm_/);
    },
  );
});
