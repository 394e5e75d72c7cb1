import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { getCriteriaSet, listCriteriaSets } from "../src/domain/criteria/registry";

const run = async (...args: string[]) => {
  const io = captureIo();
  const code = await main(["node", "ntm", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-criteria-"));

describe("ntm criteria", () => {
  it("list --json gives the seven sets of issue 3 (and Hà Tĩnh's 20-criterion nâng cao) with counts", async () => {
    const { code, out } = await run("criteria", "list", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(out);
    const byId = Object.fromEntries(list.map((s: any) => [s.id, s]));
    for (const id of [
      "vn-xa-ntm-2021-2025",
      "vn-xa-ntm-nang-cao-2021-2025",
      "vn-xa-ntm-kieu-mau-2021-2025",
      "vn-xa-ntm-2026-2030",
      "ht-xa-ntm-2021-2025",
      "ht-kdc-kieu-mau",
      "ht-vuon-mau",
    ])
      expect(byId[id]).toBeDefined();
    expect(byId["vn-xa-ntm-2021-2025"]).toMatchObject({ criteria: 19, indicators: 57 });
    expect(byId["ht-xa-ntm-2021-2025"].criteria).toBe(20);
    expect(byId["vn-xa-ntm-2026-2030"]).toMatchObject({ criteria: 10, officialIndicatorCount: 47 });
    for (const s of list) expect(typeof s.unverifiedTargets).toBe("number");
    expect(byId["vn-xa-ntm-2021-2025"].unverifiedTargets).toBe(byId["vn-xa-ntm-2021-2025"].targets);
    expect(byId["vn-xa-ntm-kieu-mau-2021-2025"].unverifiedTargets).toBe(0);
  });

  it("list prints one block per set, saying how many targets are unverified", async () => {
    const { out } = await run("criteria", "list");
    expect(out).toContain("19 tiêu chí / criteria · 57 chỉ tiêu / indicators");
    expect(out).toMatch(/\d+\/\d+ mức chưa xác minh \/ targets unverified/);
  });

  it("show ID prints criteria and indicators; show --json the set; an unknown id exits 1", async () => {
    const text = await run("criteria", "show", "vn-xa-ntm-2021-2025");
    expect(text.out).toContain("17. Môi trường và an toàn thực phẩm");
    expect(text.out).toContain("chưa có mức / no confirmed level");
    const json = JSON.parse((await run("criteria", "show", "ht-vuon-mau", "--json")).out);
    expect(json.set).toEqual(getCriteriaSet("ht-vuon-mau"));
    const bad = await run("criteria", "show", "nope");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("ntm criteria list");
  });

  it.each(listCriteriaSets().map((s) => s.id))(
    "export %s then compile gives back the identical set",
    async (id) => {
      const book = path.join(tmp, `${id}.xlsx`);
      const json = path.join(tmp, `${id}.json`);
      expect((await run("criteria", "export", id, "-o", book)).code).toBe(0);
      const c = await run("criteria", "compile", book, "-o", json);
      expect(c.code).toBe(0);
      expect(JSON.parse(fs.readFileSync(json, "utf8"))).toEqual(getCriteriaSet(id));
    },
  );

  it("a broken workbook exits non-zero with sheet, row and column", async () => {
    const book = path.join(tmp, "broken.xlsx");
    await run("criteria", "export", "ht-vuon-mau", "-o", book);
    const wb = XLSX.readFile(book);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.indicators, { header: 1, defval: null });
    rows[2][(rows[0] as string[]).indexOf("op")] = "=>";
    wb.Sheets.indicators = XLSX.utils.aoa_to_sheet(rows);
    XLSX.writeFile(wb, book);
    const r = await run("criteria", "compile", book, "-o", path.join(tmp, "broken.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      '[indicators, row 3, column op] "=>" is not a comparison; use one of ≥, ≤, =, yes',
    );
    expect(r.err).toContain("[indicators, hàng 3, cột op]");
    expect(fs.existsSync(path.join(tmp, "broken.json"))).toBe(false);
  });

  it("a file that is not a workbook exits 1 with the reader's message", async () => {
    const f = path.join(tmp, "not.xlsx");
    fs.writeFileSync(f, "hello");
    const r = await run("criteria", "compile", f, "-o", path.join(tmp, "x.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("not.xlsx");
  });
});
