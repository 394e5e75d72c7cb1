/**
 * The standalone pane in Chromium shows for the three samples it used to get wrong what
 * `ntm validate` prints (issue 12 item 1): the Sơn Hồng CSV ("97,8%" is 97,8 %, not 9,78 %) 13/19,
 * the Hà Linh work-volume report its 15 work items (not the national set's 0/19), the Thôn 2
 * checklist 4/12 (not 0/10) — read in the page by the shared reader, checked by checkWorkbook.
 */
import * as path from "node:path";
import { checkWorkbook } from "../../src/domain/check/checkWorkbook";
import { readWorkbookFile } from "../../src/io/xlsx/readWorkbook";
import { describeBrowser, ROOT, screenshot, staticPane } from "./harness";

const SAMPLES = path.join(ROOT, "..", "shared", "samples");

function cliSays(file: string) {
  return checkWorkbook(readWorkbookFile(file), { file, fileName: path.basename(file) }).validation;
}

describeBrowser("standalone pane: the same check as ntm validate", () => {
  const pane = staticPane();

  it.each([
    ["xa-son-hong-2023.csv", "criteria-met", "13/19"],
    ["xa-ha-linh-2022-11-khoi-luong.xlsx", "work-items", "15"],
    ["thon-2-kdc-kieu-mau-2023.xlsx", "criteria-met", "4/12"],
  ])(
    "%s: the head line reads %s = %s, the findings are the CLI's",
    async (name, testId, shown) => {
      const file = path.join(SAMPLES, name);
      const cli = cliSays(file);
      const { page, errors, close } = await pane.open();
      await page.getByTestId("file-input").setInputFiles(file);
      await page.getByTestId(testId).waitFor({ timeout: 30000 });
      expect(await page.getByTestId(testId).textContent()).toBe(shown);
      expect(await page.getByTestId("finding-count").textContent()).toBe(String(cli.findings!.length));
      const cells = await page
        .locator('[data-testid="finding"]')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute("data-type")}@${e.getAttribute("data-cell")}`),
        );
      const expected = cli.findings!.map(
        (f) => `${f.type}@${f.sheet && f.cell ? `${f.sheet}!${f.cell}` : ""}`,
      );
      expect([...cells].sort()).toEqual([...expected].sort());
      await screenshot(page, `standalone-check-${name.replace(/\.\w+$/, "")}`);
      expect(errors).toEqual([]);
      await close();
    },
    60000,
  );
});
