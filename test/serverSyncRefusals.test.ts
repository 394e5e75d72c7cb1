/**
 * What the server refuses and how a client tells the refusals apart (issue 11 items 3–5, issue 16
 * item 4): each permanent refusal has its own status and machine-readable `error`; hostile or huge
 * bodies get a short answer and leave no report behind; identical content is no new revision; a
 * review applies only to the revision it judged.
 */
import { ReviewStaleError, SyncClient } from "../src/client/syncClient";
import {
  bearer,
  describeOnEachEngine,
  IN_COMMUNE,
  newOpId,
  OUT_COMMUNE,
  reportUrl,
  SET,
} from "./serverFixture";

describeOnEachEngine("sync refusals on %s", (fx) => {
  const post = (url: string, token: string | undefined, payload: object) =>
    fx.call({ method: "POST", url, headers: bearer(token), payload });
  const pushTo = (org: string, period: string, token: string | undefined, body: object) =>
    post(reportUrl(org, period, "/revisions"), token, { opId: newOpId(), baseRevision: 0, ...body });
  const reportExists = async (org: string, period: string) => {
    const unit = (await fx.store.tree()).resolve(org, `${period.slice(0, 4)}-01-01`)!;
    return Boolean(await fx.store.findReport(unit.id, SET, period));
  };

  it("tells every permanent refusal apart by status and error code, in both languages", async () => {
    const values = { "17.1": { value: 85 } };
    await pushTo(IN_COMMUNE, "2021", fx.tokens.clerk, { values });
    const head = await fx.call({ url: reportUrl(IN_COMMUNE, "2021"), headers: bearer(fx.tokens.reviewer) });
    expect(head.json().head.number).toBe(1);
    const refusals = {
      wrongToken: await pushTo(IN_COMMUNE, "2021", "ntm_wrong", { values }),
      outOfScope: await pushTo(OUT_COMMUNE, "2021", fx.tokens.clerk, { values }),
      unknownOrg: await pushTo("99999", "2021", fx.tokens.clerk, { values }),
      unknownCode: await pushTo(IN_COMMUNE, "2021", fx.tokens.clerk, {
        baseRevision: 1,
        values: { "99.9": { value: 1 } },
      }),
      staleBase: await pushTo(IN_COMMUNE, "2021", fx.tokens.clerk, { values: { "17.1": { value: 1 } } }),
    };
    expect(
      (
        await post(reportUrl(IN_COMMUNE, "2021", "/review"), fx.tokens.reviewer, {
          action: "approve",
          revision: 1,
        })
      ).statusCode,
    ).toBe(200);
    const locked = await pushTo(IN_COMMUNE, "2021", fx.tokens.clerk, {
      baseRevision: 1,
      values: { "17.1": { value: 2 } },
    });
    const seen = Object.fromEntries(
      Object.entries({ ...refusals, locked }).map(([k, r]) => [k, [r.statusCode, r.json().error]]),
    );
    expect(seen).toEqual({
      wrongToken: [401, "unauthenticated"],
      outOfScope: [403, "forbidden"],
      unknownOrg: [404, "unknown-org-unit"],
      unknownCode: [422, "unknown-indicators"],
      staleBase: [409, "stale-base"],
      locked: [423, "locked"],
    });
    for (const r of [...Object.values(refusals), locked]) expect(r.json().message).toMatch(/\S \/ \S/);
  });

  it("answers 100,000 unknown codes in a few hundred bytes, listing the first and the count", async () => {
    const values = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`x${i}`, { value: i }]));
    const r = await pushTo(IN_COMMUNE, "2022", fx.tokens.clerk, { values });
    expect(r.statusCode).toBe(422);
    expect(r.rawPayload.length).toBeLessThan(2_000);
    const body = r.json();
    expect(body).toMatchObject({ error: "unknown-indicators", count: 100_000 });
    expect(body.codes).toEqual(Array.from({ length: 20 }, (_, i) => `x${i}`));
    expect(body.message).toMatch(/x0, x1, .*x19 và 99980 mã khác.* \/ .*and 99980 more \(100000 in all\)/);
    expect(await reportExists(IN_COMMUNE, "2022")).toBe(false);
  });

  it("refuses what no workbook holds — a prototype sheet, '!ref', a 4.9 MB note — and stores no report", async () => {
    const cases = [
      { "17.1": { value: 1, sheet: "__proto__", cell: "E40" } },
      { "17.1": { value: 1, sheet: "Tự đánh giá", cell: "!ref" } },
      { "17.1": { value: 1, sheet: "_ntm", cell: "A1" } },
      { "17.1": { value: 1, note: "x".repeat(4_900_000) } },
    ];
    for (const values of cases) {
      const r = await pushTo(IN_COMMUNE, "2022-Q1", fx.tokens.clerk, { values });
      expect([r.statusCode, r.json().error]).toEqual([400, "invalid-request"]);
      expect(r.json().message).toMatch(/values[./]17\.1[./](sheet|cell|note)/);
      expect(r.rawPayload.length).toBeLessThan(2_000);
    }
    // Many bad values, or one absurd key, still make a short answer that says what was wrong.
    const manyBad = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`x${i}`, { value: i, cell: "!ref" }]),
    );
    for (const values of [manyBad, { ["k".repeat(1_000_000)]: { value: 1 } }]) {
      const r = await pushTo(IN_COMMUNE, "2022-Q1", fx.tokens.clerk, { values });
      expect([r.statusCode, r.json().error]).toEqual([400, "invalid-request"]);
      expect(r.rawPayload.length).toBeLessThan(12_000);
      if (values === manyBad)
        expect(r.json().message).toMatch(
          /values\.x0\.cell: ô phải là một địa chỉ A1.*và 19980 lỗi khác.*values\.x0\.cell: cell must be one A1 address.*and 19980 more/,
        );
    }
    // A refused first push of an unknown base leaves no report row either.
    const ahead = await pushTo(IN_COMMUNE, "2022-Q1", fx.tokens.clerk, {
      baseRevision: 3,
      values: { "17.1": { value: 1 } },
    });
    expect(ahead.statusCode).toBe(422);
    expect(await reportExists(IN_COMMUNE, "2022-Q1")).toBe(false);
    const list = await fx.call({
      url: `/api/reports?under=${IN_COMMUNE}&set=${SET}&period=2022-Q1`,
      headers: bearer(fx.tokens.reviewer),
    });
    expect(list.json().reports).toEqual([]);
  });

  it("answers identical content with the head: same revision, no new 'submitted' for the reviewer", async () => {
    const values = { "17.1": { value: 85, sheet: "Tự đánh giá", cell: "E40" }, "2.1": { value: true } };
    const first = await pushTo(IN_COMMUNE, "2022-Q2", fx.tokens.clerk, { values });
    expect(first.json()).toMatchObject({ revision: { number: 1 }, replayed: false, unchanged: false });
    const opId = newOpId();
    const again = await pushTo(IN_COMMUNE, "2022-Q2", fx.tokens.clerk, { opId, baseRevision: 1, values });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual({ revision: first.json().revision, replayed: false, unchanged: true });
    const retry = await pushTo(IN_COMMUNE, "2022-Q2", fx.tokens.clerk, { opId, baseRevision: 1, values });
    expect(retry.json()).toEqual(again.json());
    const view = (
      await fx.call({ url: reportUrl(IN_COMMUNE, "2022-Q2"), headers: bearer(fx.tokens.reviewer) })
    ).json();
    expect(view.head.number).toBe(1);
    expect(view.reviews.map((e: { kind: string }) => e.kind)).toEqual(["submitted"]);
  });

  it("refuses an approval of a revision that is no longer the head, saying what changed", async () => {
    const url = reportUrl(IN_COMMUNE, "2022-Q3");
    const base = { "17.1": { value: 85 }, "2.1": { value: true } };
    await pushTo(IN_COMMUNE, "2022-Q3", fx.tokens.clerk, { values: base });
    // The reviewer reads revision 1; the commune pushes revision 2 before the click.
    await pushTo(IN_COMMUNE, "2022-Q3", fx.tokens.clerk, {
      baseRevision: 1,
      values: { ...base, "17.1": { value: 60 } },
    });
    const stale = await post(url + "/review", fx.tokens.reviewer, { action: "approve", revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: "stale-review",
      judgedRevision: 1,
      headRevision: 2,
      changes: [{ code: "17.1", before: { value: 85 }, after: { value: 60 } }],
    });
    expect(stale.json().message).toMatch(
      /^Xã đã gửi phiên bản 2 sau phiên bản 1 .*17\.1.* \/ The commune pushed revision 2 after the revision 1 .*17\.1/,
    );
    const noRevision = await post(url + "/review", fx.tokens.reviewer, { action: "approve" });
    expect([noRevision.statusCode, noRevision.json().error]).toEqual([400, "invalid-request"]);
    const future = await post(url + "/review", fx.tokens.reviewer, { action: "approve", revision: 5 });
    expect([future.statusCode, future.json().error]).toEqual([422, "unknown-revision"]);
    const view = (await fx.call({ url, headers: bearer(fx.tokens.clerk) })).json();
    expect(view).toMatchObject({ reviewState: "submitted", locked: false });

    // The client says the same as a typed error the pane can show.
    const client = new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer });
    const key = { org: IN_COMMUNE, set: SET, period: "2022-Q3" };
    const err = await client.review(key, "approve", 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReviewStaleError);
    expect(err).toMatchObject({ status: 409, code: "stale-review", judgedRevision: 1, headRevision: 2 });
    expect(await client.review(key, "approve", 2)).toMatchObject({
      state: "approved",
      event: { revision: 2 },
    });
  });
});
