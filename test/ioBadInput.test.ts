/**
 * Issue 4, item 6: every broken or hostile file gets a typed error with a one-line bilingual
 * reason, in bounded time and memory, and never another exception.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import * as XLSX from "xlsx";
import { BAD_DIR, badFixtures, generateBadFixtures } from "../scripts/generate-bad-fixtures";
import { readWorkbookBuffer, readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { WorkbookReadError } from "../src/io/xlsx/workbookReadError";

beforeAll(() => {
  // Large fixtures are not committed; write any that are missing.
  generateBadFixtures({ large: true, onlyMissing: true });
}, 60_000);

// Memory is what this read added to the worker's resident set: the jest worker has already run
// other suites, so its absolute size says nothing about this file (ioCalamineCorpus measures a
// child's peak instead).
function readOutcome(file: string): { code: string | null; message: string; ms: number; rssGrowth: number } {
  const t = Date.now();
  const rss = process.memoryUsage().rss;
  const done = (code: string | null, message: string) => ({
    code,
    message,
    ms: Date.now() - t,
    rssGrowth: process.memoryUsage().rss - rss,
  });
  try {
    readWorkbookFile(path.join(BAD_DIR, file));
    return done(null, "");
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw new Error(`not a WorkbookReadError: ${String(e)}`);
    return done(e.code, e.message);
  }
}

describe("bad input corpus", () => {
  it("the manifest lists every generated file", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(BAD_DIR, "manifest.json"), "utf8"));
    expect(manifest.map((m: { file: string }) => m.file).sort()).toEqual(
      badFixtures.map((f) => f.file).sort(),
    );
  });

  it.each(badFixtures.filter((f) => f.expect !== null).map((f) => [f.file, f.expect, f.what] as const))(
    "%s → %s (%s), one bilingual line within 10 s",
    (file, code) => {
      const out = readOutcome(file);
      expect(out.code).toBe(code);
      expect(out.message).not.toMatch(/\n/);
      expect(out.message).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
      // Vietnamese reason first, then " / " and the English one; both name the file.
      const [vi, en] = out.message.split(" / ");
      expect(vi).toContain(file);
      expect(vi).toMatch(/[ạảãáàăâêôơưđệếềểốồổộớờởợứừửựíìịúùủũụ]/i);
      expect(en).toMatch(/[a-z]{3,}/);
      expect(out.ms).toBeLessThan(10_000);
      expect(out.rssGrowth).toBeLessThan(1024 * 1024 * 1024);
    },
  );

  it("hostile names and text read safely: no prototype touched, sheets and text kept as data", () => {
    const wb = readWorkbookFile(path.join(BAD_DIR, "hostile-names.xlsx"));
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["__proto__", "constructor", "prototype"]);
    const g = wb.sheets[0];
    expect(g.cells[1][0]).toEqual({ v: "=cmd|' /C calc'!A0" }); // text, not a formula
    expect(g.cells[1][0]?.f).toBeUndefined();
    expect(g.cells[2][0]?.v).toBe("bell\u0007nul\u0000esc\u001b");
    expect(wb.properties).toEqual({ "ntm.set": "vn-xa-ntm-2021-2025", "ntm.period": "2023" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(wb.properties)).toBe(Object.prototype);
  });
});

describe("reader limits", () => {
  const small = (() => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["TT", "Kết quả"],
        ...Array.from({ length: 30 }, (_, i) => [String(i + 1), i]),
      ]),
      "S",
    );
    return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
  })();

  it("caps the cell count and the file size", () => {
    expect(() => readWorkbookBuffer(small, "a.xlsx", { maxCells: 10 })).toThrow(
      expect.objectContaining({ code: "too-many-cells" }),
    );
    expect(() => readWorkbookBuffer(small, "a.xlsx", { maxRows: 5 })).toThrow(
      expect.objectContaining({ code: "too-many-cells" }),
    );
    expect(() => readWorkbookBuffer(small, "a.xlsx", { maxFileBytes: 100 })).toThrow(
      expect.objectContaining({ code: "too-large" }),
    );
    expect(readWorkbookBuffer(small, "a.xlsx").sheets[0].rowCount).toBe(31);
  });

  it("a missing file is not-found, a folder is io-error", () => {
    expect(() => readWorkbookFile("/nonexistent/x.xlsx")).toThrow(
      expect.objectContaining({ code: "not-found" }),
    );
    expect(() => readWorkbookFile(BAD_DIR)).toThrow(expect.objectContaining({ code: "io-error" }));
  });

  it("random bytes and bit-flipped workbooks give grids or a WorkbookReadError, nothing else", () => {
    const names = ["x.xlsx", "x.xls", "x.ods", "x.csv"];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...names), (bytes, name) => {
        try {
          readWorkbookBuffer(bytes, name);
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookReadError);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (flips) => {
          const b = Buffer.from(small);
          for (const [at, v] of flips) b[at % b.length] = v;
          try {
            readWorkbookBuffer(b, "flipped.xlsx");
          } catch (e) {
            expect(e).toBeInstanceOf(WorkbookReadError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
