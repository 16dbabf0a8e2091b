/**
 * Shared fixtures for the end-to-end tests.
 *
 * Every page a test opens is checked with axe (WCAG 2.2 A and AA): the `page` fixture
 * records every address the main frame navigates to, `checkA11y(page)` runs axe and marks
 * the current address as checked, and the test fails at teardown if it visited an address
 * that was never checked. Uncaught page errors and Content-Security-Policy violations also
 * fail the test. `checkA11y` also saves the page's HTML under tests/.output/html/, and the
 * run's global teardown (tests/e2e/html-check.mjs) checks them all with the Nu HTML checker.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { HTML_DIR } from "./html-check.mjs";

export { expect };

export const DEMO_PASSWORD = "samverkan-demo";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Tracker = {
  javaScriptEnabled: boolean;
  /** For pages without JavaScript: a JavaScript-enabled page where axe runs on a copy of the DOM. */
  snapshotPage?: Page;
  /** path+search of every address the main frame showed, in order. */
  visited: string[];
  checked: Set<string>;
  /** Problems seen in the page itself: uncaught errors, CSP violations. */
  problems: string[];
};

const trackers = new WeakMap<Page, Tracker>();

/** "/organisationer/3?x=1" for a full URL; null for about:blank, data: and other sites' pages. */
function addressKey(url: string, baseURL: string | undefined): string | null {
  if (!url.startsWith("http")) return null;
  const parsed = new URL(url);
  if (baseURL && parsed.origin !== new URL(baseURL).origin) return `${parsed.origin}${parsed.pathname}${parsed.search}`;
  return `${parsed.pathname}${parsed.search}`;
}

