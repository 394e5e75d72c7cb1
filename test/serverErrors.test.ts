/**
 * Every refusal in the app's one shape, as a client meets it: Fastify's and Node's own errors (bad
 * URL, 431, body not JSON, empty, too large, wrong type) as `{ error, message }` with a
 * Vietnamese-first bilingual message, and validation problems in the user's language.
 */
import * as net from "node:net";
import { preferredLang } from "../src/server/errorReplies";
import { testEngines } from "./storeEngines";
import { type Fixture, IN_COMMUNE, bearer, newOpId, openFixture, reportUrl } from "./serverFixture";

const BILINGUAL = /^[^/]*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ][^]* \/ [A-Z]/i;

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let got = "";
    socket.on("data", (d) => (got += d));
    socket.on("close", () => resolve(got));
    socket.on("error", () => resolve(got));
  });
}

describe("Accept-Language", () => {
  it("picks vi or en by weight and order, Vietnamese when neither is asked for", () => {
    expect(preferredLang(undefined)).toBe("vi");
    expect(preferredLang("en-US,en;q=0.9")).toBe("en");
    expect(preferredLang("fr, en;q=0.5, vi;q=0.8")).toBe("vi");
    expect(preferredLang("de")).toBe("vi");
    expect(preferredLang("vi-VN, en")).toBe("vi");
  });
});

describe.each(testEngines.map((e) => [e.name, e] as const))("error shapes on %s", (_n, engine) => {
  let fx: Fixture;
  let port: number;
  beforeAll(async () => {
    fx = await openFixture(engine);
    port = Number(new URL(fx.base).port);
  });
  afterAll(async () => fx.cleanup());

  const expectShape = (body: { error: unknown; message: unknown }, code: string) => {
    expect(body.error).toBe(code);
    expect(String(body.message)).toMatch(BILINGUAL);
    expect(String(body.message)).not.toContain("\n");
  };

  it("a malformed URL: 400 bad-url", async () => {
    const r = await fx.call({ url: "/api/reports/%zz/x/2023", headers: bearer(fx.tokens.clerk) });
    expect(r.statusCode).toBe(400);
    expectShape(r.json(), "bad-url");
  });

  it("headers over Node's limit: 431 in the same JSON shape", async () => {
    const raw = await rawRequest(
      port,
      `GET /api/me HTTP/1.1\r\nHost: x\r\nCookie: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    expectShape(body, "headers-too-large");
  });

  const post = (headers: Record<string, string>, body: string) =>
    fetch(fx.base + reportUrl(IN_COMMUNE, "2023", "/revisions"), {
      method: "POST",
      headers: { ...bearer(fx.tokens.clerk), ...headers },
      body,
    });

  it.each([
    ["not JSON", { "content-type": "application/json" }, "{not json", 400, "invalid-body"],
    ["empty but declared JSON", { "content-type": "application/json" }, "", 400, "invalid-body"],
    [
      "of an unsupported content type",
      { "content-type": "application/xml" },
      "<a/>",
      415,
      "unsupported-media-type",
    ],
  ] as const)(
    "a body that is %s: the status and code Fastify would give, in our shape",
    async (_what, headers, body, status, code) => {
      const r = await post(headers, body);
      expect(r.status).toBe(status);
      expectShape(await r.json(), code);
    },
  );

  it("a body over 5 MB: 413 body-too-large", async () => {
    const r = await post({ "content-type": "application/json" }, " ".repeat(6 * 1024 * 1024));
    expect(r.status).toBe(413);
    expectShape(await r.json(), "body-too-large");
  });

  const badPush = (lang?: string) =>
    fx.call({
      method: "POST",
      url: reportUrl(IN_COMMUNE, "2023", "/revisions"),
      headers: { ...bearer(fx.tokens.clerk), ...(lang ? { "accept-language": lang } : {}) },
      payload: { opId: newOpId(), baseRevision: "one", values: { "2.1": { value: true } } },
    });

  it("validation problems: bilingual message, issues in Vietnamese by default, in English when asked", async () => {
    const vi = await badPush();
    expect(vi.statusCode).toBe(400);
    const body = vi.json();
    expectShape(body, "invalid-request");
    expect(body.message).toContain("baseRevision: cần số");
    expect(body.message).toContain("baseRevision: must be a number");
    expect(body.message).not.toMatch(/Invalid input|expected number, received/);
    expect(body.issues).toEqual([{ path: "baseRevision", message: "cần số" }]);
    const en = (await badPush("en-GB,en;q=0.9")).json();
    expect(en.issues).toEqual([{ path: "baseRevision", message: "must be a number" }]);
  });

  it("an impossible period says why, in both languages", async () => {
    const r = await fx.call({ url: reportUrl(IN_COMMUNE, "2024-W53"), headers: bearer(fx.tokens.clerk) });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/2024 chỉ có 52 tuần ISO.* 2024 has 52 ISO weeks/);
  });
});
