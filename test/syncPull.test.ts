/**
 * Issue 11, client side, against a real server: `ntm pull` into an existing workbook changes only
 * the cells it means to (every other package part keeps its bytes; the written sheet differs only
 * in those cells), keeps an unpushed local edit, writes in the workbook's own form, never writes
 * a server string as a formula or where the reader did not locate the indicator; `ntm push` says
 * what waits and why and exits non-zero until the outbox is empty (423 → reopen → push).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SyncClient } from "../src/client/syncClient";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { readWorkbookValues } from "../src/cli/commands/syncWords";
import type { IndicatorValue, IndicatorValues } from "../src/domain/sync";
import { writePulledCells } from "../src/io/xlsx/ooxml/writePulledCells";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { changedParts, copiesIn, parts, withoutCells } from "./packageParts";
import { IN_COMMUNE, SET, fixtureWithFolder, reviewHead } from "./serverFixture";

const SON_HONG = path.join(__dirname, "..", "..", "shared", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");

/** "Types" a value into a workbook cell, as a clerk in Excel would (the workbook's own form). */
function typeInto(file: string, code: string, value: IndicatorValue["value"], unit?: string): void {
  const at = readWorkbookValues(file, {}).values[code];
  if (!at?.sheet || !at.cell) throw new Error(`no cell for ${code}`);
  const { xlsx, report } = writePulledCells(fs.readFileSync(file), [
    { code, sheet: at.sheet, cell: at.cell, value: { value, ...(unit ? { unit } : {}) } },
  ]);
  if (report.written.length !== 1) throw new Error(`could not type ${code}: ${JSON.stringify(report)}`);
  fs.writeFileSync(file, xlsx);
}

