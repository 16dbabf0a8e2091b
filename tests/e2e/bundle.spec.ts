/**
 * The JavaScript the browser gets, read from the build (the "api" project: no browser, no
 * server needed; `npm run test:e2e` builds first). Every page sends at most 100 kB of
 * gzipped JavaScript on load, and no chunk holds zod, libphonenumber, date-holidays or
 * drizzle: they belong to the server. When this fails, see
 * docs/decisions/017-what-reaches-the-browser.md for where the code should go instead.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { BUDGET_BYTES, builtJavaScriptFiles, javaScriptPerPage, kB, readManifest, SERVER_ONLY_LIBRARIES } from "../bundle";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test("the manifest has every route module", () => {
  const routeFiles = fs.readdirSync(path.join(root, "app/routes")).filter((f) => /\.tsx?$/.test(f) && !f.startsWith(".") && !/\.test\.tsx?$/.test(f));
  const routes = Object.keys(readManifest(root).routes);
  expect(routes).toContain("root");
  expect(routes.length, "one manifest route per file in app/routes, plus the root").toBe(routeFiles.length + 1);
});

test("every page sends at most 100 kB of gzipped JavaScript on load", () => {
  const pages = javaScriptPerPage(root);
  const over = pages.filter((p) => p.gzipBytes > BUDGET_BYTES).map((p) => `${p.route}: ${kB(p.gzipBytes)}`);
  expect(over, `pages over ${kB(BUDGET_BYTES)} (largest: ${pages[0]!.route}, ${kB(pages[0]!.gzipBytes)})`).toEqual([]);
});

test("no server-side library reaches the browser", () => {
  const pages = javaScriptPerPage(root);
  const found: string[] = [];
  for (const file of builtJavaScriptFiles(root)) {
    const text = fs.readFileSync(path.join(root, "public", file), "utf8");
    for (const { library, markers } of SERVER_ONLY_LIBRARIES) {
      if (!markers.some((m) => text.includes(m))) continue;
      const loadedBy = pages.filter((p) => p.files.includes(file)).map((p) => p.route);
      found.push(`${library} in ${file}${loadedBy.length ? ` (loaded by ${loadedBy.join(", ")})` : ""}`);
    }
  }
  expect(found).toEqual([]);
});
