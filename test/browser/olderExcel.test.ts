/**
 * The built pane as Excel opens it, with office.js replaced by a stand-in that answers
 * Office.context.requirements as a given Excel would: on Excel 2016 (ExcelApi 1.1 only) the pane
 * says in one line what is missing and where to look instead; on Microsoft 365 it says nothing,
 * and a ribbon command's outcome appears in the pane (Vietnamese first), which is brought forward.
 * Screenshots under test/screenshots/.
 */
import type { Page } from "playwright-core";
import { describeBrowser, screenshot, staticPane } from "./harness";

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** office.js as far as the pane asks: onReady says Excel; `sets` are what isSetSupported grants. */
function officeStub(sets: Record<string, string>): string {
  return `
    window.__ntmStub = { associated: {}, shown: 0 };
    const sets = ${JSON.stringify(sets)};
    const atLeast = (have, want) => {
      const a = have.split(".").map(Number), b = (want || "1.1").split(".").map(Number);
      return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
    };
    window.Office = {
      HostType: { Excel: "Excel" },
      onReady(cb) { const info = { host: "Excel", platform: "PC" }; if (cb) cb(info); return Promise.resolve(info); },
      context: { requirements: { isSetSupported: (n, v) => n in sets && atLeast(sets[n], v) } },
      actions: { associate: (id, fn) => { window.__ntmStub.associated[id] = fn; } },
      addin: { showAsTaskpane: async () => { window.__ntmStub.shown++; } },
    };
    window.Excel = { run: () => Promise.reject(Object.assign(new Error("ApiNotFound"), { code: "ApiNotFound" })) };
  `;
}

describeBrowser("task pane in an older Excel", () => {
  const pane = staticPane();

  async function openAs(sets: Record<string, string>): Promise<{ page: Page; close: () => Promise<void> }> {
    const { page, close } = await pane.open({
      query: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0",
      before: (context) =>
        context.route(OFFICE_CDN, (route) =>
          route.fulfill({ body: officeStub(sets), contentType: "application/javascript" }),
        ),
    });
    await page.getByTestId("host-mode").getByText("Đang chạy trong Excel").waitFor({ timeout: 15000 });
    return { page, close };
  }

  it("Excel 2016: one line says what is missing and where to look instead", async () => {
    const { page, close } = await openAs({ ExcelApi: "1.1" });
    const line = page.getByTestId("host-missing");
    await line.waitFor({ timeout: 15000 });
    await screenshot(page, "older-excel-2016-pane");
    const text = await line.innerText();
    expect(text).toMatch(/^Excel này chưa có ghi chú trên ô, hàm NTM\.\*, thẻ NTM trên ruy-băng/);
    expect(text).toContain("Mỗi phát hiện có ở trang “NTM – Kiểm tra”");
    expect(await line.getAttribute("title")).toContain("mở ngăn từ Chèn › Phần bổ trợ của tôi");
    // A short note at the pane's 420 px, not a paragraph.
    const { height, lineHeight } = await line.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(el).lineHeight),
    }));
    expect(height).toBeLessThanOrEqual(lineHeight * 2.5); // two lines at most
    await close();
  }, 60000);

  it("Microsoft 365: no such line; a ribbon command's outcome shows in the pane, brought forward", async () => {
    const { page, close } = await openAs({
      ExcelApi: "1.17",
      SharedRuntime: "1.2",
      CustomFunctionsRuntime: "1.4",
    });
    await page.waitForFunction(() => {
      const w = window as unknown as { __ntmStub: { associated: Record<string, unknown> } };
      return Boolean(w.__ntmStub.associated.checkAndFlag);
    });
    expect(await page.getByTestId("host-missing").count()).toBe(0);
    await page.evaluate(() => {
      const w = window as unknown as { __ntmStub: { associated: Record<string, (e: unknown) => void> } };
      w.__ntmStub.associated.checkAndFlag({ completed() {} });
    });
    const outcome = page.getByTestId("ribbon-outcome");
    await outcome.waitFor({ timeout: 15000 });
    expect(await outcome.innerText()).toBe("Lệnh không chạy được / The command failed: ApiNotFound");
    expect(
      await page.evaluate(() => (window as unknown as { __ntmStub: { shown: number } }).__ntmStub.shown),
    ).toBe(1);
    await screenshot(page, "older-excel-ribbon-outcome");
    await close();
  }, 60000);
});
