/**
 * The Tiến độ nộp tab in Chromium against the real server: a clerk's week of work volumes is in the
 * store; an office opens the tab and sees, per deadline of the calendar, who in Hương Sơn sent it
 * and who did not, with the time in Vietnam — the statuses the store's completeness gives.
 */
import type { Browser } from "playwright-core";
import { SHIPPED_WORK_ITEMS } from "../../src/domain/rhythm/workItemCatalogue";
import { workVolumeEntries, workVolumeToValues } from "../../src/domain/rhythm/workVolumeReport";
import { communeWeek, seeded } from "../rhythmSamples";
import { describeBrowser, screenshot } from "./harness";
import { api, type NtmServer } from "./ntmServer";
import { serverPane, signedInPane } from "./serverPane";

describeBrowser("Tiến độ nộp tab", () => {
  let browser: Browser;
  let server: NtmServer;

  serverPane(async (opened) => {
    ({ browser, server } = opened);
    const values = workVolumeToValues(
      workVolumeEntries(SHIPPED_WORK_ITEMS, communeWeek(seeded(7), new Map())),
    );
    const res = await api(
      server,
      server.tokens.clerk,
      "POST",
      "/api/reports/18139/work-volume/2023-W14/revisions",
      {
        opId: "op-completeness-pane-1",
        baseRevision: 0,
        values,
      },
    );
    expect(res.status).toBe(201);
  });

  it("an office sees who registered and reported the week, late and missing marked", async () => {
    const { page, context } = await signedInPane(browser, server, server.tokens.office);
    await page.getByTestId("tab-completeness").click();
    const inputs = page.locator('[data-testid="completeness-tab"] input');
    await inputs.nth(0).fill("2023-W14");
    await inputs.nth(1).fill("439");
    await page.getByTestId("completeness-show").click();
    const results = page.getByTestId("deadline-results");
    await results.waitFor();
    const text = (await results.textContent()) ?? "";
    expect(text).toContain("hạn 2023-04-10 10:00 (giờ Việt Nam)");
    // Pushed now, long after the Monday deadline: late; the other communes have sent nothing.
    expect(await results.locator('tr[data-status="late"]').textContent()).toContain("Xã Sơn Hồng");
    expect(await results.locator('tr[data-status="missing"]').count()).toBeGreaterThan(5);
    expect(await page.getByTestId("deadline-registration").textContent()).toContain("Chưa nộp");
    await screenshot(page, "pane-13-completeness");
    // The week's deadlines are the offices' practice: no placeholder notice.
    expect(await page.getByTestId("completeness-unverified").count()).toBe(0);
    // A month's due day is a placeholder: said once, its deadline marked *.
    await inputs.nth(0).fill("2023-04");
    await page.getByTestId("completeness-show").click();
    const note = page.getByTestId("completeness-unverified");
    await note.waitFor();
    expect(await note.count()).toBe(1);
    expect(await note.textContent()).toMatch(/giả định, chưa xác nhận/);
    expect(await page.getByTestId("deadline-results").textContent()).toMatch(/\* — hạn 2023-05-05 17:00/);
    await context.close();
  }, 120000);
});
