/**
 * `ntm validate` as a person reads it (issue 18): one language per run (--lang vi|en), one line per
 * finding, the own-target remark once per file, a closing total over many files, --set of another
 * kind warned about, --out .csv written (and read back) or another ending refused.
 */
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { fileReport, findingLines as sayFindings } from "../src/cli/validate/fileReport";
import { judgeReport } from "../src/domain/check/judgeReport";
import { DEFAULT_SET_ID, getCriteriaSet } from "../src/domain/criteria/registry";
import { reportFromValues } from "../src/domain/sync/judgePushedValues";
import { findingsCsv, findingsCsvRows } from "../src/cli/validate/findingsCsv";
import type { Finding } from "../src/domain/review/finding";
import type { FileValidation } from "../src/domain/consolidate/fileValidation";
import { decodeCsvBytes, parseCsvText } from "../src/io/xlsx/parseCsvText";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const sample = (f: string) => path.join(SAMPLES, f);
const SON_HONG = sample("xa-son-hong-2023-tu-danh-gia.xlsx");

async function ntm(...args: string[]) {
  const io = captureIo();
  const code = await main(["node", "ntm", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

const findingLines = (out: string) => out.split("\n").filter((l) => /^ {4}\S/.test(l));

describe("ntm validate words its report in one language", () => {
  it("Vietnamese by default: labels and each finding on one line, the own-target remark once", async () => {
    const r = await ntm("validate", SON_HONG);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}Phát hiện: 3 lỗi, 0 cảnh báo, 9 thông tin$/m);
    const lines = findingLines(r.out);
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(
      /^ {4}LỖI \[Biểu 01!F19\] Chỉ tiêu 2\.3: tự đánh giá “Đạt”.*\(chỉ tiêu của xã\)/,
    );
    expect(r.out).not.toMatch(/Indicator|criteria met|ERROR/);
    expect(r.out.match(/chưa phải chỉ tiêu chính thức đã xác nhận/g)).toHaveLength(1);
    expect(r.out).toMatch(/^ {2}Ghi chú: “chỉ tiêu của xã” là chỉ tiêu do xã tự ghi/m);
  });

  it("English with --lang en, plurals right", async () => {
    const r = await ntm("validate", "--lang", "en", SON_HONG);
    expect(r.out).toMatch(/^ {2}Findings: 3 errors, 0 warnings, 9 info$/m);
    const lines = findingLines(r.out);
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(
      /^ {4}ERROR \[Biểu 01!F19\] Indicator 2\.3: self-assessed "Đạt".*\(the commune's own target\)/,
    );
    expect(r.out).not.toMatch(/Chỉ tiêu 2\.3|Phát hiện|LỖI/);
    expect(r.out.match(/not a confirmed official one/g)).toHaveLength(1);
  });

  it("refuses a language it does not have, in both languages", async () => {
    const r = await ntm("validate", "--lang", "fr", SON_HONG);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /giá trị "fr" của --lang <lang> không hợp lệ; chọn một trong: vi, en \/ "fr" is not a valid value/,
    );
  });
});

describe("a not-applicable statement", () => {
  // The domain's finding for "Không có làng nghề" on 13.4 (issue 18); built by hand here so the
  // tag is checked whatever the reader's own wording.
  const statement = {
    type: "indicator/not-applicable",
    severity: "info",
    sheet: "Biểu 01",
    cell: "E51",
    indicator: "13.4",
    params: { raw: "Không có làng nghề" },
  } as unknown as Finding;

  it("is tagged as not applicable in each language, not as information to act on", () => {
    expect(sayFindings([statement], "vi").lines[0]).toMatch(/^ {4}KHÔNG ÁP DỤNG \[Biểu 01!E51\] /);
    expect(sayFindings([statement], "en").lines[0]).toMatch(/^ {4}NOT APPLICABLE \[Biểu 01!E51\] /);
  });
});

describe("ntm validate over many files", () => {
  it("ends with one total: files, communes (a workbook and its CSV are one), criteria met, findings by severity", async () => {
    const files = [
      "xa-son-hong-2023-tu-danh-gia.xlsx",
      "xa-son-hong-2023.csv",
      "xa-dinh-ban-2021-khong-dau.xlsx",
    ];
    const vi = await ntm("validate", ...files.map(sample));
    expect(vi.out.trim().split("\n").at(-1)).toBe(
      "Tổng cộng: 3 tệp, 2 xã, 37/57 tiêu chí đạt; phát hiện: 6 lỗi, 0 cảnh báo, 32 thông tin.",
    );
    const en = await ntm("validate", "--lang", "en", ...files.map(sample));
    expect(en.out.trim().split("\n").at(-1)).toBe(
      "Total: 3 files, 2 communes, 37/57 criteria met; findings: 6 errors, 0 warnings, 32 info.",
    );
  });

  it("counts one file and one commune in the singular, and an unreadable file apart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cli-validate-"));
    fs.writeFileSync(path.join(dir, "hong.xlsx"), "not a workbook");
    const r = await ntm("validate", "--lang", "en", sample("xa-ha-linh-2022-11-khoi-luong.xlsx"), dir);
    expect(r.code).toBe(2);
    expect(r.out.trim().split("\n").at(-1)).toBe(
      "Total: 2 files (1 not read), 1 commune, 0/0 criteria met; findings: 0 errors, 0 warnings, 0 info.",
    );
    expect(r.out).toMatch(/^ {2}Work volumes: 15 items$/m);
  });

  it("prints no total for one file and no bar when stderr is not a terminal", async () => {
    const r = await ntm("validate", SON_HONG);
    expect(r.out).not.toMatch(/Tổng cộng/);
    expect(r.err).toBe("");
  });
});

