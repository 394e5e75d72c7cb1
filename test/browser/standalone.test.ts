/** The pane opened directly in a browser: Vietnamese, and it knows it is not inside Excel. */
import { describeBrowser, screenshot, staticPane } from "./harness";

describeBrowser("task pane, standalone (outside Office)", () => {
  const pane = staticPane();

  it("renders in Vietnamese and knows it is not inside Excel", async () => {
    const { page, errors, close } = await pane.open();
    await page.getByText("NTM Tracker", { exact: false }).first().waitFor({ timeout: 15000 });
    await page.getByText("Chế độ độc lập", { exact: false }).first().waitFor({ timeout: 15000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await screenshot(page, "standalone-start");
    expect(errors).toEqual([]);
    await close();
  }, 60000);
});
