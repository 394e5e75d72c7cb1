import fc from "fast-check";
import type { IndicatorValues, ReportView } from "./protocol";
import { answerState, block, emptyOutbox, enqueue, entryState, nextToSend } from "./outbox";
import { inStepAfterPull, planWorkbookPull } from "./workbookPull";
import { headIsWorkbook, queuePush } from "./workbookPush";
import { returnedSonHong } from "../../../test/revisionFixtures";

const KEY = { org: "18139", set: "vn-xa-ntm-2021-2025", period: "2023" };

function view(values: IndicatorValues, comments: Record<string, string> = {}): ReportView {
  return returnedSonHong(values, [
    { kind: "returned", revision: 4, author: "B", createdAt: "2023-11-22T00:00:00Z", comments },
  ]);
}

const at = (value: number | boolean | null, cell: string) => ({ value, sheet: "Biểu 01", cell });

describe("the one pull", () => {
  it("writes only at the cell the reader located, never at the server's; unknown targets are listed", () => {
    const read = { "2.3": at(95, "E19") };
    const base = { "2.3": { value: 95 }, "2.4": { value: 90 } };
    const head = {
      "2.3": { value: 97, sheet: "__proto__", cell: "!ref" },
      "2.4": { value: 92, sheet: "_ntm", cell: "A1" },
    };
    const plan = planWorkbookPull(view(head, { "2.3": "Xem lại", "2.4": "Nguồn?" }), base, read);
    expect(plan.cells).toEqual([
      expect.objectContaining({
        code: "2.3",
        sheet: "Biểu 01",
        cell: "E19",
        value: expect.objectContaining({ value: 97, cell: "E19" }),
      }),
    ]);
    expect(plan.cells[0].note).toMatch(/Xem lại/);
    expect(plan.unknownTargets).toEqual(["2.4"]);
    expect(plan.unplaced).toEqual(["2.4"]);
    expect(({} as Record<string, unknown>).cell).toBeUndefined();
  });

  it("a conflict writes nothing until chosen; --take per code beats --take for all", () => {
    const base = { "2.3": { value: 95 }, "10": { value: 48 } };
    const read = { "2.3": at(99, "E19"), "10": at(50, "E42") };
    const head = { "2.3": { value: 97 }, "10": { value: 52 } };
    const open = planWorkbookPull(view(head), base, read);
    expect(open.cells.filter((c) => c.value)).toEqual([]);
    expect(
      open.conflicts.map((c) => [c.code, c.mine?.cell, c.mine?.value, c.theirs?.value, c.base?.value]),
    ).toEqual([
      ["10", "E42", 50, 52, 48],
      ["2.3", "E19", 99, 97, 95],
    ]);
    const chosen = planWorkbookPull(view(head), base, read, {
      all: "mine",
      byCode: new Map([["10", "theirs"]]),
    });
    expect(chosen.conflicts).toEqual([]);
    expect(chosen.cells.map((c) => [c.code, c.cell, c.value?.value])).toEqual([["10", "E42", 52]]);
    expect(chosen.keptLocal).toEqual(["2.3"]);
  });

  it("the base moves to the head only when nothing the head holds is missing unexplained", () => {
    const base = { "2.3": { value: 95 }, "17.1": { value: 50 } };
    const read = { "2.3": at(95, "E19"), "17.1": at(60, "E64") };
    const head = { "2.3": { value: 97 }, "17.1": { value: 50 }, "5": { value: 66.7 } };
    const plan = planWorkbookPull(view(head), base, read);
    const after = { "2.3": at(97, "E19"), "17.1": at(60, "E64") };
    expect(inStepAfterPull(plan, after, head)).toBe(false); // "5" is nowhere in this workbook
    expect(inStepAfterPull(plan, { ...after, "5": at(66.7, "E27") }, head)).toBe(true); // 17.1 kept on purpose
    expect(inStepAfterPull(plan, { ...after, "2.3": at(95, "E19"), "5": at(66.7, "E27") }, head)).toBe(false); // a formula kept 95
  });

  it("never writes over an indicator the workbook changed since its base (any base, any edits)", () => {
    const codes = ["1", "2", "3", "4"];
    const vals = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
    const side = fc.tuple(vals, vals, vals, vals);
    fc.assert(
      fc.property(side, side, side, (b, m, t) => {
        const rec = (xs: (number | undefined)[], cell = false) =>
          Object.fromEntries(
            xs.flatMap((x, i) =>
              x === undefined ? [] : [[codes[i], cell ? at(x, `E${i + 1}`) : { value: x }]],
            ),
          );
        const plan = planWorkbookPull(view(rec(t)), rec(b), rec(m, true));
        for (const c of plan.cells) {
          if (!c.value) continue;
          const i = codes.indexOf(c.code);
          expect(m[i]).toBe(b[i]); // written only where the workbook still holds its base
          expect(c.cell).toBe(`E${i + 1}`);
        }
        for (const i of codes.keys())
          if (m[i] !== undefined && b[i] !== undefined && m[i] !== b[i] && t[i] !== b[i] && t[i] !== m[i])
            expect(plan.conflicts.map((c) => c.code)).toContain(codes[i]);
      }),
    );
  });
});

