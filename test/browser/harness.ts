/**
 * Browser-test harness: Debian's Chromium driven by playwright-core, the built add-in in dist/,
 * office.js from the local package instead of the CDN (no network here).
 * Chromium is found at $CHROME_PATH or /usr/bin/chromium. Where there is none and CI is not set,
 * browser tests skip with a printed notice; in CI a missing browser is a failure.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "test", "screenshots");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "office.js");

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
}

/** `describe` that runs only when a browser exists (or CI demands one, where absence fails). */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPath() || process.env.CI) {
    describe(name, body);
  } else {
    console.warn(
      `[browser tests skipped] ${name}: no Chromium at $CHROME_PATH or /usr/bin/chromium (apt-get install -y chromium)`,
    );
    describe.skip(name, body);
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!entry.name.includes(".test.")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ with webpack when it is missing or older than the sources. A lock directory keeps
 * parallel test files from building at the same time.
 */
export function ensureAddinBuilt(): void {
  const lock = path.join(ROOT, ".addin-build.lock");
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("timed out waiting for another add-in build");
      execFileSync("sleep", ["0.5"]);
    }
  }
  try {
    const page = path.join(DIST, "taskpane.js");
    const built = fs.existsSync(page) ? fs.statSync(page).mtimeMs : 0;
    const sources = Math.max(
      newestMtime(path.join(ROOT, "src")),
      fs.statSync(path.join(ROOT, "manifest.xml")).mtimeMs,
    );
    if (built < sources) {
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: ROOT,
        stdio: "pipe",
        env: { ...process.env, ADDIN_URL: "" },
      });
    }
  } finally {
    fs.rmdirSync(lock);
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error("Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH");
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // playwright gives each launch a fresh, empty profile directory of its own.
    ],
  });
}

/** A page whose requests for Office's CDN script get the local office.js. */
export async function newPage(
  browser: Browser,
  opts: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: opts.locale ?? "vi-VN",
    viewport: { width: 420, height: 900 },
    ignoreHTTPSErrors: true,
  });
  await context.route(OFFICE_CDN, (route) =>
    route.fulfill({ path: LOCAL_OFFICE_JS, contentType: "application/javascript" }),
  );
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface OpenedPane {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors, collected from the start: a test ends by expecting none. */
  errors: string[];
  close: () => Promise<void>;
}

export interface StaticPane {
  /** Opens the pane in a fresh context (its own storage), waits until it has rendered. */
  open(opts?: {
    query?: string;
    locale?: string;
    before?: (context: BrowserContext) => Promise<unknown>;
  }): Promise<OpenedPane>;
}

/**
 * The built pane served from dist/ with a browser, for page tests that need no API: registers its
 * own beforeAll/afterAll, so a test file calls it once inside describeBrowser. Every open() is a
 * new browser context, so tests share nothing (storage, language, files) and run in any order.
 */
export function staticPane(): StaticPane {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    ensureAddinBuilt();
    const { serveStatic } = await import("./staticServer");
    server = await serveStatic(DIST);
    browser = await launchBrowser();
  }, 300000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async open(opts = {}) {
      const { page, context } = await newPage(browser!, opts.locale ? { locale: opts.locale } : {});
      const errors: string[] = [];
      // office.js's own complaint when its follow-up scripts cannot come from the CDN (no network here).
      page.on("pageerror", (e) => void (/MicrosoftAjax\.js/.test(e.message) || errors.push(e.message)));
      await opts.before?.(context);
      await page.goto(`${server!.url}/taskpane.html${opts.query ?? ""}`);
      await page.getByTestId("host-mode").waitFor({ timeout: 15000 });
      return { page, context, errors, close: () => context.close() };
    },
  };
}
