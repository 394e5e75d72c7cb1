/**
 * `ntm validate` as a user runs it: the JSON shape of issue 4, exit codes 0/1/2, directories, a
 * broken file beside good ones, misuse.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const sample = (f: string) => path.join(SAMPLES, f);

async function ntm(...args: string[]) {
  const io = captureIo();
  const code = await main(["node", "ntm", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("ntm validate", () => {
  it("prints one JSON object per file with the issue's fields, and exits 1 on an error finding", async () => {
    const r = await ntm("validate", "--json", sample("xa-son-hong-2023-tu-danh-gia.xlsx"));
    expect(r.code).toBe(1);
    const [v] = JSON.parse(r.out);
    expect(v).toMatchObject({
      file: sample("xa-son-hong-2023-tu-danh-gia.xlsx"),
      ok: false,
      set: { id: "vn-xa-ntm-2021-2025" },
      orgUnit: { name: "Xã Sơn Hồng" },
      period: "2023",
      summary: { criteriaMet: 13, criteriaTotal: 19 },
    });
    const i22 = v.indicators.find((i: any) => i.code === "2.2");
    expect(i22).toEqual({
      code: "2.2",
      value: 88.6,
      unit: "%",
      target: "≥ 90%",
      targetSource: "workbook",
      selfAssessment: "unmet",
      status: "unmet",
      sheet: "Biểu 01",
      cell: "E18",
    });
    expect(v.criteria.find((c: any) => c.code === "2")).toEqual({
      code: "2",
      status: "unmet",
      indicatorsMet: 2,
      indicatorsTotal: 4,
    });
    const mismatch = v.findings.find(
      (f: any) => f.type === "self-assessment/mismatch" && f.indicator === "2.3",
    );
    expect(mismatch).toMatchObject({ severity: "error", sheet: "Biểu 01", cell: "F19" });
    expect(mismatch.message).toMatch(/Biểu 01!F19/);
  });

  it("exits 0 for a clean file and prints a readable report", async () => {
    const r = await ntm("validate", sample("xa-dinh-ban-2021-khong-dau.xlsx"));
    expect(r.code).toBe(0);
    // One language per run (issue 18: both at once doubled every line); Vietnamese by default.
    expect(r.out).toMatch(/Tiêu chí đạt: 11\/19/);
    expect(r.out).toMatch(/Kỳ: 2021/);
  });

  it("reports villages and work items", async () => {
    const r = await ntm(
      "validate",
      "--json",
      sample("thon-2-kdc-kieu-mau-2023.xlsx"),
      sample("xa-ha-linh-2022-11-khoi-luong.xlsx"),
    );
    const [thon, volume] = JSON.parse(r.out);
    expect(thon.units).toEqual([{ name: "Thôn 2", criteriaMet: 4, criteriaTotal: 12, progress: 0.3333 }]);
    expect(volume.workItems[0]).toMatchObject({
      name: "Mở rộng hành lang, mặt đường giao thông",
      unit: "m",
      plan: 8000,
      done: 1135,
      cumulative: 6420,
      sheet: "T11-2022",
      cell: "E11",
    });
    expect(r.code).toBe(0);
  });

  it("validates a directory, keeps going past a broken file and exits 2 for it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-validate-"));
    fs.copyFileSync(sample("xa-dinh-ban-2021-khong-dau.xlsx"), path.join(dir, "a.xlsx"));
    fs.writeFileSync(path.join(dir, "b.xlsx"), "this is not a workbook");
    fs.writeFileSync(path.join(dir, "notes.txt"), "ignored");
    const r = await ntm("validate", "--json", dir);
    expect(r.code).toBe(2);
    const results = JSON.parse(r.out);
    expect(results.map((x: any) => path.basename(x.file))).toEqual(["a.xlsx", "b.xlsx"]);
    expect(results[0].ok).toBe(true);
    expect(results[1]).toMatchObject({ ok: false, error: { code: "not-a-spreadsheet" } });
    expect(results[1].error.message).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on misuse", async () => {
    expect(
      (await ntm("validate", "--region", "BTB", "--group", "1", sample("xa-dinh-ban-2021-khong-dau.xlsx")))
        .code,
    ).toBe(2);
    expect(
      (await ntm("validate", "--set", "no-such-set", sample("xa-dinh-ban-2021-khong-dau.xlsx"))).code,
    ).toBe(2);
    expect((await ntm("validate", "--region", "XYZ", sample("xa-dinh-ban-2021-khong-dau.xlsx"))).code).toBe(
      2,
    );
    expect((await ntm("validate", path.join(os.tmpdir(), "does-not-exist.xlsx"))).code).toBe(2);
  });

  it("lets the caller choose the set", async () => {
    const r = await ntm(
      "validate",
      "--json",
      "--set",
      "ht-xa-ntm-2021-2025",
      sample("xa-dinh-ban-2021-khong-dau.xlsx"),
    );
    expect(JSON.parse(r.out)[0].set.id).toBe("ht-xa-ntm-2021-2025");
  });
});
