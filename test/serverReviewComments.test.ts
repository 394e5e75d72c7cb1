/**
 * What a reviewer and the pane meet on the server (issue 18, review and roles): a comment may name
 * any indicator of the report's set, also one with no finding; a comment on a code the set does not
 * have is refused by name and changes nothing; `GET /api/me` says what the role may do.
 */
import { meSchema } from "../src/domain/sync/protocol";
import { roleMay } from "../src/server/auth/permissions";
import { IN_COMMUNE, bearer, describeOnEachEngine, newOpId, reportUrl } from "./serverFixture";

describeOnEachEngine("review comments on %s", (fx) => {
  const url = reportUrl(IN_COMMUNE, "2024-Q2");
  const review = (comments: Record<string, string>) =>
    fx.call({
      method: "POST",
      url: url + "/review",
      headers: bearer(fx.tokens.reviewer),
      payload: { action: "return", revision: 1, comments },
    });

  beforeAll(async () => {
    const pushed = await fx.call({
      method: "POST",
      url: url + "/revisions",
      headers: bearer(fx.tokens.clerk),
      payload: {
        opId: newOpId(),
        baseRevision: 0,
        values: { "17.1": { value: 85, sheet: "TC", cell: "E40" } },
      },
    });
    expect(pushed.statusCode).toBe(201);
  });

  it("refuses a comment on a code the set does not have, naming it, and records nothing", async () => {
    const refused = await review({ "17.1": "Khớp biên bản", "99.9": "Chỉ tiêu lạ", "*": "Chung" });
    expect(refused.statusCode).toBe(422);
    const body = refused.json();
    expect(body).toMatchObject({ error: "unknown-comment-indicators", codes: ["99.9"], count: 1 });
    expect(body.message).toMatch(
      /^Nhận xét cho chỉ tiêu không có .*99\.9.* \/ Comments on indicators .*99\.9/,
    );
    const view = (await fx.call({ url, headers: bearer(fx.tokens.reviewer) })).json();
    expect(view.reviewState).toBe("submitted");
    expect(view.reviews.map((e: { kind: string }) => e.kind)).toEqual(["submitted"]);
  });

  it("accepts comments on any indicator of the set, also ones the commune did not report", async () => {
    const ok = await review({ "17.1": "Khớp biên bản", "2.1": "Bổ sung số liệu giao thông", "*": "Chung" });
    expect(ok.statusCode).toBe(200);
    const view = (await fx.call({ url, headers: bearer(fx.tokens.clerk) })).json();
    expect(view.reviews.at(-1)).toMatchObject({
      kind: "returned",
      comments: { "17.1": "Khớp biên bản", "2.1": "Bổ sung số liệu giao thông", "*": "Chung" },
    });
  });

  it("tells each role its scope and exactly the actions the server will allow it", async () => {
    for (const role of ["clerk", "reviewer", "office", "admin"] as const) {
      const me = meSchema.parse((await fx.call({ url: "/api/me", headers: bearer(fx.tokens[role]) })).json());
      expect(me.role).toBe(role);
      for (const action of ["read", "push", "review", "consolidate", "configure"] as const)
        expect({ role, action, shown: me.actions?.includes(action) }).toEqual({
          role,
          action,
          shown: roleMay(role, action),
        });
    }
    const clerk = meSchema.parse(
      (await fx.call({ url: "/api/me", headers: bearer(fx.tokens.clerk) })).json(),
    );
    expect(clerk.scope).toEqual({ code: IN_COMMUNE, name: "Xã Sơn Hồng", level: "commune" });
    expect(clerk.actions).toEqual(["read", "push"]);
  });
});
