import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it.each([
    ["/organisationer/3", "/organisationer/3"],
    ["/?flik=2", "/?flik=2"],
    ["/tillganglighet#kontakt", "/tillganglighet#kontakt"],
  ])("keeps the same-site path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    ["//evil.example", "protocol-relative URL"],
    ["https://evil.example/", "absolute URL"],
    ["/\\evil.example", "backslash trick"],
    ["/\t/evil.example", "control character"],
    ["javascript:alert(1)", "script URL"],
    ["", "empty"],
    ["/logga-in", "the login page itself"],
    ["/logga-ut", "the logout action"],
    ["/" + "a".repeat(2001), "absurdly long"],
  ])("refuses %s (%s)", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it.each([undefined, null, 42, ["/x"], { to: "/x" }])("refuses the non-string %s", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });
});
