// `ntm validate DIR` and `ntm consolidate DIR` read the same files through one walker: spreadsheets
// (.tsv included) under the folder, sorted, not hidden or Office lock files, at most 8 levels down.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureIo } from "../src/cli/cliIo";
import { collectFiles } from "../src/cli/collectSpreadsheetFiles";
import { main } from "../src/cli/main";

const SAMPLE = path.join(__dirname, "../../shared/samples/xa-son-hong-2023-tu-danh-gia.xlsx");
const CSV = path.join(__dirname, "../../shared/samples/xa-son-hong-2023.csv");

describe("one folder walker for validate and consolidate", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-walk-"));
    const put = (rel: string, from: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.copyFileSync(from, path.join(dir, rel));
    };
    put("a.xlsx", SAMPLE);
    put("sub/b.tsv", CSV);
    put(".hidden.xlsx", SAMPLE);
    put("~$a.xlsx", SAMPLE);
    put("notes.txt", CSV);
    put("1/2/3/4/5/6/7/8/9/deep.xlsx", SAMPLE);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("finds the spreadsheets a person would mean, and no deeper than 8 levels", () => {
    const { files, missing } = collectFiles([dir]);
    expect(files.map((f) => f.display)).toEqual(["a.xlsx", "sub/b.tsv"]);
    expect(files.map((f) => f.given)).toEqual([path.join(dir, "a.xlsx"), path.join(dir, "sub/b.tsv")]);
    expect(missing).toEqual([]);
  });

  it("ntm validate reads exactly those files, and says so for a path that does not exist", async () => {
    const io = captureIo();
    await main(["node", "ntm", "validate", "--json", dir, path.join(dir, "gone.xlsx")], io);
    const results = JSON.parse(io.stdout) as { file: string; error?: { code: string } }[];
    expect(results.map((r) => path.relative(dir, r.file))).toEqual([
      "a.xlsx",
      path.join("sub", "b.tsv"),
      "gone.xlsx",
    ]);
    expect(results.map((r) => r.error?.code ?? null)).toEqual([null, null, "not-found"]);
  });
});
