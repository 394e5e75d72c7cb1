/** The pane's errors: the person's language only, and always what to do next. */
import { SyncClient, SyncHttpError, SyncUnreachableError } from "../src/client/syncClient";
import { paneError } from "../src/addin/taskpane/paneError";
import { paneText } from "../src/addin/taskpane/paneText";

const vi = paneText("vi");
const en = paneText("en");

describe("pane errors", () => {
  it("turns the browser's English network failure into what to do, in Vietnamese", () => {
    expect(paneError(vi, new TypeError("Failed to fetch"))).toBe(vi.errUnreachable);
    expect(vi.errUnreachable).toMatch(/Kiểm tra mạng và địa chỉ máy chủ rồi thử lại/);
  });

  it("names an untrusted certificate and its remedy, and any other unreachable server as offline", async () => {
    // What Node's fetch rejects with: a TypeError whose cause carries the code.
    const failing = (code: string) =>
      new SyncClient({
        baseUrl: "https://ntm.example:3000/",
        token: "t",
        fetch: async () => {
          throw new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
        },
      });
    const cert = await failing("SELF_SIGNED_CERT_IN_CHAIN")
      .me()
      .catch((e: unknown) => e);
    expect(cert).toBeInstanceOf(SyncUnreachableError);
    expect((cert as Error).message).toMatch(
      /^Máy chủ https:\/\/ntm\.example:3000 dùng chứng chỉ .*NODE_EXTRA_CA_CERTS.* \/ The server .* does not trust/,
    );
    expect(paneError(en, cert)).toMatch(
      /^The server https:\/\/ntm\.example:3000 uses a certificate this machine does not trust \(SELF_SIGNED_CERT_IN_CHAIN\): set NODE_EXTRA_CA_CERTS/,
    );
    const refused = await failing("ECONNREFUSED")
      .me()
      .catch((e: unknown) => e);
    expect((refused as Error).message).toBe(
      "Không kết nối được máy chủ https://ntm.example:3000 (ECONNREFUSED): kiểm tra địa chỉ máy chủ và mạng. / Cannot reach the server https://ntm.example:3000 (ECONNREFUSED): check the server address and the network.",
    );
    expect(paneError(vi, refused)).toBe(vi.errUnreachable);
  });

  it("shows only the pane's half of a bilingual server message", () => {
    const e = new SyncHttpError(
      404,
      "unknown-org-unit",
      "Không có đơn vị mã 99999: kiểm tra mã của xã. / There is no org unit with code 99999: check the code.",
    );
    expect(paneError(vi, e)).toBe("Không có đơn vị mã 99999: kiểm tra mã của xã.");
    expect(paneError(en, e)).toBe("There is no org unit with code 99999: check the code.");
  });

  it("explains a bare HTTP status and a page that is not the NTM server", () => {
    expect(paneError(vi, new SyncHttpError(401, "http", "HTTP 401"))).toBe(vi.errToken);
    expect(paneError(vi, new SyncHttpError(502, "http", "HTTP 502"))).toMatch(/mã 502.*Thử lại sau ít phút/);
    expect(paneError(vi, new SyntaxError("Unexpected token < in JSON"))).toBe(vi.errNotNtmServer);
  });

  it("names roles in Vietnamese", () => {
    expect(vi.signedInAs("demo-clerk", "clerk", "Xã Sơn Hồng (18139)")).toBe(
      "Đã đăng nhập: demo-clerk (cán bộ xã), phạm vi Xã Sơn Hồng (18139)",
    );
  });
});
