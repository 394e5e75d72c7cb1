import type { Browser } from "playwright-core";
import { describeBrowser, DIST, ensureAddinBuilt, launchBrowser, newPage, screenshot } from "./harness";
import { serveStatic } from "./staticServer";

describeBrowser("task pane, standalone (outside Office)", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    ensureAddinBuilt();
    server = await serveStatic(DIST);
    browser = await launchBrowser();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders in Vietnamese and knows it is not inside Excel", async () => {
    const { page, context } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("NTM Tracker", { exact: false }).first().waitFor({ timeout: 15000 });
    await page.getByText("Chế độ độc lập", { exact: false }).first().waitFor({ timeout: 15000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await screenshot(page, "standalone-start");
    expect(errors).toEqual([]);
    await context.close();
  }, 60000);
});