function track(page: Page, baseURL: string | undefined, javaScriptEnabled: boolean): Tracker {
  const tracker: Tracker = { javaScriptEnabled, visited: [], checked: new Set(), problems: [] };
  trackers.set(page, tracker);
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const key = addressKey(frame.url(), baseURL);
    if (key !== null) tracker.visited.push(key);
  });
  page.on("pageerror", (error) => tracker.problems.push(`Uncaught error on ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      tracker.problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
    }
  });
  return tracker;
}

function trackerOf(page: Page): Tracker {
  const tracker = trackers.get(page);
  if (!tracker) throw new Error("This page is not tracked: use the `page` or `newPage` fixture, never browser.newPage().");
  return tracker;
}

function assertEverythingChecked(page: Page, label: string) {
  const tracker = trackers.get(page);
  if (!tracker) return;
  const unchecked = [...new Set(tracker.visited)].filter((key) => !tracker.checked.has(key));
  const problems = [...tracker.problems];
  if (unchecked.length > 0) {
    problems.push(
      `${label} visited ${unchecked.length === 1 ? "an address" : "addresses"} that axe never checked ` +
        `(call checkA11y(page) after each navigation): ${unchecked.join(", ")}`,
    );
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

type Fixtures = {
  /** A page in a fresh context with the project's settings (JS on or off), tracked like `page`. */
  newPage: () => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  page: async ({ page, baseURL, javaScriptEnabled }, use) => {
    track(page, baseURL, javaScriptEnabled ?? true);
    try {
      await use(page);
      assertEverythingChecked(page, "The test");
    } finally {
      await closeSnapshotPage(page);
    }
  },

  newPage: async ({ browser, baseURL, javaScriptEnabled, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled, locale, timezoneId });
      contexts.push(context);
      const page = await context.newPage();
      track(page, baseURL, javaScriptEnabled ?? true);
      pages.push(page);
      return page;
    });
    try {
      pages.forEach((page, index) => assertEverythingChecked(page, `Extra page ${index + 1}`));
    } finally {
      await Promise.all(pages.map(closeSnapshotPage));
      await Promise.all(contexts.map((context) => context.close()));
    }
  },
});

async function closeSnapshotPage(page: Page) {
  const snapshot = trackers.get(page)?.snapshotPage;
  if (snapshot) await snapshot.context().close();
}

/**
 * axe needs timers and promises in the page, which a page without JavaScript does not
 * run. So for such a page axe runs on a copy: the DOM exactly as the browser shows it
 * (scripts removed, so nothing hydrates), served at the same address in a JavaScript-enabled
 * context with the same viewport, where stylesheets and images load from the real server.
 */
async function axeTarget(page: Page, tracker: Tracker): Promise<Page> {
  if (tracker.javaScriptEnabled) return page;
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  if (!tracker.snapshotPage) {
    const browser = page.context().browser();
    if (!browser) throw new Error("No browser for the axe snapshot page");
    const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
    tracker.snapshotPage = await context.newPage();
  }
  const snapshot = tracker.snapshotPage;
  const address = page.url();
  await snapshot.route(
    (url) => url.href === address,
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    { times: 1 },
  );
  await snapshot.goto(address);
  return snapshot;
}

/**
 * Saves the page as the browser has it now, once per distinct markup (nonces aside), with a
 * note of where it was seen. Another site's pages (the identity provider's) are not ours to check.
 */
function saveHtml(page: Page, html: string) {
  const info = test.info();
  const baseURL = info.project.use.baseURL;
  if (baseURL && new URL(page.url()).origin !== new URL(baseURL).origin) return;
  const name = createHash("sha256")
    .update(html.replace(/ nonce="[^"]*"/g, ""))
    .digest("hex")
    .slice(0, 24);
  const file = path.join(HTML_DIR, `${name}.html`);
  if (fs.existsSync(file)) return;
  fs.mkdirSync(HTML_DIR, { recursive: true });
  fs.writeFileSync(file, html);
  const seen = { url: page.url(), project: info.project.name, test: `${path.basename(info.file)}: ${info.titlePath.slice(1).join(" › ")}` };
  fs.writeFileSync(path.join(HTML_DIR, `${name}.json`), JSON.stringify(seen));
}

const passedMarkup = new Set<string>();

/**
 * Runs axe (WCAG 2.2 A and AA) on the page as it is now. Fails with a readable list of
 * violations; otherwise marks the current address as checked. Saves the HTML for the Nu HTML checker.
 */
export async function checkA11y(page: Page): Promise<void> {
  const tracker = trackerOf(page);
  await page.waitForLoadState("load");
  await expect(page.locator("main h1")).toBeVisible();
  const key0 = addressKey(page.url(), undefined) ?? page.url();
  const html = await page.content();
  if (page.url().startsWith("http")) saveHtml(page, html);
  // Another site's page (the identity provider's) is recorded with its origin.
  const foreign = page.url().startsWith("http") ? new URL(page.url()) : null;
  if (foreign) tracker.checked.add(`${foreign.origin}${foreign.pathname}${foreign.search}`);
  // The same markup (scripts and nonces aside) with the same stylesheet gives the same axe
  // result: pages seen again in this worker (the login page, a role's start page) are not re-run.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/ nonce="[^"]*"/g, "");
  const fingerprint = createHash("sha256").update(`${tracker.javaScriptEnabled}|${page.viewportSize()?.width}|${markup}`).digest("hex");
  if (passedMarkup.has(fingerprint)) {
    tracker.checked.add(key0);
    return;
  }
  const target = await axeTarget(page, tracker);
  const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
  const key = addressKey(page.url(), undefined) ?? page.url();
  if (results.violations.length > 0) {
    const report = results.violations
      .map((v) => {
        const nodes = v.nodes.map((n) => `    - ${n.target.join(" ")}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`);
        return `  ${v.id} (${v.impact ?? "unknown impact"}): ${v.help}\n    ${v.helpUrl}\n${nodes.join("\n")}`;
      })
      .join("\n");
    throw new Error(`Accessibility violations on ${key}:\n${report}`);
  }
  passedMarkup.add(fingerprint);
  tracker.checked.add(key);
}

/** Opens a path and checks it with axe. Returns the response of the document. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await checkA11y(page);
  return response;
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Fills in and sends the login form of the current page (opens /logga-in if it is not shown). */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD) {
  if (pathOf(page) !== "/logga-in") await visit(page, "/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
}

/** Logs in as a demo person and checks the page the portal lands on. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitLogin(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/logga-in");
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await checkA11y(page);
}

/** Presses "Logga ut" in the header and checks the login page it lands on. */
export async function logout(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.waitForURL((url) => url.pathname === "/logga-in");
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
  await checkA11y(page);
}

/** The link target of an organisation in the coordinator's overview table ("/organisationer/3"). */
export async function organisationHref(page: Page, name: string): Promise<string> {
  const table = page.getByRole("table", { name: "Verksamheter och deras kontaktpersoner" });
  const href = await table.getByRole("link", { name, exact: true }).getAttribute("href");
  expect(href, `link to ${name} in the coordinator's table`).toMatch(/^\/organisationer\/\d+$/);
  return href!;
}
