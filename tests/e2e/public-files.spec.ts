/**
 * The files in public/ that browsers and search engines ask for by themselves, answered without
 * a login (the "api" project: plain HTTP, no browser).
 */
import { expect, test } from "@playwright/test";

test("the favicon is served without login, as an icon and as SVG", async ({ request }) => {
  const ico = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO file: reserved 0, type 1 (icon), at least one image.
  const head = (await ico.body()).subarray(0, 6);
  expect([head.readUInt16LE(0), head.readUInt16LE(2), head.readUInt16LE(4) > 0]).toEqual([0, 1, true]);

  const svg = await request.get("/favicon.svg", { maxRedirects: 0 });
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(await svg.text()).toContain("<svg");
});

test("every page tells browsers where the favicon is", async ({ request }) => {
  const html = await (await request.get("/logga-in")).text();
  expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico" sizes="32x32"\/?>/);
  expect(html).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml"\/?>/);
});

test("robots.txt keeps the whole portal out of search engines", async ({ request }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = (await robots.text())
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
  expect(rules).toEqual(["User-agent: *", "Disallow: /"]);
});
