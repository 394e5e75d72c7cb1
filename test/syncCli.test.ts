/**
 * The sync client and the CLI against a real server: push a sample workbook, retry, pull values and
 * reviewer comments back into it, merge a stale outbox entry per indicator, and administer users.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { SyncClient, flushOutbox } from "../src/client/syncClient";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { emptyOutbox, enqueue } from "../src/domain/sync";
import { Store } from "../src/server/store/store";
import { pullArgs, pushArgs, userAddArgs } from "./cliRunner";
import { IN_COMMUNE, SET, fixtureWithFolder } from "./serverFixture";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const NANG_CAO = path.join(__dirname, "fixtures", "samples", "xa-kim-song-truong-2023-nang-cao.xlsx");

/** A loopback port nobody listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe("sync client and CLI", () => {
  const fx = fixtureWithFolder("ntm-cli-");

  it("ntm push sends a workbook once, ntm pull writes head values and reviewer comments back into its cells", async () => {
    const wbFile = path.join(fx.dir, "son-hong.xlsx");
    fs.copyFileSync(SAMPLE, wbFile);
    const args = pushArgs(wbFile, fx.base, fx.tokens.clerk, { org: IN_COMMUNE, period: "2023", set: SET });
    let io = captureIo();
    expect(await main(["node", "ntm", ...args], io)).toBe(0);
    expect(io.stdout).toContain("revision 1");
    io = captureIo();
    expect(await main(["node", "ntm", ...args], io)).toBe(0);
    expect(io.stdout).toContain("Nothing new to push");

    const client = new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer });
    const key = { org: IN_COMMUNE, set: SET, period: "2023" };
    const head = (await client.getReport(key)).head!;
    expect(Object.keys(head.values).length).toBeGreaterThan(40);
    const [code, v] = Object.entries(head.values).find(([, x]) => x.cell && x.sheet)!;
    await client.review(key, "return", head.number, { [code]: "Kiểm tra lại số liệu" });

    io = captureIo();
    expect(
      await main(
        [
          "node",
          "ntm",
          ...pullArgs(wbFile, fx.base, fx.tokens.clerk, { org: IN_COMMUNE, set: SET, period: "2023" }),
        ],
        io,
      ),
    ).toBe(0);
    // Issue 11: the comment is shown at its cell; the commune's file gets no comment part and no
    // extra sheet (every package part but the written cells' sheets keeps its bytes).
    expect(io.stdout).toContain(`(${v.sheet}!${v.cell}): [NTM – Ý kiến thẩm định]`);
    expect(io.stdout).toContain("Kiểm tra lại số liệu");
    const wb = XLSX.readFile(wbFile);
    expect(wb.SheetNames).not.toContain("NTM kho dữ liệu");
  });

  it("ntm push sends a workbook that only marks whole criteria; the store counts what ntm validate counts and a pull writes nothing over the marks", async () => {
    const wbFile = path.join(fx.dir, "kim-song-truong.xlsx");
    fs.copyFileSync(NANG_CAO, wbFile);
    let io = captureIo();
    expect(await main(["node", "ntm", "validate", wbFile, "--json"], io)).toBe(0);
    const validated = JSON.parse(io.stdout);
    const { criteriaMet, criteriaTotal } = (Array.isArray(validated) ? validated[0] : validated).summary;
    const set = "ht-xa-ntm-nang-cao-20tc";
    io = captureIo();
    expect(
      await main(
        [
          "node",
          "ntm",
          ...pushArgs(wbFile, fx.base, fx.tokens.clerk, { org: IN_COMMUNE, period: "2023", set }),
        ],
        io,
      ),
    ).toBe(0);
    expect(io.stdout).toContain("revision 1");
    // Criterion 10 (income) is measured in money: its "x" is not a figure, and the clerk is told so.
    // One criterion in the singular (issue 18: "Criteria 10 are" was the plural bug).
    expect(io.stderr).toMatch(/Tiêu chí 10 chỉ được đánh dấu.*\/ Criterion 10 is only marked/);
    const key = { org: IN_COMMUNE, set, period: "2023" };
    const view = await new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer }).getReport(key);
    expect(Object.keys(view.head!.values).sort()).toEqual(
      Array.from({ length: criteriaTotal }, (_, i) => String(i + 1))
        .filter((c) => c !== "10")
        .sort(),
    );
    expect(view.head!.evaluation).toMatchObject({ criteriaMet, criteriaTotal });
    // Marks travel with their cell as the self-assessment cell only, so a pull cannot write TRUE over an "x".
    expect(Object.values(view.head!.values).every((v) => !v.cell && v.sheet && v.selfAssessmentCell)).toBe(
      true,
    );
    const before = fs.readFileSync(wbFile);
    io = captureIo();
    expect(
      await main(
        [
          "node",
          "ntm",
          ...pullArgs(wbFile, fx.base, fx.tokens.clerk, { org: IN_COMMUNE, set, period: "2023" }),
        ],
        io,
      ),
    ).toBe(0);
    const marks = (f: Buffer) => XLSX.utils.sheet_to_json(XLSX.read(f).Sheets["Tổng hợp"], { header: 1 });
    expect(marks(fs.readFileSync(wbFile))).toEqual(marks(before));
  });

  it("ntm push to a server that cannot be reached keeps the values in the outbox and says so; the next push sends them; ntm pull says the same", async () => {
    const wbFile = path.join(fx.dir, "offline.xlsx");
    fs.copyFileSync(SAMPLE, wbFile);
    const dead = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    const args = (server: string) =>
      pushArgs(wbFile, server, fx.tokens.clerk, { org: IN_COMMUNE, period: "2019", set: SET });
    let io = captureIo();
    expect(await main(["node", "ntm", ...args(dead)], io)).toBe(1);
    expect(io.stderr).toContain(
      `Không kết nối được máy chủ ${dead} (ECONNREFUSED): kiểm tra địa chỉ máy chủ và mạng. / Cannot reach the server ${dead} (ECONNREFUSED)`,
    );
    expect(io.stderr).toContain("số liệu vẫn nằm trong hàng chờ (offline.xlsx.ntm-sync.json)");
    expect(io.stderr).not.toContain("fetch failed");
    const sidecar = JSON.parse(fs.readFileSync(`${wbFile}.ntm-sync.json`, "utf8"));
    expect(sidecar.outbox.entries).toHaveLength(1);
    // The server is back (here: the right address): the queued values go, once.
    io = captureIo();
    expect(await main(["node", "ntm", ...args(fx.base)], io)).toBe(0);
    expect(io.stdout).toContain("revision 1");
    io = captureIo();
    expect(
      await main(
        [
          "node",
          "ntm",
          ...pullArgs(wbFile, dead, fx.tokens.clerk, { org: IN_COMMUNE, set: SET, period: "2019" }),
        ],
        io,
      ),
    ).toBe(1);
    expect(io.stderr.startsWith(`Không kết nối được máy chủ ${dead} (ECONNREFUSED)`)).toBe(true);
  });

  it("a push of another period from the same workbook keeps the first period's queued push, and both go when the server answers", async () => {
    const wbFile = path.join(fx.dir, "two-periods.xlsx");
    fs.copyFileSync(SAMPLE, wbFile);
    const dead = `http://127.0.0.1:${await freePort()}`;
    const args = (server: string, period: string) =>
      pushArgs(wbFile, server, fx.tokens.clerk, { org: IN_COMMUNE, period, set: SET });
    expect(await main(["node", "ntm", ...args(dead, "2017")], captureIo())).toBe(1);
    expect(await main(["node", "ntm", ...args(dead, "2016")], captureIo())).toBe(1);
    const sidecar = JSON.parse(fs.readFileSync(`${wbFile}.ntm-sync.json`, "utf8"));
    expect(sidecar.outbox.entries.map((e: { key: { period: string } }) => e.key.period)).toEqual([
      "2017",
      "2016",
    ]);
    // Both periods reach the store: the second push no longer wrote the first one's over.
    const io = captureIo();
    expect(await main(["node", "ntm", ...args(fx.base, "2016")], io)).toBe(0);
    const client = new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer });
    for (const period of ["2017", "2016"])
      expect((await client.getReport({ org: IN_COMMUNE, set: SET, period })).head?.number).toBe(1);
  });

  it("a stale outbox entry merges per indicator: disjoint changes go through, the same indicator is a conflict", async () => {
    const key = { org: IN_COMMUNE, set: SET, period: "2022" };
    const a = new SyncClient({ baseUrl: fx.base, token: fx.tokens.clerk });
    const base = { "17.1": { value: 70 }, "2.1": { value: true } };
    expect((await a.push(key, { opId: "merge-base-1", baseRevision: 0, values: base })).status).toBe(201);
    expect(
      (
        await a.push(key, {
          opId: "merge-theirs-2",
          baseRevision: 1,
          values: { ...base, "2.1": { value: false } },
        })
      ).status,
    ).toBe(201);
    let n = 0;
    const deps = {
      newOpId: () => `merge-new-${++n}`,
      now: () => "2026-01-01T00:00:00Z",
      baseValues: async () => base,
    };
    const clean = await flushOutbox(
      a,
      enqueue(emptyOutbox(), {
        opId: "merge-mine-3",
        key,
        baseRevision: 1,
        values: { ...base, "17.1": { value: 90 } },
        enqueuedAt: "t",
      }),
      deps,
    );
    expect(clean.acknowledged).toEqual([{ opId: "merge-new-1", revision: 3 }]);
    expect((await a.getReport(key)).head!.values).toEqual({ "17.1": { value: 90 }, "2.1": { value: false } });

    const clash = await flushOutbox(
      a,
      enqueue(emptyOutbox(), {
        opId: "merge-mine-4",
        key,
        baseRevision: 1,
        values: { ...base, "2.1": { value: null } },
        enqueuedAt: "t",
      }),
      deps,
    );
    expect(clash.acknowledged).toEqual([]);
    expect(clash.conflicts[0].conflicts.map((c) => c.code)).toEqual(["2.1"]);
    expect(clash.outbox.entries[0].blocked?.reason).toBe("conflict");
  });

  it("ntm admin user add prints the token last; list and revoke", async () => {
    const db = path.join(fx.dir, "admin.sqlite");
    let io = captureIo();
    expect(await main(["node", "ntm", "admin", "seed", "--db", db], io)).toBe(0);
    io = captureIo();
    expect(
      await main(["node", "ntm", ...userAddArgs(db, { name: "thu-ky", role: "clerk", scope: "18502" })], io),
    ).toBe(0);
    const token = io.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^ntm_[A-Za-z0-9_-]{43}$/);
    const store = await Store.open({ location: db });
    expect(await store.authenticate(token)).toMatchObject({ name: "thu-ky", role: "clerk" });
    io = captureIo();
    expect(await main(["node", "ntm", "admin", "user", "list", "--db", db], io)).toBe(0);
    expect(io.stdout).toMatch(/thu-ky\tclerk\t18502 Xã Hà Linh\tactive/);
    io = captureIo();
    expect(await main(["node", "ntm", "admin", "user", "revoke", "thu-ky", "--db", db], io)).toBe(0);
    expect(await store.authenticate(token)).toBeUndefined();
    io = captureIo();
    expect(
      await main(
        ["node", "ntm", "admin", "user", "add", "--name", "x", "--role", "boss", "--scope", "42", "--db", db],
        io,
      ),
    ).toBe(2);
    expect(io.stderr).toMatch(/^Vai trò không hợp lệ/);
    const csv = path.join(fx.dir, "units.csv");
    fs.writeFileSync(
      csv,
      "code,name,level,parent_code,valid_from,valid_to,successor_code\n18502-T09,Thôn Mới,village,18502,,,\n",
    );
    io = captureIo();
    expect(await main(["node", "ntm", "admin", "org-units", "import", csv, "--db", db], io)).toBe(0);
    const backup = path.join(fx.dir, "copy.sqlite");
    io = captureIo();
    expect(await main(["node", "ntm", "admin", "backup", "-o", backup, "--db", db], io)).toBe(0);
    await store.close();
    const copy = await Store.open({ location: backup });
    expect((await copy.tree()).resolve("18502-T09")?.name).toBe("Thôn Mới");
    await copy.close();
  });
});
