/**
 * The standalone pane meets the files people actually open (issue 18, "Pane"): every file of the
 * bad-file corpus gets the one-line reason `ntm validate` gives, within 30 s, and the previous
 * file's result is gone; the valid packages with unusual part names are read; the picker offers what
 * the CLI reads; a 300,000-row file is read off the page's thread with its progress while the pane
 * still answers; the language chosen follows the findings and survives a reload; the header keeps
 * the language button on its line at 320 and 420 px. Screenshots under test/screenshots/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import type { Page } from "playwright-core";
import { badFixtures, BAD_DIR, generateBadFixtures } from "../../scripts/generate-bad-fixtures";
import { halfFor } from "../../src/addin/taskpane/paneError";
import { readWorkbookFile } from "../../src/io/xlsx/readWorkbook";
import { describeBrowser, ROOT, screenshot, staticPane } from "./harness";

const GOOD = path.join(ROOT, "test", "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const CALAMINE = path.join(ROOT, "..", "shared", "corpus", "calamine");

/** What `ntm validate` says of a file it cannot read: its reader's one line (undefined: it reads). */
function cliReason(file: string): string | undefined {
  try {
    readWorkbookFile(file);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

async function open(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
}

describeBrowser("standalone pane: files that cannot be read, large files, language", () => {
  const pane = staticPane();

  beforeAll(() => generateBadFixtures({ large: true, onlyMissing: true }), 120000);

  it("each file of the bad-file corpus: the CLI's one-line reason within 30 s, and the previous result cleared", async () => {
    const { page, errors, close } = await pane.open();
    const refused = badFixtures.filter((f) => f.expect !== null);
    expect(refused.length).toBeGreaterThan(10);
    for (const f of refused) {
      const file = path.join(BAD_DIR, f.file);
      const reason = cliReason(file);
      expect(reason).toBeDefined();
      await open(page, GOOD);
      await page.getByTestId("criteria-met").waitFor({ timeout: 30000 });
      await open(page, file);
      const note = page.getByTestId("check-note");
      await note.waitFor({ timeout: 30000 });
      expect(await note.innerText()).toBe(halfFor(reason!, "vi"));
      // One line at the pane's width is not promised for long file names; one sentence is.
      expect(await note.innerText()).not.toContain("\n");
      expect(await page.getByTestId("criteria-met").count()).toBe(0);
      expect(await page.getByTestId("facts").count()).toBe(0);
      if (f.file === "docx-renamed.xlsx") await screenshot(page, "pane-files-docx-renamed");
    }
    expect(errors).toEqual([]);
    await close();
  }, 600000);

  it("reads the valid packages whose part names are unusual (issue_530, minimal_package)", async () => {
    const { page, errors, close } = await pane.open();
    for (const name of ["issue_530.xlsx", "minimal_package.xlsx"]) {
      await open(page, path.join(CALAMINE, name));
      await page.getByTestId("file-name").waitFor({ timeout: 30000 });
      expect(await page.getByTestId("file-name").innerText()).toBe(name);
      expect(await page.getByTestId("check-note").count()).toBe(0);
    }
    await screenshot(page, "pane-files-minimal-package");
    expect(errors).toEqual([]);
    await close();
  }, 120000);

  it("offers the files the CLI reads", async () => {
    const { page, close } = await pane.open();
    const accept = (await page.getByTestId("file-input").getAttribute("accept"))!.split(",");
    expect(accept).toEqual(expect.arrayContaining([".xlsx", ".xlsm", ".xls", ".ods", ".csv"]));
    expect(await page.getByTestId("open-file").innerText()).not.toMatch(/\.xlsx/);
    await close();
  }, 60000);

  it("a 300,000-row workbook is read in a worker: progress shows, the pane answers meanwhile, the answer is the CLI's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-large-"));
    const file = path.join(dir, "xa-lon-300000-dong.xlsx");
    const rows: (string | number)[][] = [["TT", "Kết quả"]];
    for (let i = 1; i <= 300000; i++) rows.push([`Dòng ${i}`, i % 100]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Biểu 01");
    XLSX.writeFile(wb, file, { compression: true });
    const reason = cliReason(file);

    const { page, errors, close } = await pane.open();
    await open(page, file);
    await page.getByTestId("read-progress").waitFor({ timeout: 30000 });
    await screenshot(page, "pane-files-large-progress");
    // The page's own thread is free: the language switch answers while the file is still read.
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("lang-switch").getByText("Tiếng Việt").waitFor({ timeout: 5000 });
    expect(await page.getByTestId("read-progress").count()).toBe(1);
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("read-progress").waitFor({ state: "detached", timeout: 180000 });
    if (reason) expect(await page.getByTestId("check-note").innerText()).toBe(halfFor(reason, "vi"));
    else await page.getByTestId("facts").waitFor({ timeout: 30000 });
    await screenshot(page, "pane-files-large-done");
    expect(errors).toEqual([]);
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 400000);

  it("findings follow the language chosen, and the choice survives a reload", async () => {
    const { page, errors, close } = await pane.open();
    await open(page, GOOD);
    const mismatch = page.locator('[data-testid="finding"][data-type="self-assessment/mismatch"]').first();
    await mismatch.waitFor({ timeout: 30000 });
    expect(await mismatch.innerText()).toMatch(/tự đánh giá “Đạt”/);
    await page.getByTestId("lang-switch").click();
    await page.getByText("Criteria met", { exact: false }).waitFor();
    expect(await mismatch.innerText()).not.toMatch(/tự đánh giá/);
    expect(await mismatch.innerText()).toMatch(/self-assess/i);
    await page.reload();
    await page.getByTestId("host-mode").waitFor();
    expect(await page.getByTestId("host-mode").innerText()).toMatch(/Standalone mode/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await open(page, GOOD);
    await mismatch.waitFor({ timeout: 30000 });
    expect(await mismatch.innerText()).toMatch(/self-assess/i);
    await screenshot(page, "pane-files-english-after-reload");
    expect(errors).toEqual([]);
    await close();
  }, 120000);

  it.each([320, 420])(
    "at %i px the header keeps the language button on the title's line",
    async (width) => {
      const { page, close } = await pane.open();
      await page.setViewportSize({ width, height: 700 });
      for (const lang of ["vi", "en"]) {
        const title = await page.locator("header h1").boundingBox();
        const button = await page.getByTestId("lang-switch").boundingBox();
        const badge = await page.getByTestId("sync-state").boundingBox();
        // Same line: the button's vertical middle lies within the title's box.
        const middle = button!.y + button!.height / 2;
        expect(middle).toBeGreaterThan(title!.y);
        expect(middle).toBeLessThan(title!.y + title!.height);
        expect(badge!.y + badge!.height / 2).toBeLessThan(title!.y + title!.height);
        expect(button!.x + button!.width).toBeLessThanOrEqual(width);
        if (lang === "vi") await page.getByTestId("lang-switch").click();
      }
      await screenshot(page, `pane-header-${width}`);
      await close();
    },
    60000,
  );
});
