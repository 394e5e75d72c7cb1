/**
 * The pane against the real server as each person meets it (issue 18, "Pane"): each role sees only
 * the tabs and buttons it may use; the consolidation lists each commune once, with codes and
 * districts, sortable and filterable; a reviewer picks the set from a list, comments on any
 * indicator, confirms a return without comment and sees the list change; the clerk's status says
 * the server's revision, why a push into an approved report waits, that the server cannot be
 * reached, and lets a refused push be discarded. Screenshots under test/screenshots/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, ROOT, screenshot } from "./harness";
import { api, type NtmServer } from "./ntmServer";
import { serverPane, signedInPane } from "./serverPane";

const SAMPLE = path.join(ROOT, "test", "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const SET = "vn-xa-ntm-2021-2025";
const GSO = path.join(ROOT, "src", "server", "seed", "ha-tinh-communes-2023.csv");

/** The clerk's first push of a report, straight to the API (what another desk would have sent). */
async function firstPush(server: NtmServer, key: string, values: Record<string, { value: number }>) {
  const pushed = await api(server, server.tokens.clerk, "POST", `${key}/revisions`, {
    opId: `op-roles-${key.replace(/\W+/g, "-")}-${Date.now()}`,
    baseRevision: 0,
    values,
  });
  expect(pushed.status).toBe(201);
}

const tabsOf = (page: Page) =>
  page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
const badge = async (page: Page) => (await page.getByTestId("sync-state").textContent()) ?? "";

