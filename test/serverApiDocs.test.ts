/**
 * The API as a developer reading /api/docs meets it: every operation named (operationId), grouped
 * (tags) and, for the bodies a client writes, shown with an example the server accepts; the page
 * itself renders from the server's own assets under its content-security policy.
 */
import { pushRequestSchema, reviewRequestSchema } from "../src/domain/sync/protocol";
import { pushExample, reviewExample } from "../src/server/routes/openApiExamples";
import { testEngines } from "./storeEngines";
import { type Fixture, openFixture } from "./serverFixture";

const METHODS = ["get", "post", "put", "delete", "patch"] as const;

describe("API documentation", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture(testEngines[0]);
  });
  afterAll(async () => fx.cleanup());

  const operations = async () => {
    const doc = (await fx.call({ url: "/api/openapi.json" })).json();
    const ops: { path: string; method: string; op: any }[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths))
      for (const method of METHODS) if (item[method]) ops.push({ path, method, op: item[method] });
    return { doc, ops };
  };

  it("names and groups every operation, each name once, each tag declared", async () => {
    const { doc, ops } = await operations();
    expect(ops.length).toBeGreaterThanOrEqual(9);
    const declared = new Set(doc.tags.map((t: { name: string }) => t.name));
    for (const { path, method, op } of ops) {
      expect({ path, method, operationId: typeof op.operationId }).toEqual({
        path,
        method,
        operationId: "string",
      });
      expect(op.tags?.length).toBeGreaterThan(0);
      for (const tag of op.tags) expect(declared).toContain(tag);
    }
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["pushRevision", "reviewReport", "getMe", "listReports"]));
  });

  it("shows an example body for a push and a review, and the server's schemas accept them", async () => {
    const { ops } = await operations();
    const bodyExample = (id: string) =>
      ops.find((o) => o.op.operationId === id)!.op.requestBody.content["application/json"].example;
    expect(bodyExample("pushRevision")).toEqual(pushExample);
    expect(bodyExample("reviewReport")).toEqual(reviewExample);
    expect(pushRequestSchema.safeParse(pushExample).success).toBe(true);
    expect(reviewRequestSchema.safeParse(reviewExample).success).toBe(true);
  });

  it("renders the API page at /api/docs with its scripts served by this server", async () => {
    let page = await fx.call({ url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain('<div id="swagger-ui">');
    expect(page.body).toContain("<title>NTM Tracker API</title>");
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const src of scripts) {
      const url = src.startsWith("/") ? src : `/api/${src.replace(/^\.\//, "")}`;
      const asset = await fx.call({ url });
      expect({ src, status: asset.statusCode }).toEqual({ src, status: 200 });
    }
    // The initializer points the page at the document the server serves.
    page = await fx.call({ url: "/api/docs/static/swagger-initializer.js" });
    expect(page.body).toMatch(/\/api\/docs\/json|\.\/json/);
    expect((await fx.call({ url: "/api/docs/json" })).json().paths["/api/me"]).toBeDefined();
  });
});