describe("ntm pull into an existing workbook, ntm push's outbox states", () => {
  const fx = fixtureWithFolder("ntm-pull-");

  const common = (period: string, token = fx.tokens.clerk) => [
    "--server",
    fx.base,
    "--token",
    token,
    "--org",
    IN_COMMUNE,
    "--set",
    SET,
    "--period",
    period,
  ];
  async function push(file: string, period: string, ...more: string[]) {
    const io = captureIo();
    const code = await main(["node", "ntm", "push", file, ...common(period), ...more], io);
    return { code, out: io.stdout, err: io.stderr };
  }
  async function pull(file: string, period: string, ...more: string[]) {
    const io = captureIo();
    const code = await main(["node", "ntm", "pull", ...common(period), "-o", file, ...more], io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it("Sơn Hồng: the other copy's changes land in the workbook's own form, the local edit stays, nothing else changes", async () => {
    const [a, b] = copiesIn(fx.dir, SON_HONG, "a.xlsx", "b.xlsx");
    expect((await push(a, "2022-01")).code).toBe(0);
    expect((await pull(b, "2022-01")).code).toBe(0); // b is in step with revision 1
    typeInto(b, "2.2", 91.5, "%"); // E18: a fraction in a percent cell
    typeInto(b, "2.4", 75, "%"); // E20: "72,5%" written as text
    typeInto(b, "7", false); // E32: "Đạt"
    expect((await push(b, "2022-01")).code).toBe(0);
    typeInto(a, "2.3", 99, "%"); // E19 "96,4%" → "99%": typed here, not pushed
    const before = parts(a);

    const r = await pull(a, "2022-01");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Giữ số liệu của sổ.*2\.3/);
    const after = parts(a);
    const sheet = "xl/worksheets/sheet1.xml";
    expect(changedParts(before, after)).toEqual([sheet]);
    const xml = after.get(sheet)!.toString("utf8");
    expect(withoutCells(xml, ["E18", "E20", "E32"])).toBe(
      withoutCells(before.get(sheet)!.toString("utf8"), ["E18", "E20", "E32"]),
    );
    const read = readWorkbookValues(a, {}).values;
    expect(read["2.2"]).toMatchObject({ value: 91.5, raw: 0.915 }); // still a fraction, still 0.0 %
    expect(read["2.4"]).toMatchObject({ value: 75, raw: "75%" }); // still text
    expect(read["7"]).toMatchObject({ value: false, raw: "Không đạt" }); // still a word
    expect(read["2.3"]).toMatchObject({ value: 99, raw: "99%" }); // the local edit
    expect(read["13.4"]).toMatchObject({ raw: "Không có làng nghề" }); // prose kept
    expect(xml).toMatch(/<c r="E18" s="\d+"><v>0.915<\/v><\/c>/); // its style kept
    // A backup of the workbook before the pull.
    expect(
      parts(a.replace(/\.xlsx$/, ".bak.xlsx"))
        .get(sheet)!
        .equals(before.get(sheet)!),
    ).toBe(true);

    // The local edit goes with the next push.
    expect((await push(a, "2022-01")).code).toBe(0);
    const head = (
      await new SyncClient({ baseUrl: fx.base, token: fx.tokens.clerk }).getReport({
        org: IN_COMMUNE,
        set: SET,
        period: "2022-01",
      })
    ).head!;
    expect(head.values["2.3"].value).toBe(99);
    expect(head.values["2.2"].value).toBe(91.5);
  });

  it("a pull never overwrites an unpushed edit the server changed too: a conflict with mine/theirs/base and the cell, exit 1, until --take", async () => {
    const [a, b] = copiesIn(fx.dir, SON_HONG, "c-a.xlsx", "c-b.xlsx");
    expect((await push(a, "2022-02")).code).toBe(0);
    expect((await pull(b, "2022-02")).code).toBe(0);
    typeInto(b, "2.3", 97, "%");
    expect((await push(b, "2022-02")).code).toBe(0);
    typeInto(a, "2.3", 99, "%");
    const before = fs.readFileSync(a);
    let r = await pull(a, "2022-02");
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "2.3 ở / at Biểu 01!E19: của bạn / mine 99 % · trên kho / theirs 97 % · gốc / base 96,4 %",
    );
    expect(fs.readFileSync(a).equals(before)).toBe(true); // nothing written, no backup needed
    // Still a conflict on the next pull: the base did not move.
    expect((await pull(a, "2022-02")).code).toBe(1);
    r = await pull(a, "2022-02", "--take", "2.3=theirs", "--no-backup");
    expect(r.code).toBe(0);
    expect(readWorkbookValues(a, {}).values["2.3"]).toMatchObject({ value: 97, raw: "97%" });
  });

  it("a template workbook: charts, conditional formats and drop-downs stay byte for byte", async () => {
    const t = path.join(fx.dir, "template.xlsx");
    let io = captureIo();
    expect(
      await main(
        ["node", "ntm", "template", "--set", SET, "--org", "Xã Sơn Hồng", "--org-code", IN_COMMUNE].concat([
          "--period",
          "2022-03",
          "-o",
          t,
        ]),
        io,
      ),
    ).toBe(0);
    const [a, b] = copiesIn(fx.dir, t, "t-a.xlsx", "t-b.xlsx");
    typeInto(b, "2.3", 88, "%");
    expect((await push(b, "2022-03")).code).toBe(0);
    const before = parts(a);
    io = captureIo();
    const r = await pull(a, "2022-03");
    expect(r.code).toBe(0);
    const after = parts(a);
    const at = readWorkbookValues(a, {}).values["2.3"];
    expect(at.value).toBe(88);
    const changed = changedParts(before, after);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    const sheetXml = (m: Map<string, Buffer>) =>
      withoutCells(m.get(changed[0])!.toString("utf8"), [at.cell!]);
    expect(sheetXml(after)).toBe(sheetXml(before));
    expect(sheetXml(after)).toMatch(/<conditionalFormatting|<dataValidations/);
    expect([...after.keys()].some((n) => n.startsWith("xl/charts/"))).toBe(true);
  });

  it("never writes one commune's report into a workbook that names another commune", async () => {
    const t = path.join(fx.dir, "other-commune.xlsx");
    const a = path.join(fx.dir, "own-commune.xlsx");
    fs.copyFileSync(SON_HONG, a);
    expect((await push(a, "2022-07")).code).toBe(0);
    const io = captureIo();
    const args = ["node", "ntm", "template", "--set", SET, "--org", "Xã Hà Linh", "--org-code", "18502"];
    expect(await main([...args, "--period", "2022-07", "-o", t], io)).toBe(0);
    const before = fs.readFileSync(t);
    const r = await pull(t, "2022-07");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/là của đơn vị 18502, không phải 18139: không ghi gì/);
    expect(fs.readFileSync(t).equals(before)).toBe(true);
  });

  it("approved → push is refused and said → reopen → push: the value reaches the head; push never exits 0 while something waits", async () => {
    const a = path.join(fx.dir, "lock.xlsx");
    fs.copyFileSync(SON_HONG, a);
    expect((await push(a, "2022-04")).code).toBe(0);
    const key = { org: IN_COMMUNE, set: SET, period: "2022-04" };
    const reviewer = new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer });
    await reviewHead(reviewer, key, "approve");
    typeInto(a, "2.3", 98, "%");
    let r = await push(a, "2022-04");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/đã được duyệt và khóa: 1 lần gửi chờ.*sẽ được gửi khi người duyệt mở lại/);
    r = await push(a, "2022-04"); // still locked: still says so, still exit 1
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/duyệt và khóa/);
    await reviewHead(reviewer, key, "reopen");
    r = await push(a, "2022-04");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Pushed: revision 2/);
    expect((await reviewer.getReport(key)).head!.values["2.3"].value).toBe(98);
    const sidecar = JSON.parse(fs.readFileSync(`${a}.ntm-sync.json`, "utf8"));
    expect(sidecar.outbox.entries).toEqual([]);
  });

  it("a wrong token is refused for good: shown, not retried, exit 1, until --retry-refused; the token may come from NTM_TOKEN", async () => {
    const a = path.join(fx.dir, "refused.xlsx");
    fs.copyFileSync(SON_HONG, a);
    let r = await push(a, "2022-05", "--token", "ntm_wrong");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Bị từ chối \(HTTP 401\)/);
    const args = ["node", "ntm", "push", a, "--server", fx.base, "--org", IN_COMMUNE, "--set", SET];
    const saved = process.env.NTM_TOKEN;
    process.env.NTM_TOKEN = fx.tokens.clerk;
    try {
      let io = captureIo();
      expect(await main([...args, "--period", "2022-05"], io)).toBe(1);
      expect(io.stderr).toMatch(/Bị từ chối \(HTTP 401\).*--retry-refused/);
      io = captureIo();
      expect(await main([...args, "--period", "2022-05", "--retry-refused"], io)).toBe(0);
      expect(io.stdout).toMatch(/Pushed: revision 1/);
    } finally {
      if (saved === undefined) delete process.env.NTM_TOKEN;
      else process.env.NTM_TOKEN = saved;
    }
    r = await push(a, "2022-05");
    expect(r.code).toBe(0);
  });

  it("hostile values from the server: __proto__ and !ref targets, =HYPERLINK text — written only at the reader's cell, as text, nothing polluted", async () => {
    const a = path.join(fx.dir, "hostile.xlsx");
    fs.copyFileSync(SON_HONG, a);
    expect((await push(a, "2022-06")).code).toBe(0);
    expect((await pull(a, "2022-06")).code).toBe(0);
    const key = { org: IN_COMMUNE, set: SET, period: "2022-06" };
    const other = new SyncClient({ baseUrl: fx.base, token: fx.tokens.clerk });
    const head = (await other.getReport(key)).head!;
    const formula = '=HYPERLINK("http://evil.example","bấm vào đây")';
    // The server refuses targets no workbook has (a prototype sheet, "!ref", the hidden _ntm sheet)…
    const onHead = (opId: string, changed: IndicatorValues) =>
      other.push(key, { opId, baseRevision: head.number, values: { ...head.values, ...changed } });
    const refused = await onHead("hostile-op-0000", {
      "2.3": { value: 97, unit: "%", sheet: "__proto__", cell: "!ref" },
      "2.4": { value: formula, sheet: "_ntm", cell: "A1" },
    });
    expect(refused.status).toBe(400);
    // …and what it accepts is still written only where this workbook's reader found the indicator
    // (domain/sync/workbookPull.test.ts covers __proto__ and "!ref" arriving from an older server).
    const res = await onHead("hostile-op-0001", {
      "2.3": { value: 97, unit: "%", sheet: "Biểu 01", cell: "XFD1048576" },
      "2.4": { value: formula, sheet: "Biểu 01", cell: "A1" },
      "2.1": { value: 50, unit: "%", sheet: "Biểu 01", cell: "C3" }, // the server says C3; the reader says E17
    });
    expect(res.status).toBe(201);
    const before = parts(a);
    const r = await pull(a, "2022-06");
    expect(r.code).toBe(0);
    expect(({} as Record<string, unknown>).value).toBeUndefined();
    const read = readWorkbookValues(a, {}).values;
    expect(read["2.3"]).toMatchObject({ value: 97, raw: "97%", cell: "E19" });
    expect(read["2.1"]).toMatchObject({ value: 50, cell: "E17" });
    const xml = parts(a).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const e20 = /<c r="E20"[^>]*>[\s\S]*?<\/c>/.exec(xml)![0];
    expect(e20).toContain('t="inlineStr"');
    expect(e20).not.toContain("<f>");
    expect(withoutCells(xml, ["E17", "E19", "E20"])).toBe(
      withoutCells(before.get("xl/worksheets/sheet1.xml")!.toString("utf8"), ["E17", "E19", "E20"]),
    );
    expect(changedParts(before, parts(a))).toEqual(["xl/worksheets/sheet1.xml"]);
  });
});

