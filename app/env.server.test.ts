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
