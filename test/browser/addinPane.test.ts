/**
 * The task pane in Chromium against the real server (`ntm serve --http`, spawned from source):
 * standalone check of the Sơn Hồng workbook; a clerk signs in, pushes, pulls; a conflicting edit
 * made elsewhere is settled per indicator; a push made while the server is down waits in the
 * outbox (across a reload) and goes out when the network returns; a reviewer returns the report
 * with a comment and the clerk's pull shows it. Every screen is saved under test/screenshots/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeBrowser, newPage, ROOT, screenshot } from "./harness";
import { api, type NtmServer } from "./ntmServer";
import { serverPane, signedInPane, signIn } from "./serverPane";

const SAMPLE = path.join(ROOT, "test", "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const KEY = "/api/reports/18139/vn-xa-ntm-2021-2025/2023";
/** A nâng cao workbook that marks whole criteria with an "x" and lists no indicator. */
const MARKS_ONLY = path.join(ROOT, "test", "fixtures", "samples", "xa-kim-song-truong-2023-nang-cao.xlsx");

/** The sample with one value changed (2.3 in E19), saved under the same file name. */
function editedSample(value: number): string {
  const wb = XLSX.read(fs.readFileSync(SAMPLE), { cellStyles: true, cellNF: true });
  const ws = wb.Sheets["Biểu 01"];
  ws["E19"] = { t: "s", v: `${String(value).replace(".", ",")}%` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-edit-"));
  const file = path.join(dir, path.basename(SAMPLE));
  XLSX.writeFile(wb, file);
  return file;
}

/** The reviewer signed in with Sơn Hồng's report opened on Duyệt (for `period`, when not the default). */
async function reviewerOpensSonHong(browser: Browser, server: NtmServer, period?: string) {
  const reviewer = await signedInPane(browser, server, server.tokens.reviewer);
  await reviewer.page.getByTestId("tab-review").click();
  if (period) await reviewer.page.getByTestId("review-period").fill(period);
  await reviewer.page.getByTestId("review-load").click();
  await reviewer.page.getByTestId("review-open-18139").click();
  await reviewer.page.getByTestId("review-opened").waitFor();
  return reviewer;
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("tab-check").click();
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("criteria-met").waitFor();
}

async function phase(page: Page): Promise<string> {
  return (await page.getByTestId("sync-state").textContent()) ?? "";
}

describeBrowser("task pane against the real server", () => {
  let browser: Browser;
  let server: NtmServer;
  let clerk: { context: BrowserContext; page: Page };
  const errors: string[] = [];

  serverPane(async (opened) => {
    ({ browser, server } = opened);
    clerk = await newPage(browser);
    clerk.page.on("pageerror", (e) => errors.push(e.message));
    await clerk.page.goto(`${server.url}/taskpane.html`);
  });

  it("standalone: checks the Sơn Hồng workbook, showing the criteria met and the three mismatches with cells", async () => {
    const { page } = clerk;
    await page.getByText("Chế độ độc lập", { exact: false }).waitFor();
    await openFile(page, SAMPLE);
    expect(await page.getByTestId("criteria-met").textContent()).toBe("13/19");
    expect(await page.getByTestId("mapped-count").textContent()).toBe("57");
    const mismatches = page.locator('[data-testid="finding"][data-type="self-assessment/mismatch"]');
    expect(
      await mismatches.evaluateAll((els) =>
        els.map((e) => `${e.getAttribute("data-indicator")}@${e.getAttribute("data-cell")}`),
      ),
    ).toEqual(["2.3@Biểu 01!F19", "15.1@Biểu 01!F58", "17.6@Biểu 01!F69"]);
    await page.getByText("Kiểm tra", { exact: true }).first().waitFor();
    expect(await mismatches.first().textContent()).toMatch(/tự đánh giá “Đạt” nhưng kết quả 96,4 %/);
    // Whose target: a short tag in each finding, explained once under the list.
    expect(await mismatches.first().textContent()).toMatch(/\(chỉ tiêu của xã\)/);
    expect(await page.getByTestId("target-remark").allTextContents()).toEqual([
      expect.stringMatching(/^Ghi chú: “chỉ tiêu của xã” là chỉ tiêu do xã tự ghi/),
    ]);
    await screenshot(page, "pane-1-check");
    // The English switch.
    await page.getByTestId("lang-switch").click();
    await page.getByText("Criteria met", { exact: false }).waitFor();
    await screenshot(page, "pane-1b-check-en");
    await page.getByTestId("lang-switch").click();
    expect(errors).toEqual([]);
  }, 60000);

  it("signs in, pushes with progress and pulls the head", async () => {
    const { page } = clerk;
    await page.getByTestId("tab-sync").click();
    await screenshot(page, "pane-2-sign-in");
    expect(await page.getByTestId("server-url").inputValue()).toBe(server.url);
    await signIn(page, server.tokens.clerk);
    expect(await page.getByTestId("org-code").inputValue()).toBe("18139");
    expect(await page.getByTestId("period").inputValue()).toBe("2023");
    await page.getByTestId("push").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="base-revision"]')?.textContent === "1",
    );
    expect(await phase(page)).toContain("Đã đồng bộ");
    await page.getByTestId("pull").click();
    await page.getByTestId("pulled").waitFor();
    expect(await page.getByTestId("review-state").getAttribute("data-state")).toBe("submitted");
    expect(await page.getByTestId("review-state").textContent()).toBe("đã gửi, chờ duyệt");
    await screenshot(page, "pane-3-pushed-pulled");
    const head = await api(server, server.tokens.clerk, "GET", KEY);
    expect(head.body.head.number).toBe(1);
    expect(head.body.head.values["2.3"].value).toBe(96.4);
  }, 60000);

  it("a conflicting edit made elsewhere is settled by choosing per indicator", async () => {
    const { page } = clerk;
    // Someone else changes 2.3 on the server (revision 2) ...
    const head = (await api(server, server.tokens.clerk, "GET", KEY)).body.head;
    const theirs = { ...head.values, "2.3": { ...head.values["2.3"], value: 97.5 } };
    const pushed = await api(server, server.tokens.clerk, "POST", `${KEY}/revisions`, {
      opId: "other-desk-0001",
      baseRevision: 1,
      values: theirs,
    });
    expect(pushed.status).toBe(201);
    // ... while this clerk, still on revision 1, changes it too.
    await openFile(page, editedSample(98.2));
    await page.getByTestId("tab-sync").click();
    await page.getByTestId("push").click();
    await page.getByTestId("conflicts").waitFor();
    expect(await phase(page)).toContain("xung đột");
    const row = page.getByTestId("conflict-2.3");
    expect(await row.textContent()).toMatch(/Của tôi: 98,2.*Trên máy chủ: 97,5.*Bản gốc: 96,4/);
    await screenshot(page, "pane-4-conflict");
    await row.getByText("Của tôi", { exact: false }).click();
    await page.getByTestId("resolve").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="base-revision"]')?.textContent === "3",
    );
    const after = (await api(server, server.tokens.clerk, "GET", KEY)).body.head;
    expect(after.values["2.3"].value).toBe(98.2);
    await screenshot(page, "pane-5-conflict-resolved");
  }, 60000);

  it("a push made while the server is down waits in the outbox, survives a reload, and goes when the network returns", async () => {
    const { page } = clerk;
    await server.stop();
    await openFile(page, editedSample(99.1));
    await page.getByTestId("tab-sync").click();
    await page.getByTestId("push").click();
    await page.waitForFunction(() =>
      /Mất kết nối/.test(document.querySelector('[data-testid="sync-state"]')?.textContent ?? ""),
    );
    expect(await phase(page)).toContain("Hàng chờ gửi: 1");
    await screenshot(page, "pane-6-offline-outbox");
    await server.start();
    await page.reload();
    await page.getByTestId("sync-state").waitFor();
    // The outbox was kept across the reload; the network "comes back" and the entry is replayed.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForFunction(
      () => /Đã đồng bộ/.test(document.querySelector('[data-testid="sync-state"]')?.textContent ?? ""),
      undefined,
      { timeout: 20000 },
    );
    const head = (await api(server, server.tokens.clerk, "GET", KEY)).body.head;
    expect(head.number).toBe(4);
    expect(head.values["2.3"].value).toBe(99.1);
    await screenshot(page, "pane-7-replayed");
  }, 90000);

  it("a reviewer returns the report with a comment, and the clerk's pull shows it", async () => {
    const reviewer = await reviewerOpensSonHong(browser, server);
    const { page } = reviewer;
    expect(await page.getByTestId("review-diff").textContent()).toMatch(/2\.3/);
    await page.getByTestId("comment-*").fill("Đề nghị xã rà soát lại tiêu chí 15 và 17 trước khi gửi lại.");
    await page
      .getByTestId("comment-15.1")
      .fill("Tỷ lệ 91,2 % chưa đạt mức 95 %: sửa tự đánh giá thành Chưa đạt.");
    await screenshot(page, "pane-8-review");
    await page.getByTestId("return").click();
    await page.getByTestId("review-done").waitFor();
    expect(await page.getByTestId("review-done").textContent()).toContain("bị trả lại");
    await screenshot(page, "pane-9-returned");
    await reviewer.context.close();

    const clerkPage = clerk.page;
    await clerkPage.getByTestId("tab-sync").click();
    await clerkPage.getByTestId("pull").click();
    await clerkPage.getByTestId("comments").waitFor();
    const comments = (await clerkPage.getByTestId("comments").textContent()) ?? "";
    expect(comments).toContain("Tỷ lệ 91,2 % chưa đạt mức 95 %");
    expect(comments).toMatch(/15\.1 \(ô Biểu 01!E58\)/); // where it belongs in the workbook
    expect(await phase(clerkPage)).toContain("Bị trả lại");
    // Outside Excel the pull changes no file, and the pane says so.
    expect(await clerkPage.getByTestId("pull-result").textContent()).toMatch(
      /tệp trên máy không bị thay đổi/,
    );
    await screenshot(clerkPage, "pane-10-clerk-sees-comments");
  }, 90000);

  it("an approval overtaken by a push is refused, and the pane shows what changed and the new revision", async () => {
    const key = "/api/reports/18139/vn-xa-ntm-2021-2025/2023-Q1";
    const values = { "2.3": { value: 96.4 }, "17.1": { value: 85 } };
    const opId = (n: number) => `op-review-stale-${n}-${Date.now()}`;
    expect(
      (
        await api(server, server.tokens.clerk, "POST", `${key}/revisions`, {
          opId: opId(1),
          baseRevision: 0,
          values,
        })
      ).status,
    ).toBe(201);
    const reviewer = await reviewerOpensSonHong(browser, server, "2023-Q1");
    const { page } = reviewer;
    expect(await page.getByTestId("review-opened").textContent()).toMatch(/Phiên bản 1 ·/);
    await page.getByTestId("comment-*").fill("Số liệu khớp biên bản.");
    // The commune pushes while the reviewer reads revision 1.
    const pushed = await api(server, server.tokens.clerk, "POST", `${key}/revisions`, {
      opId: opId(2),
      baseRevision: 1,
      values: { ...values, "2.3": { value: 80 } },
    });
    expect(pushed.status).toBe(201);
    await page.getByTestId("approve").click();
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").textContent()).toMatch(
      /^Chưa lưu kết quả duyệt: xã đã gửi phiên bản 2 sau phiên bản 1 bạn đang xem \(chỉ tiêu thay đổi: 2\.3\)/,
    );
    // Revision 2 is what is open now, and the typed comment is kept.
    expect(await page.getByTestId("review-opened").textContent()).toMatch(/Phiên bản 2 ·/);
    expect(await page.getByTestId("review-row").textContent()).toMatch(/Phiên bản 2 ·/);
    expect(await page.getByTestId("comment-*").inputValue()).toBe("Số liệu khớp biên bản.");
    const view = await api(server, server.tokens.reviewer, "GET", key);
    expect(view.body).toMatchObject({ reviewState: "submitted", locked: false });
    await screenshot(page, "pane-10b-review-stale");
    await page.getByTestId("approve").click();
    await page.getByTestId("review-done").waitFor();
    expect((await api(server, server.tokens.reviewer, "GET", key)).body).toMatchObject({
      reviewState: "approved",
      head: { number: 2 },
    });
    await reviewer.context.close();
  }, 90000);

  it("an office pulls the consolidation", async () => {
    const office = await signedInPane(browser, server, server.tokens.office);
    const { page } = office;
    await page.getByTestId("tab-consolidate").click();
    await page.getByTestId("consolidate").click();
    await page.getByTestId("consolidation").waitFor();
    expect(await page.getByTestId("consolidation").textContent()).toContain("Xã Sơn Hồng");
    await screenshot(page, "pane-11-consolidation");
    await office.context.close();
  }, 60000);

  it("a workbook that only marks whole criteria is pushed, and the pane names the mark that cannot travel", async () => {
    const { page } = clerk;
    await openFile(page, MARKS_ONLY);
    expect(await page.getByTestId("criteria-met").textContent()).toBe("4/20");
    // The last report synced was another one (returned): the badge does not carry its state over.
    expect(await phase(page)).toContain("Sổ này chưa đồng bộ");
    // Criteria judged from the commune's marks say so, rather than "0/1 indicators".
    expect(await page.locator('[data-testid="criterion"][data-code="3"] summary').textContent()).toMatch(
      /Đạt.*theo tự đánh giá/,
    );
    await screenshot(page, "pane-12a-marks-only-check");
    await page.getByTestId("tab-sync").click();
    // The clerk's own commune (the sample's commune is outside this demo clerk's scope).
    await page.getByTestId("org-code").fill("18139");
    await page.getByTestId("period").fill("2023");
    expect(await page.getByTestId("base-revision").textContent()).toBe("0");
    await page.getByTestId("push").click();
    await page.getByTestId("push-notice").waitFor();
    expect(await page.getByTestId("push-notice").textContent()).toMatch(/^Tiêu chí 10 chỉ được đánh dấu/);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="base-revision"]')?.textContent === "1",
    );
    // What the pane last pulled was the other report (vn-xa-ntm-2021-2025, returned): not shown here.
    expect(await page.getByTestId("comments").count()).toBe(0);
    await screenshot(page, "pane-12-marks-only-pushed");
    const view = (
      await api(server, server.tokens.clerk, "GET", "/api/reports/18139/ht-xa-ntm-nang-cao-20tc/2023")
    ).body;
    expect(view.head.evaluation).toMatchObject({ criteriaMet: 4, criteriaTotal: 20 });
    expect(errors).toEqual([]);
  }, 60000);
});
