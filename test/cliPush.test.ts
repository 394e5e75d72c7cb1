/**
 * `ntm push` of a workbook that names its commune but not its code (issue 18): the org unit is
 * found by that name in the org tree the server shows the person, said in both languages; with two
 * units of the name the person is asked on a terminal, and without a terminal the push is refused
 * with both listed and nothing sent.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SyncClient } from "../src/client/syncClient";
import { unitsFromPlainTable } from "../src/server/seed/orgUnitRows";
import { pushArgs, runCli } from "./cliRunner";
import { IN_COMMUNE, SET, describeOnEachEngine } from "./serverFixture";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");

describeOnEachEngine("ntm push finds the org unit by the workbook's commune name", (fx) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cli-push-"));
  const copy = (name: string) => {
    const file = path.join(dir, name);
    fs.copyFileSync(SAMPLE, file);
    return file;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("uses the one unit of that name in the clerk's scope, and says so", async () => {
    const r = await runCli(pushArgs(copy("a.xlsx"), fx.base, fx.tokens.clerk));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^Đơn vị theo tên trong sổ "Xã Sơn Hồng": 18139 Xã Sơn Hồng \/ org unit from the workbook's name "Xã Sơn Hồng": 18139 Xã Sơn Hồng$/m,
    );
    const view = await new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer }).getReport({
      org: IN_COMMUNE,
      set: SET,
      period: "2023",
    });
    expect(view.head?.number).toBe(1);
  });

  it("pushes again under the unit found before, without looking the name up", async () => {
    const file = copy("again.xlsx");
    expect((await runCli(pushArgs(file, fx.base, fx.tokens.clerk))).err).toMatch(/Đơn vị theo tên trong sổ/);
    const again = await runCli(pushArgs(file, fx.base, fx.tokens.clerk));
    expect(again.code).toBe(0);
    expect(again.err).not.toMatch(/Đơn vị theo tên trong sổ/);
  });

  it("without the server, says the name cannot be looked up and how to queue the values anyway", async () => {
    const r = await runCli(pushArgs(copy("offline.xlsx"), "http://127.0.0.1:9", fx.tokens.clerk));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Không kết nối được máy chủ http:\/\/127\.0\.0\.1:9/);
    expect(r.err).toMatch(
      /thêm --org MÃ để số liệu vào hàng chờ \/ The org unit cannot be looked up by the workbook's name without the server: pass --org CODE to queue the values\.$/m,
    );
  });

  describe("with two units of the name", () => {
    beforeAll(async () => {
      const existing = await fx.store.db.selectFrom("org_units").selectAll().execute();
      await fx.store.upsertOrgUnits(
        unitsFromPlainTable(
          [{ code: "18139-B", name: "Xã Sơn Hồng", level: "commune", parent_code: "439" }],
          existing,
        ),
      );
    });

    it("without a terminal, refuses listing both and sends nothing", async () => {
      const r = await runCli(pushArgs(copy("b.xlsx"), fx.base, fx.tokens.admin));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /Có 2 đơn vị tên "Xã Sơn Hồng"; chọn một bằng --org MÃ \/ 2 org units are named "Xã Sơn Hồng"; choose one with --org CODE/,
      );
      expect(r.err).toMatch(/^ {2}18139 Xã Sơn Hồng …–2025-07-01$/m);
      expect(r.err).toMatch(/^ {2}18139-B Xã Sơn Hồng$/m);
      expect(r.out).not.toMatch(/Pushed/);
    });

    it("on a terminal, asks which one and pushes to the one chosen", async () => {
      const asked: string[] = [];
      const r = await runCli(pushArgs(copy("c.xlsx"), fx.base, fx.tokens.admin), async (q) => {
        asked.push(q);
        return "2";
      });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(
        / {2}1\) 18139 Xã Sơn Hồng[\s\S]* {2}2\) 18139-B Xã Sơn Hồng[\s\S]*Chọn 1–2 \/ choose 1–2: $/,
      );
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/phiên bản 1 của 18139-B\//);
    });

    it("an answer that names no unit sends nothing", async () => {
      const r = await runCli(pushArgs(copy("d.xlsx"), fx.base, fx.tokens.admin), async () => "x");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Không chọn đơn vị nào: không gửi gì \/ No org unit chosen: nothing sent/);
    });
  });

  it("a name nobody in the person's scope has is refused, with what to do", async () => {
    const haLinh = (await fx.store.tree()).resolve("18502")!;
    const { token } = await fx.store.createUser({ name: "clerk-ha-linh", role: "clerk", scopeId: haLinh.id });
    const r = await runCli(pushArgs(copy("e.xlsx"), fx.base, token));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Không có đơn vị tên "Xã Sơn Hồng" trong phạm vi của bạn: thêm --org MÃ .* \/ No org unit named "Xã Sơn Hồng" within your scope: pass --org CODE/,
    );
  });
});