const SAMPLES = fs
  .readdirSync(path.dirname(SON_HONG))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

describe("the Bar on a copy of every sample workbook: push, change one indicator from a second copy, type a local edit, pull", () => {
  const fx = fixtureWithFolder("ntm-bar-");

  /** Another value of the same kind, that a clerk could type. */
  function changed(v: IndicatorValue): IndicatorValue["value"] {
    const x = v.value;
    if (typeof x === "boolean") return !x;
    if (typeof x === "number") return v.unit === "%" && x >= 99 ? x - 3 : x + 1;
    return x;
  }

  it.each(SAMPLES.map((f, i) => [f, i]))("%s", async (file, i) => {
    const [a, b] = copiesIn(fx.dir, path.join(path.dirname(SON_HONG), file), `a-${file}`, `b-${file}`);
    const read = readWorkbookValues(a, {});
    const editable = Object.entries(read.values).filter(
      ([, v]) => v.sheet && v.cell && (typeof v.value === "number" || typeof v.value === "boolean"),
    );
    // Months of 2024: the 2023 commune code is in force then (it ended with the 2025 merger).
    const period = `2024-${String(1 + Number(i)).padStart(2, "0")}`;
    const args = ["--server", fx.base, "--token", fx.tokens.clerk, "--org", IN_COMMUNE, "--set", read.set];
    const run = async (...cmd: string[]) => {
      const io = captureIo();
      return { code: await main(["node", "ntm", ...cmd, ...args, "--period", period], io), io };
    };
    expect((await run("push", a)).code).toBe(0);
    if (editable.length < 2) {
      // A workbook that only marks whole criteria: nothing has a cell to write; a pull changes no byte.
      // A work-volume report travels as its own report kind (issue 15): the pull finds its revision
      // and has no indicator cell to write. A workbook with no values at all (a village list) sends
      // nothing, so the store has no revision to pull and says so.
      const before = fs.readFileSync(a);
      const r = await run("pull", "-o", a);
      if (Object.keys(read.values).length || read.set === "work-volume") {
        expect(r.code).toBe(0);
        expect(r.io.stdout).toMatch(
          /^Phiên bản 1 \(đã gửi\): đã ghi 0 ô .* \/ Revision 1 \(submitted\): wrote 0 cells/,
        );
      } else expect(r.io.stderr).toMatch(/no revision of this report yet/);
      expect(fs.readFileSync(a).equals(before)).toBe(true);
      return;
    }
    expect((await run("pull", "-o", b)).code).toBe(0);
    const [[theirCode, theirs], [myCode, mine]] = [editable[0], editable[editable.length - 1]];
    typeInto(b, theirCode, changed(theirs), theirs.unit);
    expect((await run("push", b)).code).toBe(0);
    typeInto(a, myCode, changed(mine), mine.unit);
    const before = parts(a);
    const mineRaw = readWorkbookValues(a, {}).values[myCode].raw;
    const r = await run("pull", "-o", a);
    expect(r.io.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = parts(a);
    const now = readWorkbookValues(a, {}).values;
    expect(now[myCode]).toMatchObject({ value: changed(mine), raw: mineRaw }); // the local edit stays
    expect(now[theirCode].value).toEqual(changed(theirs)); // the other change lands…
    // …in the workbook's own form: the same kind of content as the cell held.
    expect(typeof now[theirCode].raw).toBe(typeof theirs.raw);
    const diff = changedParts(before, after);
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/^xl\/worksheets\/.+\.xml$/);
    const strip = (m: Map<string, Buffer>) => withoutCells(m.get(diff[0])!.toString("utf8"), [theirs.cell!]);
    expect(strip(after)).toBe(strip(before));
  });
});

