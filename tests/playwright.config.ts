import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { launchOptions } from "./e2e/chromium.mjs";

/**
 * End-to-end tests: a freshly seeded portal (data/e2e.db) on 127.0.0.1:3100, driven by
 * Debian's Chromium, once with JavaScript and once without (the portal must work both ways).
 * Run from the repository root: `npm run test:e2e`.
 */
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const port = 3100;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.output/results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // Every page the tests saw, checked with the Nu HTML checker in one run at the end (e2e/html-check.mjs).
  globalSetup: "./e2e/html-check-setup.mjs",
  globalTeardown: "./e2e/html-check.mjs",
  // Generous: two workers share two cores with the server and axe runs on every page.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /(concurrency|crash|bundle|production-server|observability|proxy|public-files)\.spec\.ts$/,
      use: { browserName: "chromium", javaScriptEnabled: true, launchOptions },
    },
    {
      name: "chromium-no-js",
      // Without JavaScript no script loads: the JavaScript weight is measured with it on only.
      testIgnore: /(concurrency|crash|bundle|production-server|observability|proxy|public-files|javascript-weight)\.spec\.ts$/,
      use: { browserName: "chromium", javaScriptEnabled: false, launchOptions },
    },
    // No browser: many people booking the same time at once over HTTP, a crash, the
    // JavaScript the build sends to browsers, the server as `npm start` runs it, and the files
    // in public/. Runs once.
    {
      name: "api",
      testMatch: /(concurrency|crash|bundle|production-server|observability|proxy|public-files)\.spec\.ts$/,
    },
  ],
  webServer: {
    command: "node tests/e2e/start-test-server.mjs",
    cwd: repoRoot,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
