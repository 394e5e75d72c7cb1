/** One row per commune of the period, whatever the store keeps of the 2025 reform. */
import fc from "fast-check";
import { communeListing } from "./communeListing";
import type { ConsolidationRow, OrgUnitDto } from "./protocol";

const unit = (
  code: string,
  name: string,
  level: OrgUnitDto["level"],
  parentCode: string | null,
  validFrom: string | null,
  validTo: string | null,
  successorCode: string | null = null,
): OrgUnitDto => ({ code, name, level, parentCode, validFrom, validTo, successorCode });

const REFORM = "2025-07-01";
// The Hương Sơn slice of the seed: 2023 units end at the reform, their successors start there.
const UNITS: OrgUnitDto[] = [
  unit("42", "Tỉnh Hà Tĩnh", "province", null, null, null),
  unit("439", "Huyện Hương Sơn", "district", "42", null, REFORM),
  unit("18139", "Xã Sơn Hồng", "commune", "439", null, REFORM, "18160"),
  unit("18160", "Xã Sơn Lĩnh", "commune", "439", null, REFORM, "18160"),
  unit("18172", "Xã Sơn Tây", "commune", "439", null, REFORM, "18172"),
  unit("18160", "Xã Sơn Hồng", "commune", "42", REFORM, null),
  unit("18172", "Xã Sơn Tây", "commune", "42", REFORM, null),
];

const row = (org: string, name: string, revision: number | null = null): ConsolidationRow => ({
  org,
  name,
  level: "commune",
  revision,
  reviewState: revision === null ? "none" : "submitted",
  criteriaMet: revision === null ? null : 13,
  criteriaTotal: 19,
  criteria: {},
  progress: null,
});

// What the server lists today: every commune unit within the scope, by code.
const ROWS = [
  row("18139", "Xã Sơn Hồng", 4),
  row("18160", "Xã Sơn Lĩnh"),
  row("18160", "Xã Sơn Hồng"),
  row("18172", "Xã Sơn Tây"),
  row("18172", "Xã Sơn Tây"),
];

describe("communeListing", () => {
  it("lists each 2023 commune once, with its district and its 2025 successor", () => {
    const list = communeListing(ROWS, UNITS, "2023");
    expect(list.map((r) => `${r.code} ${r.name}`)).toEqual([
      "18139 Xã Sơn Hồng",
      "18160 Xã Sơn Lĩnh",
      "18172 Xã Sơn Tây",
    ]);
    expect(list[0]).toMatchObject({
      district: { code: "439", name: "Huyện Hương Sơn" },
      successor: { code: "18160", name: "Xã Sơn Hồng" },
      row: { revision: 4 },
    });
    // Sơn Tây kept its code and name: no successor to tell.
    expect(list[2].successor).toBeUndefined();
  });

  it("lists the 2025 communes for a 2026 period, and still shows a 2023 unit that holds a report", () => {
    const list = communeListing([...ROWS.slice(1), row("18139", "Xã Sơn Hồng", 2)], UNITS, "2026");
    expect(list.map((r) => `${r.code} ${r.name}`)).toEqual([
      "18160 Xã Sơn Hồng",
      "18172 Xã Sơn Tây",
      "18139 Xã Sơn Hồng",
    ]);
  });

  it("never lists a (code, name) twice and never drops a row that holds a report", () => {
    const names = ["Xã A", "Xã B", "Xã C"];
    const arbRow = fc
      .tuple(
        fc.constantFrom("1", "2", "3"),
        fc.constantFrom(...names),
        fc.option(fc.integer({ min: 1, max: 9 })),
      )
      .map(([code, name, rev]) => row(code, name, rev));
    const arbUnit = fc
      .tuple(fc.constantFrom("1", "2", "3"), fc.constantFrom(...names), fc.boolean())
      .map(([code, name, old]) =>
        unit(code, name, "commune", null, old ? null : REFORM, old ? REFORM : null),
      );
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 12 }),
        fc.array(arbUnit, { maxLength: 8 }),
        fc.constantFrom("2023", "2026"),
        (rows, units, period) => {
          const list = communeListing(rows, units, period);
          const keys = list.map((r) => `${r.code}/${r.name}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const r of rows.filter((x) => x.revision !== null))
            expect(keys).toContain(`${r.org}/${r.name}`);
        },
      ),
    );
  });
});
