/**
 * The API end to end on every engine: push, retry, stale push (409 with changes), approval and the
 * lock (423), consolidation as JSON and as a workbook, OpenAPI, and the authorization matrix.
 */
import * as XLSX from "xlsx";
import {
  call,
  IN_COMMUNE,
  OUT_COMMUNE,
  OUT_COMMUNE_NAME,
  SET,
  bearer,
  newOpId,
  describeOnEachEngine,
  reportUrl,
} from "./serverFixture";
import { calendarExample } from "../src/server/routes/openApiExamples";

describeOnEachEngine("API on %s", (fx, engine) => {
  const inject = (method: "GET" | "POST", url: string, token?: string, payload?: unknown) =>
    fx.call({
      method,
      url,
      headers: bearer(token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  /** A push body on `baseRevision` with a fresh opId. */
  const pushOf = <V extends object>(values: V, baseRevision = 0) => ({
    opId: newOpId(),
    baseRevision,
    values,
  });
  /** The workbook's own target for 17.1 in these pushes. */
  const AT_LEAST_80 = { text: "≥ 80%", op: ">=", value: 80, unit: "%" } as const;

  it("serves health and an OpenAPI document listing every route", async () => {
    expect((await inject("GET", "/api/health")).json()).toMatchObject({ ok: true, engine: engine.name });
    const doc = (await inject("GET", "/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/me",
        "/api/criteria-sets",
        "/api/org-units",
        "/api/reports/{org}/{set}/{period}",
        "/api/reports/{org}/{set}/{period}/revisions",
        "/api/reports/{org}/{set}/{period}/review",
        "/api/consolidation",
        "/api/reports",
      ]),
    );
  });

  it("push, retry, stale push, approve, locked push, reopen", async () => {
    const url = reportUrl(IN_COMMUNE, "2023");
    const first = pushOf({
      "17.1": { value: 85, sheet: "Tự đánh giá", cell: "E40", workbookTarget: AT_LEAST_80 },
      "2.1": { value: true, sheet: "Tự đánh giá", cell: "E12" },
    });
    const r1 = await inject("POST", url + "/revisions", fx.tokens.clerk, first);
    expect(r1.statusCode).toBe(201);
    const rev1 = r1.json().revision;
    expect(rev1).toMatchObject({ number: 1, baseRevision: 0, author: "clerk-son-hong" });
    // The server judged the value itself (85 ≥ the workbook's 80 %).
    expect(rev1.evaluation.indicators["17.1"].status).toBe("met");

    const retry = await inject("POST", url + "/revisions", fx.tokens.clerk, first);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().revision).toEqual(rev1);

    const second = await inject("POST", url + "/revisions", fx.tokens.clerk, {
      opId: newOpId(),
      baseRevision: 1,
      values: { ...first.values, "17.1": { ...first.values["17.1"], value: 90 } },
    });
    expect(second.statusCode).toBe(201);

    const stale = await inject("POST", url + "/revisions", fx.tokens.clerk, {
      opId: newOpId(),
      baseRevision: 1,
      values: { ...first.values, "2.1": { value: false } },
    });
    expect(stale.statusCode).toBe(409);
    const body = stale.json();
    expect(body.message).toMatch(/^Báo cáo đã có phiên bản 2.*\/ The report has revision 2/);
    expect(body.head.number).toBe(2);
    expect(body.changes.map((c: { code: string }) => c.code)).toEqual(["17.1"]);

    const view = (await inject("GET", url, fx.tokens.reviewer)).json();
    expect(view).toMatchObject({
      org: IN_COMMUNE,
      orgName: "Xã Sơn Hồng",
      reviewState: "submitted",
      locked: false,
      head: { number: 2 },
    });

    const approve = await inject("POST", url + "/review", fx.tokens.reviewer, {
      action: "approve",
      revision: 2,
      comments: { "17.1": "Số liệu khớp biên bản" },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json().state).toBe("approved");

    const locked = await inject("POST", url + "/revisions", fx.tokens.clerk, {
      opId: newOpId(),
      baseRevision: 2,
      values: first.values,
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toMatch(/khóa.*\/ .*locked/);

    const after = (await inject("GET", url, fx.tokens.clerk)).json();
    expect(after).toMatchObject({ reviewState: "approved", locked: true });
    expect(after.reviews.at(-1)).toMatchObject({
      kind: "approved",
      comments: { "17.1": "Số liệu khớp biên bản" },
    });

    expect(
      (await inject("POST", url + "/review", fx.tokens.reviewer, { action: "reopen", revision: 2 }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await inject("POST", url + "/revisions", fx.tokens.clerk, {
          opId: newOpId(),
          baseRevision: 2,
          values: first.values,
        })
      ).statusCode,
    ).toBe(201);

    const since = (await inject("GET", url + "/revisions?since=1", fx.tokens.clerk)).json();
    expect(since.revisions.map((r: { number: number }) => r.number)).toEqual([2, 3]);
  });

  it("answers a base newer than the head with 422 saying which revision to pull, not a server error", async () => {
    const r = await inject("POST", reportUrl(IN_COMMUNE, "2023-Q3") + "/revisions", fx.tokens.clerk, {
      opId: newOpId(),
      baseRevision: 4,
      values: { "17.1": { value: 1 } },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: "unknown-base" });
    expect(r.json().message).toMatch(
      /^Máy chủ không có phiên bản 4.*\/ The server has no revision 4 .*baseRevision 0/,
    );
  });

  it("stores what it evaluated, not what the client claimed, and refuses unknown indicators", async () => {
    const url = reportUrl(IN_COMMUNE, "2023-Q4");
    const claimed = {
      ...pushOf({ "17.1": { value: 50, workbookTarget: AT_LEAST_80, selfAssessment: "met" } }),
      evaluation: { criteriaMet: 19 },
    };
    const r = await inject("POST", url + "/revisions", fx.tokens.clerk, claimed);
    expect(r.statusCode).toBe(201);
    expect(r.json().revision.evaluation.indicators["17.1"].status).toBe("unmet");
    expect(r.json().revision.evaluation.criteriaMet).toBe(0);
    const bad = await inject(
      "POST",
      url + "/revisions",
      fx.tokens.clerk,
      pushOf({ "99.9": { value: 1 } }, 1),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toContain("99.9");
    const invalid = await inject("POST", url + "/revisions", fx.tokens.clerk, { opId: "x", values: {} });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/^Yêu cầu không hợp lệ.*\/ Invalid request/);
  });

  it("consolidates per commune as JSON and as a workbook with formulas, within the caller's scope only", async () => {
    const q = `/api/consolidation?set=${SET}&period=2023&under=439`;
    const json = await inject("GET", q, fx.tokens.office);
    expect(json.statusCode).toBe(200);
    const c = json.json();
    expect(c.communes.length).toBe(25); // the 25 units of Hương Sơn in the GSO extract
    const sonHong = c.communes.find((r: { org: string }) => r.org === IN_COMMUNE);
    expect(sonHong).toMatchObject({ revision: 3, reviewState: "submitted", criteriaTotal: 19 });
    expect(JSON.stringify(c)).not.toContain(OUT_COMMUNE_NAME);

    const xlsx = await fx.call({
      method: "GET",
      url: q,
      headers: {
        ...bearer(fx.tokens.office),
        accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const wb = XLSX.read(xlsx.rawPayload, { type: "buffer" });
    // The summary workbook `ntm consolidate -o` writes (only the communes that reported are its rows).
    expect(wb.SheetNames).toEqual([
      "Tổng hợp",
      "Thống kê",
      "Khu dân cư",
      "Khối lượng",
      // Issue 15: from the store the workbook also says who sent the report, on time or not.
      "Tiến độ nộp",
      "Phát hiện",
      "Tệp lỗi",
    ]);
    const ws = wb.Sheets["Tổng hợp"];
    // Issue 14: the official header, title and note take rows 1–4; the table header is row 5,
    // the (1) (2) (3) row 6, the first commune row 7.
    expect(ws.B5.v).toBe("Mã xã (tại kỳ báo cáo)");
    expect(ws.B7.v).toBe(IN_COMMUNE);
    expect(ws.AA7.f).toBe('COUNTIF(H7:Z7,"Đạt")');
    expect(ws.AA7.v).toBe(sonHong.criteriaMet);
    expect(JSON.stringify(wb.Sheets)).not.toContain(OUT_COMMUNE_NAME);
    const viaQuery = await inject("GET", q + "&format=xlsx", fx.tokens.office);
    expect(viaQuery.headers["content-type"]).toContain("spreadsheetml");
  });

  it("limits failed authentications per address", async () => {
    const { buildApp } = await import("../src/server/app");
    const app = await buildApp({ store: fx.store, maxFailedAuthPerMinute: 3 });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await call(base, { url: "/api/me", headers: bearer("ntm_wrong") })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await app.close();
    // Repeats are aggregated (issue 16): one row per kind of refusal, plus the counted repeats.
    const denied = (await fx.store.auditLog(20)).filter((a) => a.status === 401 || a.status === 429);
    expect(denied.map((a) => a.status)).toEqual(expect.arrayContaining([401, 429]));
    expect(denied.some((a) => /×\d+/.test(a.detail ?? ""))).toBe(true);
  });

  describe("authorization matrix", () => {
    type Who = "clerk" | "reviewer" | "office" | "admin" | "none" | "revoked";
    const roles: Who[] = ["clerk", "reviewer", "office", "admin"];
    let monthIndex = 0;
    // Each push case writes a fresh report (its own month), so a permitted push is a plain 201.
    const nextMonth = () => `2024-${String((monthIndex++ % 12) + 1).padStart(2, "0")}`;

    interface RouteCase {
      name: string;
      scoped: boolean;
      /** Status for an in-scope request by each role. */
      allowed: Record<"clerk" | "reviewer" | "office" | "admin", number>;
      request(org: string): { method: "GET" | "POST" | "PUT"; url: string; payload?: unknown };
      /** What a permitted answer must hold. */
      check?(body: { reports: { org: string }[] }): void;
    }

    const routes: RouteCase[] = [
      {
        name: "GET /api/me",
        scoped: false,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: () => ({ method: "GET", url: "/api/me" }),
      },
      {
        name: "GET /api/criteria-sets",
        scoped: false,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: () => ({ method: "GET", url: "/api/criteria-sets" }),
      },
      {
        name: "GET /api/org-units",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: `/api/org-units?under=${org}` }),
      },
      {
        name: "GET report",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: reportUrl(org, "2023") }),
      },
      {
        name: "GET revisions",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: reportUrl(org, "2023", "/revisions?since=0") }),
      },
      {
        name: "POST revisions",
        scoped: true,
        allowed: { clerk: 201, reviewer: 403, office: 403, admin: 201 },
        request: (org) => ({
          method: "POST",
          url: reportUrl(org, nextMonth(), "/revisions"),
          payload: { opId: newOpId(), baseRevision: 0, values: { "5": { value: true } } },
        }),
      },
      {
        name: "POST review",
        scoped: true,
        allowed: { clerk: 403, reviewer: 200, office: 403, admin: 200 },
        request: (org) => ({
          method: "POST",
          url: reportUrl(org, "2023-W20", "/review"),
          payload: { action: "return", revision: 1, comments: { "5": "Bổ sung minh chứng" } },
        }),
      },
      {
        name: "GET /api/reports",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: `/api/reports?under=${org}&set=${SET}&period=2023-W20` }),
        // Exactly the in-scope commune's report (the out-of-scope one exists too, for the province admin).
        check: (body) => expect(body.reports.map((r) => r.org)).toEqual([IN_COMMUNE]),
      },
      {
        name: "GET consolidation",
        scoped: true,
        allowed: { clerk: 403, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: `/api/consolidation?set=${SET}&period=2023&under=${org}` }),
      },
      // The weekly rhythm (issue 15): work volumes ride the report routes; completeness and the
      // work-volume consolidation are scoped like every other read.
      {
        name: "POST work-volume revisions",
        scoped: true,
        allowed: { clerk: 201, reviewer: 403, office: 403, admin: 201 },
        request: (org) => ({
          method: "POST",
          url: `/api/reports/${org}/work-volume/${nextMonth()}/revisions`,
          payload: {
            opId: newOpId(),
            baseRevision: 0,
            values: { "hang-rao-xanh:d": { value: 120, unit: "m" } },
          },
        }),
      },
      {
        name: "GET work-volume report",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: `/api/reports/${org}/work-volume/2023-W20` }),
      },
      {
        name: "GET completeness",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({
          method: "GET",
          url: `/api/completeness?under=${org}&kind=work-volume&period=2023-W20`,
        }),
      },
      {
        name: "GET work-volume consolidation",
        scoped: true,
        allowed: { clerk: 403, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({
          method: "GET",
          url: `/api/consolidation?kind=work-volume&period=2023-W20&under=${org}`,
        }),
      },
      {
        name: "GET village progress",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: `/api/village-progress?under=${org}&period=2023` }),
      },
      // The rhythm's settings: only administrators set them, each unit within their scope.
      {
        name: "PUT targets",
        scoped: true,
        allowed: { clerk: 403, reviewer: 403, office: 403, admin: 200 },
        request: (org) => ({
          method: "PUT",
          url: "/api/targets",
          payload: { targets: [{ org, period: "2023-Q2", item: "vuon-mau", target: 5 }] },
        }),
      },
      {
        name: "GET targets",
        scoped: true,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: (org) => ({ method: "GET", url: `/api/targets?under=${org}` }),
      },
      {
        // The district administrator's scope holds no province: only a province's administrator sets it.
        name: "PUT calendar",
        scoped: false,
        allowed: { clerk: 403, reviewer: 403, office: 403, admin: 403 },
        request: () => ({ method: "PUT", url: "/api/calendars/42", payload: calendarExample }),
      },
      {
        name: "GET calendar",
        scoped: false,
        allowed: { clerk: 200, reviewer: 200, office: 200, admin: 200 },
        request: () => ({ method: "GET", url: "/api/calendars/42" }),
      },
    ];

    beforeAll(async () => {
      // A revision to review, in and out of scope (the province admin reaches both).
      for (const org of [IN_COMMUNE, OUT_COMMUNE]) {
        const r = await fx.call({
          method: "POST",
          url: reportUrl(org, "2023-W20", "/revisions"),
          headers: bearer(fx.tokens.provinceAdmin),
          payload: { opId: newOpId(), baseRevision: 0, values: { "5": { value: true } } },
        });
        expect(r.statusCode).toBe(201);
      }
    });

    const cases: [string, Who, "in" | "out", RouteCase][] = [];
    for (const route of routes)
      for (const who of [...roles, "none", "revoked"] as Who[])
        for (const where of route.scoped ? (["in", "out"] as const) : (["in"] as const))
          cases.push([route.name, who, where, route]);

    it.each(cases)("%s as %s, %s of scope", async (_n, who, where, route) => {
      const org = where === "in" ? IN_COMMUNE : OUT_COMMUNE;
      const req = route.request(org);
      const token = who === "none" ? undefined : who === "revoked" ? fx.tokens.revoked : fx.tokens[who];
      const res = await fx.call({
        method: req.method,
        url: req.url,
        headers: bearer(token),
        ...(req.payload ? { payload: req.payload as object } : {}),
      });
      let expected: number;
      if (who === "none" || who === "revoked") expected = 401;
      else if (route.allowed[who] === 403) expected = 403;
      else expected = where === "out" ? 403 : route.allowed[who];
      expect(res.statusCode).toBe(expected);
      if (expected === 401 || expected === 403) {
        const body = res.json();
        expect(Object.keys(body).sort()).toEqual(["error", "message"]);
        expect(body.message).toMatch(/ \/ /); // Vietnamese / English
        // Words a clerk acts on (where to type the token), not the protocol's ("Authorization: Bearer").
        expect(body.message).not.toMatch(/Authorization|Bearer/);
      }
      // Nothing of the out-of-scope commune leaks, whatever the answer.
      if (where === "out" || who === "clerk") expect(res.body).not.toContain(OUT_COMMUNE_NAME);
      if (expected < 300) route.check?.(res.json());
    });
  });
});
