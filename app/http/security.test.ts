import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, securityHeaders } from "./security.js";

describe("isCrossSiteWrite", () => {
  const host = "portal.example.se";
  it.each([
    ["GET from anywhere", "GET", { origin: "https://evil.example", host }, false],
    ["POST from the same origin", "POST", { origin: "https://portal.example.se", host }, false],
    ["POST from another origin", "POST", { origin: "https://evil.example", host }, true],
    ["POST from a look-alike host", "POST", { origin: "https://portal.example.se.evil.example", host }, true],
    ["POST with Origin: null (sandboxed frame)", "POST", { origin: "null", host }, true],
    ["POST with a malformed Origin", "POST", { origin: "::::", host }, true],
    ["POST without Origin, same-origin fetch", "POST", { host, secFetchSite: "same-origin" }, false],
    ["POST without Origin, cross-site fetch", "POST", { host, secFetchSite: "cross-site" }, true],
    ["POST without Origin, same-site (other subdomain)", "POST", { host, secFetchSite: "same-site" }, true],
    ["POST from a non-browser client", "POST", { host }, false],
    ["DELETE from another origin", "DELETE", { origin: "https://evil.example", host }, true],
  ] as const)("%s", (_label, method, headers, expected) => {
    expect(isCrossSiteWrite(method, headers)).toBe(expected);
  });
});

describe("securityHeaders", () => {
  const headers = securityHeaders({ nonce: "abc123", secure: false, development: false });

  it("allows scripts only from the site and with the request's nonce", () => {
    const csp = headers["Content-Security-Policy"] ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("sets nosniff, referrer policy and frame denial", () => {
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("adds HSTS only when served over HTTPS", () => {
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "x", secure: true, development: false })["Strict-Transport-Security"]).toMatch(/max-age=/);
  });

  it("lets forms go on to the identity providers' origins and nowhere else", () => {
    const csp = securityHeaders({ nonce: "x", secure: false, development: false, formActionOrigins: ["https://login.stad.example"] })[
      "Content-Security-Policy"
    ];
    expect(csp).toContain("form-action 'self' https://login.stad.example;");
    expect(securityHeaders({ nonce: "x", secure: false, development: false })["Content-Security-Policy"]).toContain("form-action 'self';");
  });
});
