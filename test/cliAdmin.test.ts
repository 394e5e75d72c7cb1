/**
 * `ntm admin` as an administrator meets it (issue 18): the org tree listed (whole or under a code),
 * --scope by name with the matched unit said (and both listed when two match), the store in use
 * said when --db is not given, counts in the right number — each message in both languages.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli, userAddArgs } from "./cliRunner";

describe("ntm admin", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cli-admin-"));
  const db = path.join(dir, "admin.sqlite");
  const admin = (...args: string[]) => runCli(["admin", ...args, "--db", db]);
  beforeAll(async () => {
    expect((await admin("seed")).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("seed says what it loaded, counted", async () => {
    const r = await admin("seed");
    expect(r.out).toMatch(
      /^Đã nạp \d+ bộ tiêu chí, \d+ đơn vị vào .* \/ seeded \d+ criteria sets, \d+ org units into /,
    );
  });

  it("org-units list --under CODE shows the unit's subtree, each child under its parent", async () => {
    const r = await admin("org-units", "list", "--under", "439");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("439\tHuyện Hương Sơn\tdistrict\t…–2025-07-01");
    const hong = lines.indexOf("  18139\tXã Sơn Hồng\tcommune\t…–2025-07-01\t→ 18160 Xã Sơn Hồng");
    expect(hong).toBeGreaterThan(0);
    expect(lines[hong + 1]).toMatch(/^ {4}18139-T01\tThôn 1\tvillage/);
    expect(r.out).not.toMatch(/Hương Khê/);
    expect(r.err).toMatch(/^\d+ đơn vị \/ \d+ org units$/m);
  });

  it("org-units list without --under lists the whole tree; an unknown code is refused in both languages", async () => {
    const all = await admin("org-units", "list");
    expect(all.out).toMatch(/^42\t/m);
    expect(all.out).toMatch(/^ {2}444\tHuyện Hương Khê/m);
    const bad = await admin("org-units", "list", "--under", "99999");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^Không có đơn vị mã 99999 .* \/ No org unit 99999/);
  });

  it("user add --scope takes a name, and says which unit it matched", async () => {
    const r = await runCli(userAddArgs(db, { name: "thu-ky-hl", role: "clerk", scope: "xa ha linh" }));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^Phạm vi "xa ha linh" là đơn vị 18502 Xã Hà Linh \/ scope "xa ha linh" is org unit 18502 Xã Hà Linh$/m,
    );
    expect(r.out).toMatch(/scope 18502 Xã Hà Linh/);
    expect(r.out.trim().split("\n").at(-1)).toMatch(/^ntm_/);
  });

  it("a name is read at today, or at @DATE: Sơn Hồng is the merged 2025 commune unless dated before the reform", async () => {
    const now = await runCli(userAddArgs(db, { name: "a-2026", role: "clerk", scope: "Xã Sơn Hồng" }));
    expect(now.out).toMatch(/scope 18160 Xã Sơn Hồng/);
    const then = await runCli(
      userAddArgs(db, { name: "a-2024", role: "clerk", scope: "Xã Sơn Hồng@2024-01-01" }),
    );
    expect(then.out).toMatch(/scope 18139 Xã Sơn Hồng/);
  });

  it("a name with other tones is not the commune: Sơn Hông matches nothing and no user is made", async () => {
    const r = await runCli(userAddArgs(db, { name: "sai-dau", role: "clerk", scope: "Sơn Hông" }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^Không có đơn vị mã hoặc tên "Sơn Hông".* \/ No org unit with code or name "Sơn Hông"/,
    );
    expect(r.out).toBe("");
  });

  it("two units of one name are listed, none chosen", async () => {
    const csv = path.join(dir, "twin.csv");
    fs.writeFileSync(
      csv,
      "code,name,level,parent_code,valid_from,valid_to,successor_code\n18502-B,Xã Hà Linh,commune,444,,,\n",
    );
    const imported = await admin("org-units", "import", csv);
    expect(imported.out).toMatch(/^Đã nhập 1 đơn vị từ .* \/ imported 1 org unit from /);
    const r = await runCli(userAddArgs(db, { name: "twin", role: "clerk", scope: "Xã Hà Linh" }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /Có 2 đơn vị tên "Xã Hà Linh": dùng --scope MÃ \/ 2 org units are named "Xã Hà Linh": use --scope CODE/,
    );
    expect(r.err).toMatch(/^ {2}18502 Xã Hà Linh \(commune\)$/m);
    expect(r.err).toMatch(/^ {2}18502-B Xã Hà Linh \(commune\)$/m);
  });

  it("says which store it uses when --db is not given", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = path.join(dir, "from-env.sqlite");
    try {
      const r = await runCli(["admin", "user", "list"]);
      expect(r.code).toBe(0);
      expect(r.err).toBe(
        `Kho dữ liệu: ${process.env.DATABASE_URL} (theo biến DATABASE_URL; chọn kho khác bằng --db) / store: ${process.env.DATABASE_URL} (from DATABASE_URL; choose another with --db)\n`,
      );
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    expect((await admin("user", "list")).err).toBe("");
  });
});
