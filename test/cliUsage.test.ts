/**
 * Mistakes a newcomer makes on the command line (issue 18), and what the real `ntm` process says:
 * commander's own errors — required option, unknown option, missing argument, unknown command, a
 * value outside the choices — in the CLI's two languages with the command's help named, exit 2,
 * no English-only line; and the loose checks: template --period "nam 2024", consolidate of a
 * missing folder (no summary written), pull's conflict count in the singular.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { conflictsOnIndicators, pushesWaitLocked } from "../src/cli/messages/syncMessages";
import { runCli } from "./cliRunner";
import { runNode } from "./runNode";

const CLI = "src/cli/main.ts";
const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");

describe("the real ntm process on a usage mistake", () => {
  it("a required option not given: both languages, the command's help, exit 2", async () => {
    const r = await runNode(CLI, ["push", SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "ntm: thiếu tùy chọn bắt buộc --server <url> / required option --server <url> not given\n" +
        "Xem cách dùng: ntm push --help / usage: ntm push --help\n",
    );
    expect(r.out).toBe("");
  }, 60_000);

  it("an unknown option, with the suggestion in both languages", async () => {
    const r = await runNode(CLI, ["validate", "--sett", "x", SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^ntm: không có tùy chọn --sett \/ unknown option --sett \(ý bạn là --set\? \/ did you mean --set\?\)\n/,
    );
    expect(r.err).not.toMatch(/^error:/m);
  }, 60_000);
});

describe("commander's errors in the CLI's two languages", () => {
  it.each([
    [["validate"], /^ntm: thiếu đối số bắt buộc <paths> \/ missing required argument <paths>$/m],
    [
      ["valdate", "x"],
      /^ntm: không có lệnh "valdate" \/ unknown command "valdate" \(ý bạn là validate\? \/ did you mean validate\?\)$/m,
    ],
    [
      ["validate", "--region"],
      /^ntm: tùy chọn --region <region> cần một giá trị \/ option --region <region> needs a value$/m,
    ],
    [
      ["validate", "--group", "4", SAMPLE],
      /^ntm: giá trị "4" của --group <n> không hợp lệ; chọn một trong: 1, 2, 3 \/ "4" is not a valid value of --group <n>; choose one of: 1, 2, 3$/m,
    ],
    [
      ["validate", "--region", "BTB", "--group", "1", SAMPLE],
      /^ntm: không dùng --region <region> cùng với --group <n> \/ --region <region> cannot be used with --group <n>$/m,
    ],
    [["admin", "user", "revoke"], /^ntm: thiếu đối số bắt buộc <name> \/ missing required argument <name>$/m],
    [
      ["serve", "extra"],
      /^ntm: thừa đối số cho lệnh serve: cần 0, nhận 1 \/ too many arguments for serve: expected 0, got 1$/m,
    ],
  ])("ntm %j", async (args, said) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(said);
    expect(r.err).toMatch(/^Xem cách dùng: ntm .*--help \/ usage: ntm .*--help$/m);
  });
});

describe("loose checks", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cli-usage-"));

  it('template --period "nam 2024" refuses, saying the forms a period takes, and writes nothing', async () => {
    const out = path.join(dir, "t.xlsx");
    const r = await runCli([
      "template",
      "--set",
      "vn-xa-ntm-2021-2025",
      "--org",
      "Xã Hà Linh",
      "--period",
      "nam 2024",
      "-o",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^ntm: --period <p>: kỳ "nam 2024" không đúng dạng YYYY, YYYY-Qn, YYYY-MM hoặc YYYY-Www \/ period "nam 2024" is not YYYY, YYYY-Qn, YYYY-MM or YYYY-Www$/m,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("consolidate of a missing folder refuses and writes no summary", async () => {
    const out = path.join(dir, "summary.xlsx");
    const missing = path.join(dir, "khong-co");
    const r = await runCli(["consolidate", missing, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /không tổng hợp, không ghi gì; kiểm tra lại đường dẫn \/ .* does not exist: nothing consolidated or written/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("consolidate of a folder where nothing can be read writes no summary either", async () => {
    const bad = path.join(dir, "bad");
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, "a.xlsx"), "not a workbook");
    const out = path.join(dir, "summary2.xlsx");
    const r = await runCli(["consolidate", bad, "-o", out, "--workers", "0"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /không đọc được tệp nào nên không ghi .*summary2\.xlsx \/ no file could be read, so .*summary2\.xlsx was not written/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("consolidate counts a workbook and its CSV as one commune and says which communes were matched by letters alone", async () => {
    const samples = path.join(__dirname, "fixtures", "samples");
    const out = path.join(dir, "samples.xlsx");
    const r = await runCli(["consolidate", samples, "-o", out, "--workers", "0"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}xa-son-hong-2023\.csv → dùng \/ using xa-son-hong-2023-tu-danh-gia\.xlsx$/m);
    expect(r.out).toMatch(
      /^2 tệp được nhận xã theo tên không dấu hoặc tên tệp: kiểm tra trang "Phát hiện"\. \/ 2 files matched to a commune by a name without diacritics or the file name/m,
    );
    expect(r.out).toMatch(/1 trùng lặp, .* \/ .*, 1 duplicate, /);
  });

  it("counts in the right number in English", () => {
    expect(conflictsOnIndicators(1)).toMatch(/\/ Conflict on 1 indicator — .*this cell was not written$/);
    expect(conflictsOnIndicators(3)).toMatch(
      /\/ Conflicts on 3 indicators — .*these cells were not written$/,
    );
    expect(pushesWaitLocked(1, "x.json")).toMatch(/1 push waits in the outbox and goes/);
    expect(pushesWaitLocked(2, "x.json")).toMatch(/2 pushes wait in the outbox and go/);
  });
});
