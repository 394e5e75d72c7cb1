/**
 * `ntm push` sends a commune's weekly result sheet as a work-volume report, and `ntm consolidate
 * --kind work-volume --period 2023-W14` gives the district's week from the files and from the
 * store alike: the sums equal the per-file sums, the communes that sent nothing are named.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { readReport } from "../src/domain/sheet/readReport";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { type Fixture, openFixture } from "./serverFixture";
import { communeWeek, haLinhItems, seeded, weekWorkbook } from "./rhythmSamples";
import { testEngines } from "./storeEngines";

const COMMUNES: [string, string][] = [
  ["18133", "Thị trấn Phố Châu"],
  ["18139", "Xã Sơn Hồng"],
  ["18142", "Xã Sơn Tiến"],
];

describe("ntm push and ntm consolidate --kind work-volume", () => {
  let fx: Fixture;
  let dir: string;
  const files: string[] = [];
  beforeAll(async () => {
    fx = await openFixture(testEngines[0]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-week-"));
    const rand = seeded(2023);
    const groups = haLinhItems().map((w) => w.group);
    for (const [code, name] of COMMUNES)
      for (const week of ["2023-W14", "2023-W15"]) {
        const items = communeWeek(rand, new Map(), []).map((w, i) => ({
          ...w,
          byUnit: undefined,
          group: groups[i],
        }));
        const file = path.join(dir, `${code}-${week}.xlsx`);
        fs.writeFileSync(file, weekWorkbook(name, week, items));
        files.push(file);
      }
  });
  afterAll(async () => {
    await fx.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (args: string[]) => {
    const io = captureIo();
    const code = await main(["node", "ntm", ...args], io);
    return { code, io };
  };
  /** Per item name, the sum of the W14 files' figures as the reader reads each file. */
  const fileSums = () => {
    const sums = new Map<string, { plan: number; done: number; cumulative: number }>();
    for (const f of files.filter((x) => x.includes("W14"))) {
      const { report } = readReport(readWorkbookFile(f), { fileName: path.basename(f) });
      for (const w of report.workItems ?? []) {
        const s = sums.get(w.name) ?? { plan: 0, done: 0, cumulative: 0 };
        s.plan += w.plan ?? 0;
        s.done += w.done ?? 0;
        s.cumulative += w.cumulative ?? 0;
        sums.set(w.name, s);
      }
    }
    return sums;
  };
  const expectSums = (totals: { name: string; plan: number; done: number; cumulative: number }[]) => {
    const sums = fileSums();
    expect(totals.length).toBe(sums.size);
    for (const t of totals) {
      const s = sums.get(t.name)!;
      expect([t.name, t.plan, t.done, t.cumulative]).toEqual(
        [t.name, s.plan, s.done, s.cumulative].map((x, i) => (i ? expect.closeTo(x as number, 6) : x)),
      );
    }
  };

  it("from files: sums equal the per-file sums, the other communes of Hương Sơn are not reported, a workbook is written", async () => {
    const out = path.join(dir, "tuan-14.xlsx");
    const { code, io } = await run([
      "consolidate",
      dir,
      "--kind",
      "work-volume",
      "--period",
      "2023-W14",
      "--json",
      "-o",
      out,
      "--workers",
      "0",
    ]);
    expect(code).toBe(1); // some communes of the district sent nothing
    const { week } = JSON.parse(io.stdout);
    expectSums(week.totals);
    expect(week.counts.reported).toBe(3);
    expect(week.notReported.length).toBe(week.counts.expected - 3);
    expect(week.notReported.map((u: { code: string }) => u.code)).not.toContain("18139");
    const wb = XLSX.read(fs.readFileSync(out));
    expect(wb.SheetNames).toEqual(["Tuần", "Chỉ tiêu kỳ"]);
    expect(XLSX.utils.sheet_to_csv(wb.Sheets["Tuần"])).toContain("Chưa báo cáo");
  });

  it("ntm push sends each weekly sheet as a work-volume report; from the store the week is the same", async () => {
    for (const f of files) {
      const code = path.basename(f).slice(0, 5);
      const { code: exit, io } = await run([
        "push",
        f,
        "--server",
        fx.base,
        "--token",
        fx.tokens.admin,
        "--org",
        code,
      ]);
      expect(io.stderr).toBe("");
      expect(exit).toBe(0);
      expect(io.stdout).toMatch(/work-volume\/2023-W1[45]/);
    }
    const { code, io } = await run([
      "consolidate",
      "--kind",
      "work-volume",
      "--period",
      "2023-W14",
      "--server",
      fx.base,
      "--under",
      "439",
      "--token",
      fx.tokens.office,
      "--json",
    ]);
    expect(code).toBe(1);
    const { week, completeness } = JSON.parse(io.stdout);
    expectSums(week.totals);
    expect(week.counts.reported).toBe(3);
    const results = completeness[0].deadlines.find((d: { id: string }) => d.id === "results");
    expect(results.counts.submitted).toBe(3);
  });
});
