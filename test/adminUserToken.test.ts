/**
 * `ntm admin user token NAME [--days N]` (issue 11 item 6): a further token for an existing user,
 * printed once as the last line; the user's older tokens keep working until revoked.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { Store } from "../src/server/store/store";

describe("ntm admin user token", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-admin-token-"));
  const db = path.join(dir, "admin.sqlite");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ntm = async (...args: string[]) => {
    const io = captureIo();
    const code = await main(["node", "ntm", "admin", ...args, "--db", db], io);
    return { code, out: io.stdout, err: io.stderr };
  };
  const lastLine = (text: string) => text.trim().split("\n").at(-1)!;

  it("issues a new token while the old one stays valid, until the user is revoked", async () => {
    expect((await ntm("seed")).code).toBe(0);
    const added = await ntm("user", "add", "--name", "thu-ky", "--role", "clerk", "--scope", "18502");
    expect(added.code).toBe(0);
    const first = lastLine(added.out);

    const issued = await ntm("user", "token", "thu-ky", "--days", "30");
    expect(issued.code).toBe(0);
    const second = lastLine(issued.out);
    expect(second).toMatch(/^ntm_[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(issued.out).toMatch(/chỉ hiện một lần|shown once/);

    const store = await Store.open({ location: db });
    try {
      expect(await store.authenticate(first)).toMatchObject({ name: "thu-ky", role: "clerk" });
      expect(await store.authenticate(second)).toMatchObject({ name: "thu-ky", role: "clerk" });
      // The token lives the days asked for: its stated expiry is 30 days from issue.
      const expires = /expires (\S+);/.exec(issued.out)![1];
      const row = (await store.db.selectFrom("tokens").selectAll().execute()).find(
        (t) => t.expires_at === expires,
      )!;
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(30 * 86_400_000);
      expect((await ntm("user", "list")).out).toMatch(/thu-ky\tclerk\t18502 .*\tactive\ttokens:2/);
      expect((await store.auditLog()).map((a) => a.action)).toContain("user.token");

      expect((await ntm("user", "revoke", "thu-ky")).code).toBe(0);
      expect(await store.authenticate(second)).toBeUndefined();
      const afterRevoke = await ntm("user", "token", "thu-ky");
      expect(afterRevoke.code).toBe(1);
      expect(afterRevoke.err).toMatch(/^Người dùng "thu-ky" đã bị thu hồi.* \/ User "thu-ky" was revoked/);
      expect(afterRevoke.out).toBe("");
    } finally {
      await store.close();
    }
  });

  it("refuses an unknown user and a lifetime that is not 1–3650 days, printing no token", async () => {
    const unknown = await ntm("user", "token", "nobody");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^Không có người dùng "nobody"/);
    for (const days of ["0", "-5", "abc", "1.5", "99999"]) {
      const r = await ntm("user", "token", "thu-ky", "--days", days);
      expect([days, r.code, r.out]).toEqual([days, 2, ""]);
      expect(r.err).toMatch(/không hợp lệ: cần số ngày nguyên từ 1 đến 3650/);
    }
  });
});
