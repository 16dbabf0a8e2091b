/**
 * JavaScript as the browser counts it (the "chromium" project only: without JavaScript no
 * script loads): every byte of every script a page loads on a first visit with an empty cache,
 * headers included, as Chromium reports it over the DevTools protocol (what Lighthouse counts).
 * tests/e2e/bundle.spec.ts guards the build's gzipped sizes; this guards what is transferred.
 */
import type { Page } from "@playwright/test";
import { checkA11y, expect, login, test } from "./fixtures";

const BUDGET = 100 * 1024;

/** Loads `path` in `page` (a fresh context: nothing cached) and adds up the scripts it transferred. */
async function javaScriptTransferred(page: Page, path: string): Promise<{ bytes: number; files: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  let files = 0;
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script" || event.response.url.includes("/__manifest")) scripts.add(event.requestId);
  });
  cdp.on("Network.loadingFinished", (event) => {
    if (!scripts.has(event.requestId)) return;
    bytes += event.encodedDataLength;
    files++;
  });
  await page.goto(path, { waitUntil: "networkidle" });
  await cdp.detach();
  return { bytes, files };
}

test("a first visit to the login page transfers less than 100 kB of JavaScript", async ({ newPage }) => {
  const page = await newPage();
  const { bytes, files } = await javaScriptTransferred(page, "/logga-in");
  expect(files).toBeGreaterThan(3);
  expect(bytes, `${(bytes / 1024).toFixed(1)} kB in ${files} files`).toBeLessThan(BUDGET);
  await checkA11y(page);
});

// The pages Lighthouse measured, as a teacher sees them (the largest route modules of the build are
// guarded by tests/e2e/bundle.spec.ts).
for (const path of ["/", "/walk-and-talk"]) {
  test(`a teacher's first visit to ${path} transfers less than 100 kB of JavaScript`, async ({ page, newPage }) => {
    await login(page, "larare@vallingbyskolan.example");
    const cold = await newPage();
    await cold.context().addCookies(await page.context().cookies());
    const { bytes, files } = await javaScriptTransferred(cold, path);
    expect(files).toBeGreaterThan(3);
    expect(bytes, `${(bytes / 1024).toFixed(1)} kB in ${files} files`).toBeLessThan(BUDGET);
    await checkA11y(cold);
  });
}
