/**
 * A 409 answered in the outbox (workbookPush.answerStaleBase), on random bases and edits on both
 * sides: nothing either side changed is lost. A clean merge goes out again on the head with a new
 * opId, carrying every change of both sides; a clash blocks the entry with its own values intact.
 */
import fc from "fast-check";
import { diffIndicatorValues } from "./mergeIndicatorValues";
import { emptyOutbox, enqueue } from "./outbox";
import type { IndicatorValues } from "./protocol";
import { answerStaleBase } from "./workbookPush";

const key = { org: "18139", set: "vn-xa-ntm-2021-2025", period: "2023" };
const CODES = ["1.1", "2.1", "2.2", "17.5", "19.1"];
const values = fc
  .dictionary(fc.constantFrom(...CODES), fc.integer({ min: 0, max: 3 }), { maxKeys: CODES.length })
  .map((d) => {
    const out: IndicatorValues = {};
    for (const [code, v] of Object.entries(d)) out[code] = { value: v };
    return out;
  });

describe("answering a stale base", () => {
  it("keeps every change of both sides, or blocks with the entry untouched", () => {
    fc.assert(
      fc.property(values, values, values, (base, mine, theirs) => {
        const entry = { opId: "op-mine-1", key, baseRevision: 2, values: mine, enqueuedAt: "t0" };
        const outbox = enqueue(emptyOutbox(), entry);
        const queued = outbox.entries[0];
        const answer = { head: { number: 5 }, changes: diffIndicatorValues(base, theirs) };
        const r = answerStaleBase(outbox, queued, base, answer, () => "op-mine-2", "t1");
        const after = r.outbox.entries[0];
        const mineChanged = new Set(diffIndicatorValues(base, mine).map((c) => c.code));
        const theirsChanged = new Set(answer.changes.map((c) => c.code));
        const clash = [...mineChanged].filter(
          (c) => theirsChanged.has(c) && JSON.stringify(mine[c]) !== JSON.stringify(theirs[c]),
        );
        if (clash.length) {
          expect(r.conflicts.map((c) => c.code).sort()).toEqual(clash.sort());
          expect(after).toMatchObject({ opId: "op-mine-1", baseRevision: 2, values: mine });
          expect(after.blocked?.reason).toBe("conflict");
        } else {
          expect(r.conflicts).toEqual([]);
          expect(after).toMatchObject({ opId: "op-mine-2", baseRevision: 5 });
          expect(after.blocked).toBeUndefined();
          for (const code of CODES) {
            const want = mineChanged.has(code) ? mine[code] : theirs[code];
            expect({ code, value: after.values[code] }).toEqual({ code, value: want });
          }
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