describe("the one push and its outbox states", () => {
  it("names what each answer means: 423 waits for a reopen, 5xx/429 retries, the rest is refused", () => {
    expect([423, 500, 503, 429, 408, 401, 403, 404, 422, 400].map(answerState)).toEqual([
      "blocked-locked",
      "pending",
      "pending",
      "pending",
      "pending",
      "refused",
      "refused",
      "refused",
      "refused",
      "refused",
    ]);
  });

  it("a locked entry is sent when asked (once per flush); a refused or conflicted one holds its report back", () => {
    let ob = enqueue(emptyOutbox(), {
      opId: "op-a-0001",
      key: KEY,
      baseRevision: 1,
      values: {},
      enqueuedAt: "t",
    });
    ob = enqueue(ob, {
      opId: "op-a-0002",
      key: KEY,
      baseRevision: 1,
      values: { "1": { value: 1 } },
      enqueuedAt: "t",
    });
    ob = block(ob, "op-a-0001", "locked", "t", { status: 423 });
    expect(entryState(ob.entries[0])).toBe("blocked-locked");
    expect(nextToSend(ob).map((e) => e.opId)).toEqual([]);
    expect(nextToSend(ob, { locked: true }).map((e) => e.opId)).toEqual(["op-a-0001"]);
    ob = block(ob, "op-a-0001", "refused", "t", { status: 403, message: "ngoài phạm vi" });
    expect(nextToSend(ob, { locked: true }).map((e) => e.opId)).toEqual([]);
    expect(nextToSend(ob, { refused: true }).map((e) => e.opId)).toEqual(["op-a-0001"]);
  });

  it("identical values are not queued twice, nor values the base already holds", () => {
    const values = { "2.3": { value: 97 } };
    const entry = { opId: "op-b-0001", key: KEY, baseRevision: 2, values, enqueuedAt: "t" };
    expect(queuePush(emptyOutbox(), entry, values).queued).toBe(false);
    const once = queuePush(emptyOutbox(), entry, {});
    expect(once.queued).toBe(true);
    expect(queuePush(once.outbox, { ...entry, opId: "op-b-0002" }, {}).queued).toBe(false);
  });

  it("the head is this workbook only when no other change was merged in", () => {
    expect(headIsWorkbook({ "2.3": { value: 97 } }, { "2.3": { value: 97.00000000000001 } })).toBe(true);
    expect(headIsWorkbook({ "2.3": { value: 97 } }, { "2.3": { value: 97 }, "17.1": { value: 50 } })).toBe(
      false,
    );
  });
});
