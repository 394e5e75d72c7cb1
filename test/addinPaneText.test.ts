/** The pane's errors: the person's language only, and always what to do next. */
import { SyncHttpError } from "../src/addin/sync/syncClient";
import { paneError } from "../src/addin/taskpane/paneError";
import { paneText } from "../src/addin/taskpane/paneText";

const vi = paneText("vi");
const en = paneText("en");

describe("pane errors", () => {
  it("turns the browser's English network failure into what to do, in Vietnamese", () => {
    expect(paneError(vi, new TypeError("Failed to fetch"))).toBe(vi.errUnreachable);
    expect(vi.errUnreachable).toMatch(/Kiểm tra mạng và địa chỉ máy chủ rồi thử lại/);
  });

  it("shows only the pane's half of a bilingual server message", () => {
    const e = new SyncHttpError(404, "unknown-org-unit", "Không có đơn vị mã 99999: kiểm tra mã của xã. / There is no org unit with code 99999: check the code.");
    expect(paneError(vi, e)).toBe("Không có đơn vị mã 99999: kiểm tra mã của xã.");
    expect(paneError(en, e)).toBe("There is no org unit with code 99999: check the code.");
  });

  it("explains a bare HTTP status and a page that is not the NTM server", () => {
    expect(paneError(vi, new SyncHttpError(401, "http", "HTTP 401"))).toBe(vi.errToken);
    expect(paneError(vi, new SyncHttpError(502, "http", "HTTP 502"))).toMatch(/mã 502.*Thử lại sau ít phút/);
    expect(paneError(vi, new SyntaxError("Unexpected token < in JSON"))).toBe(vi.errNotNtmServer);
  });

  it("names roles in Vietnamese", () => {
    expect(vi.signedInAs("demo-clerk", "clerk", "Xã Sơn Hồng (18139)")).toBe("Đã đăng nhập: demo-clerk (cán bộ xã), phạm vi Xã Sơn Hồng (18139)");
  });
});