describe("writing cells in place", () => {
  const sheet = "Biểu 01";
  it("refuses over-long text, an unknown sheet and an address that is not A1", () => {
    const xlsx = fs.readFileSync(SON_HONG);
    const long = "x".repeat(40000);
    const { xlsx: out, report } = writePulledCells(xlsx, [
      { code: "a", sheet, cell: "E19", value: { value: long } },
      { code: "b", sheet: "__proto__", cell: "E19", value: { value: 1 } },
      { code: "c", sheet, cell: "!ref", value: { value: 1 } },
      { code: "d", sheet: "constructor", cell: "A1", value: { value: 1 } },
      { code: "e", sheet, cell: "XFE1", value: { value: 1 } },
    ]);
    expect(out.equals(xlsx)).toBe(true);
    expect(report.unwritable.map((t) => t.code)).toEqual(["a"]);
    expect(report.badTargets.map((t) => t.code)).toEqual(["b", "c", "d", "e"]);
  });

  it("never writes over a formula (a template's counts): listed, the package unchanged", async () => {
    const t = path.join(os.tmpdir(), `ntm-formula-${process.pid}.xlsx`);
    const io = captureIo();
    expect(
      await main(
        ["node", "ntm", "template", "--set", SET, "--org", "Xã Sơn Hồng", "--period", "2023", "-o", t],
        io,
      ),
    ).toBe(0);
    const xlsx = fs.readFileSync(t);
    fs.rmSync(t);
    const pkg = readZip(xlsx);
    const names = new Map<string, string>();
    const wb = pkg.find((p) => p.name === "xl/workbook.xml")!.data.toString("utf8");
    const rels = pkg.find((p) => p.name === "xl/_rels/workbook.xml.rels")!.data.toString("utf8");
    for (const m of wb.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
      const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      if (target) names.set(`xl/${target.replace(/^\/?xl\//, "")}`, m[1]);
    }
    const withFormula = pkg.find((p) => names.has(p.name) && /<c [^>]*><f>/.test(p.data.toString("utf8")))!;
    const cell = /<c r="([A-Z]+\d+)"[^>]*><f>/.exec(withFormula.data.toString("utf8"))![1];
    const sheetName = names.get(withFormula.name)!;
    const { xlsx: out, report } = writePulledCells(xlsx, [
      { code: "x", sheet: sheetName, cell, value: { value: 123456 } },
    ]);
    expect(report.formulaCells).toEqual([`${sheetName}!${cell}`]);
    expect(out.equals(xlsx)).toBe(true);
  });

  it("never empties prose nor writes a number over it", () => {
    const xlsx = fs.readFileSync(SON_HONG);
    const { xlsx: out, report } = writePulledCells(xlsx, [
      { code: "13.4", sheet, cell: "E51", value: { value: 5 } },
      { code: "13.4", sheet, cell: "E51", value: { value: null } },
    ]);
    expect(out.equals(xlsx)).toBe(true);
    expect(report.proseCells).toEqual([`${sheet}!E51`]);
  });
});