// `script` gives the process a terminal, as a person's shell does (util-linux; skipped without it).
const hasScript = spawnSync("script", ["--version"]).status === 0;

(hasScript ? it : it.skip)(
  "on a terminal, shows a bar while it reads and keeps the reports on stdout whole",
  () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cli-tty-")), "out.txt");
    const files = [
      "xa-son-hong-2023.csv",
      "xa-dinh-ban-2021-khong-dau.xlsx",
      "xa-ha-linh-2022-11-khoi-luong.xlsx",
    ];
    const cmd = `node --require tsx/cjs src/cli/main.ts validate ${files.map((f) => `'${sample(f)}'`).join(" ")} > '${out}'`;
    const tty = spawnSync("script", ["-q", "-e", "-c", cmd, "/dev/null"], {
      cwd: path.join(__dirname, ".."),
      encoding: "utf8",
    });
    expect(tty.stdout).toMatch(/Đang đọc \/ reading .* 3\/3 tệp\/files/);
    const report = fs.readFileSync(out, "utf8");
    expect(report).not.toMatch(/reading|\x1b/);
    expect(report.trim().split("\n").at(-1)).toMatch(/^Tổng cộng: 3 tệp, 3 xã, /);
  },
  60_000,
);

describe("ntm validate --set of another kind", () => {
  it("warns, in both languages, when a village-level set judges a commune report", async () => {
    const r = await ntm("validate", "--set", "ht-kdc-kieu-mau", SON_HONG);
    expect(r.err).toMatch(
      /--set ht-kdc-kieu-mau là bộ cấp thôn nhưng tệp giống báo cáo cấp xã \(bộ vn-xa-ntm-2021-2025\).* \/ --set ht-kdc-kieu-mau is a village-level set but the file looks like a commune-level report/,
    );
  });

  it("says nothing when the set is of the file's kind", async () => {
    const r = await ntm(
      "validate",
      "--set",
      "ht-xa-ntm-2021-2025",
      sample("xa-dinh-ban-2021-khong-dau.xlsx"),
    );
    expect(r.err).toBe("");
  });
});

describe("ntm validate --out", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cli-out-"));

  it("writes findings.csv that Excel in Vietnam opens: BOM, ';', one row per finding", async () => {
    const out = path.join(dir, "r.csv");
    const r = await ntm("validate", "--out", out, SON_HONG);
    expect(r.code).toBe(1);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsvText(decodeCsvBytes(bytes));
    expect(rows[0][0]).toBe("Tệp / file");
    expect(rows).toHaveLength(13);
    expect(rows.map((row) => row.slice(3, 8))).toContainEqual([
      "error",
      "self-assessment/mismatch",
      "Biểu 01",
      "F19",
      "2.3",
    ]);
  });

  it("refuses another ending, in both languages, and writes nothing", async () => {
    const out = path.join(dir, "r.txt");
    const r = await ntm("validate", "--out", out, SON_HONG);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/chỉ ghi được \.xlsx .* hoặc \.csv .* \/ .*only \.xlsx .* or \.csv/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("the CSV reads back to exactly the rows written, whatever the text holds", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "Đ", ";", '"', "\n", "\r\n", ",", " ", "ạ") });
    fc.assert(
      fc.property(
        fc.array(fc.record({ file: text, message: text, sheet: text }), { maxLength: 5 }),
        (specs) => {
          const results: FileValidation[] = specs.map((s) => ({
            file: `x${s.file}`,
            ok: true,
            findings: [
              {
                type: "value/unreadable",
                severity: "warning",
                sheet: s.sheet,
                cell: "A1",
                message: `m${s.message}`,
              },
            ],
          }));
          const back = parseCsvText(decodeCsvBytes(Buffer.from(findingsCsv(results))), ";");
          expect(back).toEqual(findingsCsvRows(results));
        },
      ),
    );
  });
});

describe("the unverified-target remark", () => {
  // Values with no target in the workbook: the national set's targets judge them, none of which is
  // confirmed from its decision here — each line says so briefly, the report explains it once.
  const set = getCriteriaSet(DEFAULT_SET_ID)!;
  const report = reportFromValues(
    set.id,
    // Yes/no indicators the shipped set requires ("Có"), its values not confirmed from QĐ 318.
    { "1.1": { value: false }, "6.1": { value: false }, "8.1": { value: false } },
    { period: "2023", region: "BTB" },
  );
  const { findings } = judgeReport(set, report, { region: "BTB" });

  it.each(["vi", "en"] as const)("is said once per file in %s, each finding keeping a short tag", (lang) => {
    const short = lang === "vi" ? "(mức chưa xác minh)" : "(unverified target)";
    const said = sayFindings(findings, lang);
    const tagged = said.lines.filter((l) => l.includes(short));
    expect(tagged.length).toBeGreaterThanOrEqual(2);
    expect(said.lines.join("\n")).not.toMatch(/chưa đối chiếu với văn bản|not yet checked against/);
    expect(said.unverifiedFrom).toEqual([expect.stringContaining("QĐ 318/QĐ-TTg")]);
    const v: FileValidation = { file: "x.xlsx", ok: true, set: { id: set.id }, period: "2023" };
    const text = fileReport(v, findings, lang);
    expect(
      text.match(
        lang === "vi"
          ? /Ghi chú: “mức chưa xác minh” là mức theo QĐ 318/g
          : /Note: an "unverified target" is per QĐ 318/g,
      ),
    ).toHaveLength(1);
  });
});
