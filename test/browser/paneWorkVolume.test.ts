/**
 * A clerk sends a work-volume workbook from the pane (issue 15): it goes to the store as the
 * commune's work-volume report for the month, the same report `ntm push` makes — not, as before,
 * as an empty report of the default criteria set. A village checklist goes as one village-progress
 * report per village the org tree knows, as `ntm push` sends it (before, the pane sent it unsplit).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { describeBrowser, ROOT, screenshot } from "./harness";
import { api, type NtmServer } from "./ntmServer";
import { serverPane, signedInPane } from "./serverPane";
import { villageChecklist } from "../villageChecklist";

const HA_LINH = path.join(ROOT, "test", "fixtures", "samples", "xa-ha-linh-2022-11-khoi-luong.xlsx");

/** The clerk signed in, `file` opened on Kiểm tra until `shown` appears, then the Đồng bộ tab. */
async function openedForSync(browser: Browser, server: NtmServer, file: string, shown: string) {
  const opened = await signedInPane(browser, server, server.tokens.clerk);
  await opened.page.getByTestId("tab-check").click();
  await opened.page.getByTestId("file-input").setInputFiles(file);
  await opened.page.getByText(shown, { exact: false }).first().waitFor();
  await opened.page.getByTestId("tab-sync").click();
  return opened;
}

describeBrowser("a work-volume workbook sent from the pane", () => {
  let browser: Browser;
  let server: NtmServer;
  serverPane((opened) => void ({ browser, server } = opened));

  it("arrives as the work-volume report, and no criteria report is made", async () => {
    const { page, context } = await openedForSync(browser, server, HA_LINH, "hạng mục");
    expect(await page.getByTestId("period").inputValue()).toBe("2022-11");
    await page.getByTestId("push").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="base-revision"]')?.textContent === "1",
    );
    // Named as the report it is, and the badge speaks of this report (not "not synced").
    expect(await page.getByTestId("revisions").textContent()).toMatch(/^Báo cáo: khối lượng công việc/);
    await page.getByText("Đã đồng bộ", { exact: true }).first().waitFor();
    await screenshot(page, "pane-work-volume-pushed");
    const get = (set: string) => api(server, server.tokens.clerk, "GET", `/api/reports/18139/${set}/2022-11`);
    const head = (await get("work-volume")).body.head;
    expect(head.number).toBe(1);
    const items = new Set(Object.keys(head.values).map((k) => k.split(":")[0]));
    expect(items.size).toBe(15);
    expect(items.has("duong-mo-rong")).toBe(true);
    // The store holds no criteria revision for the commune and month: nothing went there.
    const criteria = await get("vn-xa-ntm-2021-2025");
    expect(criteria.status === 404 || !criteria.body.head).toBe(true);
    await context.close();
  }, 120000);
});

describeBrowser("a village checklist sent from the pane", () => {
  let browser: Browser;
  let server: NtmServer;
  serverPane((opened) => void ({ browser, server } = opened));

  it("goes as one report per village of the commune, and the pane says which", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ntm-pane-kdc-")), "son-hong-kdc-2023.xlsx");
    fs.writeFileSync(file, villageChecklist());
    const { page, context } = await openedForSync(browser, server, file, "thôn");
    expect(await page.getByTestId("period").inputValue()).toBe("2023");
    await page.getByTestId("push").click();
    await page.getByTestId("push-also-sent").waitFor();
    expect(await page.getByTestId("push-also-sent").textContent()).toContain(
      "Tiến độ từng thôn gửi thành báo cáo riêng của thôn: Thôn 1, Thôn 2, Thôn 3.",
    );
    await page.getByText("Đã đồng bộ", { exact: true }).first().waitFor();
    await screenshot(page, "pane-village-progress-pushed");
    const head = async (org: string) =>
      (await api(server, server.tokens.clerk, "GET", `/api/reports/${org}/village-progress/2023`)).body.head;
    const names = (h: { values: Record<string, { label?: string }> }) => [
      ...new Set(Object.values(h.values).map((v) => v.label)),
    ];
    expect(names(await head("18139-T02"))).toEqual(["Thôn 2"]);
    expect(names(await head("18139"))).toEqual(["Xóm Mới"]);
    await context.close();
  }, 120000);
});