describeBrowser("the pane as each role meets it", () => {
  let browser: Browser;
  let server: NtmServer;

  serverPane((opened) => void ({ browser, server } = opened));

  it("each role sees only the tabs it may use", async () => {
    const expected: Record<string, string[]> = {
      clerk: ["tab-check", "tab-sync"],
      // Tiến độ nộp (who has sent what) is for offices and reviewers, like review and consolidation.
      reviewer: ["tab-check", "tab-sync", "tab-review", "tab-consolidate", "tab-completeness"],
      office: ["tab-check", "tab-sync", "tab-consolidate", "tab-completeness"],
    };
    for (const [role, tabs] of Object.entries(expected)) {
      const { page, context } = await signedInPane(browser, server, server.tokens[role]);
      expect(await tabsOf(page)).toEqual(tabs);
      // Only who may push sees the send button.
      expect(await page.getByTestId("push").count()).toBe(role === "clerk" ? 1 : 0);
      await screenshot(page, `pane-role-${role}`);
      await context.close();
    }
  }, 120000);

  it("the consolidation lists each commune once, with code and district, sortable and filterable", async () => {
    const { page, context } = await signedInPane(browser, server, server.tokens.office);
    await page.getByTestId("tab-consolidate").click();
    await page.getByTestId("consolidate").click();
    await page.getByTestId("commune-table").waitFor();
    const rows = page.getByTestId("commune-row");
    const cells = await rows.evaluateAll((els) =>
      els.map((e) => [...e.querySelectorAll("td")].map((td) => td.firstChild?.textContent ?? "")),
    );
    const keys = cells.map(([code, name]) => `${code} ${name}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every 2023 commune of the province once: the GSO extract's rows.
    const communes2023 = fs.readFileSync(GSO, "utf8").trim().split("\n").length - 1;
    expect(cells.length).toBe(communes2023);
    expect(await page.getByTestId("commune-count").textContent()).toBe(String(communes2023));
    expect(cells.filter(([, name]) => name === "Xã Sơn Hồng")).toHaveLength(1);
    expect(cells.filter(([code]) => code === "18172")).toHaveLength(1);
    expect(cells.find(([code]) => code === "18139")).toEqual([
      "18139",
      "Xã Sơn Hồng",
      "Huyện Hương Sơn",
      expect.any(String),
    ]);
    await screenshot(page, "pane-consolidation-table");
    // Filtered without diacritics: Sơn Hồng and the commune merged into it.
    await page.getByTestId("commune-filter").fill("son hong");
    const filtered = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(filtered).toContain("18139");
    expect(filtered.length).toBeLessThan(communes2023);
    await screenshot(page, "pane-consolidation-filtered");
    await page.getByTestId("commune-filter").fill("");
    await page.getByTestId("sort-name").click();
    const names = await rows.evaluateAll((els) =>
      els.map((e) => e.querySelectorAll("td")[1].firstChild?.textContent ?? ""),
    );
    expect(names).toEqual([...names].sort(new Intl.Collator("vi", { numeric: true }).compare));
    await page.getByTestId("sort-name").click();
    const down = await rows.evaluateAll((els) =>
      els.map((e) => e.querySelectorAll("td")[1].firstChild?.textContent ?? ""),
    );
    expect(down).toEqual([...names].reverse());
    await context.close();
  }, 120000);

  it("a reviewer picks the set from a list, comments on any indicator, confirms an empty return, and the list follows", async () => {
    const key = `/api/reports/18139/${SET}/2024`;
    await firstPush(server, key, { "2.3": { value: 100 }, "17.1": { value: 96 } });
    const { page, context } = await signedInPane(browser, server, server.tokens.reviewer);
    await page.getByTestId("tab-review").click();
    const options = await page
      .getByTestId("review-set")
      .locator("option")
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toContain(SET);
    await page.getByTestId("review-period").fill("2024");
    await page.getByTestId("review-load").click();
    await page.getByTestId("review-open-18139").click();
    await page.getByTestId("review-opened").waitFor();
    // 1.1 has no finding: it is offered in the list, and gets its own comment box.
    expect(await page.getByTestId("comment-1.1").count()).toBe(0);
    await page.getByTestId("comment-pick").selectOption("1.1");
    await page.getByTestId("comment-add").click();
    await page.getByTestId("comment-1.1").waitFor();
    // A return with no comment at all is confirmed first; nothing is saved before.
    await page.getByTestId("return").click();
    await page.getByTestId("return-confirm").waitFor();
    expect((await api(server, server.tokens.reviewer, "GET", key)).body.reviewState).toBe("submitted");
    await screenshot(page, "pane-review-confirm-return");
    await page.getByTestId("return-anyway").click();
    await page.getByTestId("review-done").waitFor();
    expect((await api(server, server.tokens.reviewer, "GET", key)).body.reviewState).toBe("returned");
    // The list says it without "Tải danh sách".
    await page.waitForFunction(
      () => document.querySelector('[data-testid="review-row"]')?.getAttribute("data-state") === "returned",
    );
    await screenshot(page, "pane-review-returned");
    await context.close();
  }, 120000);

  it("the clerk's status: the server's revision, a push into an approved report waits for the reviewer, a refused push can be discarded, no server says so", async () => {
    const key = `/api/reports/18139/${SET}/2025`;
    await firstPush(server, key, { "2.3": { value: 90 } });
    const approved = await api(server, server.tokens.reviewer, "POST", `${key}/review`, {
      action: "approve",
      revision: 1,
    });
    expect(approved.status).toBe(200);

    const { page, context } = await signedInPane(browser, server, server.tokens.clerk);
    await page.getByTestId("tab-check").click();
    await page.getByTestId("file-input").setInputFiles(SAMPLE);
    await page.getByTestId("criteria-met").waitFor();
    await page.getByTestId("tab-sync").click();
    await page.getByTestId("period").fill("2025");
    // The server's revision beside the workbook's (this file never pushed 2025).
    await page.getByTestId("server-revision").waitFor();
    expect(await page.getByTestId("server-revision").textContent()).toBe("1");
    expect(await page.getByTestId("base-revision").textContent()).toBe("0");
    await page.getByTestId("push").click();
    await page.getByTestId("locked-detail").waitFor();
    expect(await page.getByTestId("locked-detail").textContent()).toMatch(/người thẩm định mở lại/);
    expect(await badge(page)).toMatch(/chờ người thẩm định mở lại.*Hàng chờ gửi: 1/);
    await screenshot(page, "pane-status-locked");

    // A unit outside the clerk's scope: refused for good, and the clerk can give it up.
    await page.getByTestId("org-code").fill("18142");
    await page.getByTestId("period").fill("2023");
    await page.getByTestId("push").click();
    await page.getByTestId("refused-entry").waitFor();
    await screenshot(page, "pane-status-refused");
    const discard = page.locator('[data-testid^="discard-"]');
    await discard.first().click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="refused-entry"]'));
    expect(await badge(page)).toMatch(/Hàng chờ gửi: 1/); // the locked one stays

    // The server goes away: the badge says so as soon as any call fails.
    await server.stop();
    await page.getByTestId("pull").click();
    await page.waitForFunction(() =>
      /kết nối/i.test(document.querySelector('[data-testid="sync-state"]')?.textContent ?? ""),
    );
    await screenshot(page, "pane-status-unreachable");
    await server.start();
    await context.close();
  }, 180000);
});
