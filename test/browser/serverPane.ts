/**
 * The pane against the real server, as the browser tests meet it: one built pane, one `ntm serve`
 * and one browser per test file (started before its first test, closed after its last), and a
 * person's pane in its own browser context, signed in on the Đồng bộ tab.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureAddinBuilt, launchBrowser, newPage } from "./harness";
import { startNtmServer, type NtmServer } from "./ntmServer";

export interface ServerPane {
  browser: Browser;
  server: NtmServer;
}

/**
 * Registers the file's beforeAll/afterAll; `started` receives the browser and server once both
 * run (a test file keeps them, and may seed the server there before its first test).
 */
export function serverPane(started: (opened: ServerPane) => void | Promise<void>): void {
  let opened: Partial<ServerPane> = {};
  beforeAll(async () => {
    ensureAddinBuilt();
    opened = { server: await startNtmServer() };
    opened.browser = await launchBrowser();
    await started(opened as ServerPane);
  }, 300000);
  afterAll(async () => {
    await opened.browser?.close();
    await opened.server?.close();
  });
}

/** Signs in on the Đồng bộ tab (the server address is prefilled with the page's own). */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId("tab-sync").click();
  await page.getByTestId("token").fill(token);
  await page.getByTestId("sign-in-button").click();
  await page.getByTestId("signed-in").waitFor();
}

/** A person's pane in its own browser context, signed in with `token`. */
export async function signedInPane(
  browser: Browser,
  server: NtmServer,
  token: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const person = await newPage(browser);
  await person.page.goto(`${server.url}/taskpane.html`);
  await signIn(person.page, token);
  return person;
}
