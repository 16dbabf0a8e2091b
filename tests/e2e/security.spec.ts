/**
 * HTTP hardening seen from outside: security headers on every response, a fresh CSP
 * nonce per page, and no state-changing POST from another site.
 */
import { checkA11y, expect, login, test, visit } from "./fixtures";

const PATHS = ["/logga-in", "/tillganglighet", "/", "/healthz", "/finns-inte", "/favicon.ico"];

test("every response carries the security headers", async ({ request }) => {
  for (const path of PATHS) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const where = `${path} (${response.status()})`;
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(csp, where).toContain("default-src 'self'");
    expect(csp, where).toContain("object-src 'none'");
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).toContain("form-action 'self'");
    expect(csp, where).not.toContain("unsafe-inline");
    expect(headers["x-frame-options"], where).toBe("DENY");
    expect(headers["x-content-type-options"], where).toBe("nosniff");
    expect(headers["referrer-policy"], where).toBe("same-origin");
    expect(headers["x-powered-by"], where).toBeUndefined();
  }
});

test("the build's scripts and style sheets carry a file's headers: nosniff, immutable, their type (the page that loads them has the rest)", async ({
  request,
}) => {
  const login = await request.get("/logga-in");
  const page = await login.text();
  const cssHref = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(page)?.[1];
  const scriptHref = /<script[^>]* src="(\/build\/[^"]+\.js)"/.exec(page)?.[1] ?? /<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/.exec(page)?.[1];
  expect(cssHref, "stylesheet link on the login page").toBeTruthy();
  expect(scriptHref, "a script of the login page").toBeTruthy();
  for (const [path, type] of [
    [cssHref!, "text/css; charset=utf-8"],
    [scriptHref!, "text/javascript"],
  ] as const) {
    const response = await request.get(path, { headers: { "Accept-Encoding": "br" } });
    const headers = response.headers();
    expect(response.status(), path).toBe(200);
    expect(headers["content-type"], path).toBe(type);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
    expect(headers["content-encoding"], path).toBe("br");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("health check answers ok", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect((await response.text()).trim()).toBe("ok");
});

test("each page has its own CSP nonce and its scripts carry it", async ({ page }) => {
  const first = await visit(page, "/logga-in");
  const second = await visit(page, "/logga-in");
  const nonceOf = (csp: string | null | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const firstNonce = nonceOf(await first!.headerValue("content-security-policy"));
  const secondNonce = nonceOf(await second!.headerValue("content-security-policy"));
  expect(firstNonce).toBeTruthy();
  expect(secondNonce).toBeTruthy();
  expect(secondNonce).not.toBe(firstNonce);

  const html = await second!.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? "");
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${secondNonce}"`);
  expect(html).not.toContain(`nonce="${firstNonce}"`);
});

test("a POST from another site is refused with 403", async ({ request }) => {
  for (const path of ["/logga-ut", "/logga-in"]) {
    const response = await request.post(path, {
      headers: { Origin: "http://evil.example" },
      form: { email: "larare@vallingbyskolan.example", password: "samverkan-demo" },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(403);
    expect(await response.text()).toContain("Formuläret kom från en annan webbplats och togs inte emot.");
  }

  // The same request from the portal's own origin goes through.
  const own = await request.post("/logga-ut", { headers: { Origin: "http://127.0.0.1:3100" }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
  expect(own.headers()["location"]).toBe("/logga-in");
});

test("a cross-site logout attempt does not end the session", async ({ page }) => {
  await login(page, "forskolechef@gronadiamanten.example");
  // page.request shares the browser's cookies, like a forged form on another site would.
  const forged = await page.request.post("/logga-ut", { headers: { Origin: "http://evil.example" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  const forgedBySecFetch = await page.request.post("/logga-ut", { headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(forgedBySecFetch.status()).toBe(403);

  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Lena!");
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await checkA11y(page);
});
