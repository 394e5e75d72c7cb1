import { acknowledge, block, emptyOutbox, enqueue, nextToSend, rebaseEntry } from "./outbox";
import { periodStartDate } from "./reportPeriod";

const key = { org: "18139", set: "xa-ntm-2021-2025", period: "2023" };
const other = { org: "18502", set: "xa-ntm-2021-2025", period: "2023" };

describe("outbox", () => {
  it("sends the first entry of each report, in order, and survives a JSON round trip", () => {
    let ob = emptyOutbox();
    ob = enqueue(ob, { opId: "op-a-0001", key, baseRevision: 0, values: {}, enqueuedAt: "t1" });
    ob = enqueue(ob, {
      opId: "op-b-0002",
      key,
      baseRevision: 0,
      values: { "1.1": { value: 1 } },
      enqueuedAt: "t2",
    });
    ob = enqueue(ob, { opId: "op-c-0003", key: other, baseRevision: 4, values: {}, enqueuedAt: "t3" });
    ob = JSON.parse(JSON.stringify(ob));
    expect(nextToSend(ob).map((e) => e.opId)).toEqual(["op-a-0001", "op-c-0003"]);
    ob = acknowledge(ob, "op-a-0001", 1);
    expect(nextToSend(ob).map((e) => [e.opId, e.baseRevision])).toEqual([
      ["op-b-0002", 1],
      ["op-c-0003", 4],
    ]);
  });

  it("a blocked entry holds back its report only", () => {
    let ob = enqueue(emptyOutbox(), {
      opId: "op-a-0001",
      key,
      baseRevision: 0,
      values: {},
      enqueuedAt: "t1",
    });
    ob = enqueue(ob, { opId: "op-c-0003", key: other, baseRevision: 0, values: {}, enqueuedAt: "t3" });
    ob = block(ob, "op-a-0001", "conflict", "t4");
    expect(nextToSend(ob).map((e) => e.opId)).toEqual(["op-c-0003"]);
    ob = rebaseEntry(ob, "op-a-0001", "op-a-0002", 3, { "2.1": { value: true } });
    expect(nextToSend(ob).map((e) => [e.opId, e.baseRevision])).toEqual([
      ["op-a-0002", 3],
      ["op-c-0003", 0],
    ]);
  });

  it("enqueueing the same opId twice keeps one entry", () => {
    const e = { opId: "op-a-0001", key, baseRevision: 0, values: {}, enqueuedAt: "t1" };
    expect(enqueue(enqueue(emptyOutbox(), e), e).entries).toHaveLength(1);
  });
});

describe("report periods", () => {
  it("start on the first day they cover", () => {
    expect(periodStartDate("2023")).toBe("2023-01-01");
    expect(periodStartDate("2023-Q3")).toBe("2023-07-01");
    expect(periodStartDate("2022-11")).toBe("2022-11-01");
    expect(periodStartDate("2023-W01")).toBe("2023-01-02");
    expect(periodStartDate("2026-W01")).toBe("2025-12-29");
  });
});
