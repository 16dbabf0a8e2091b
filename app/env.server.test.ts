import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("the session cookie's Secure flag (SESSION_COOKIE_SECURE)", () => {
  it.each([
    ["production", undefined, true],
    ["production", "", true],
    ["production", "false", false],
    ["production", "0", false],
    ["production", "true", true],
    ["development", undefined, false],
    ["test", undefined, false],
    ["development", "true", true],
    ["test", "1", true],
  ] as const)("NODE_ENV=%s, SESSION_COOKIE_SECURE=%s → Secure %s", (NODE_ENV, SESSION_COOKIE_SECURE, secure) => {
    expect(parseEnv({ NODE_ENV, SESSION_COOKIE_SECURE }).SESSION_COOKIE_SECURE).toBe(secure);
  });

  it("refuses a value it does not know, at startup", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_COOKIE_SECURE: "yes" })).toThrow(/SESSION_COOKIE_SECURE/);
  });
});

describe("the server's own settings (PORT, HOST, TRUST_PROXY), checked like the others", () => {
  it("defaults to loopback port 3000 and no proxy", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, HOST: "127.0.0.1" });
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined();
  });

  it("takes a number of proxies or their addresses", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.5" }).TRUST_PROXY).toBe("10.0.0.5");
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBeUndefined();
  });

  it("refuses TRUST_PROXY=true, which would trust any client's X-Forwarded-For, and a port that is not one", () => {
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: must be the number of proxies/);
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});

describe("the portal's public address (APP_URL), for links in mails", () => {
  it("unset: localhost on the port the server listens on, so the demo's links work on any port", () => {
    expect(parseEnv({}).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "3300" }).APP_URL).toBe("http://localhost:3300");
    expect(parseEnv({ PORT: "3300", APP_URL: "" }).APP_URL).toBe("http://localhost:3300");
  });

  it("set: as given, without a trailing slash, whatever the port", () => {
    expect(parseEnv({ PORT: "3300", APP_URL: "https://portal.example.se/" }).APP_URL).toBe("https://portal.example.se");
    expect(() => parseEnv({ APP_URL: "ftp://portal.example.se" })).toThrow(/APP_URL/);
  });
});
