import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
// Beside the routes, not among them: every file in app/routes/ counts as a route (tests/integration/access-matrix.test.ts).
import AccessibilityStatement from "./routes/tillganglighet";

describe("the accessibility statement", () => {
  const text = renderToString(<AccessibilityStatement />)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

  it("names the standard the portal follows: WCAG 2.2 at level AA", () => {
    expect(text).toContain("uppfyller kraven i WCAG 2.2 på nivå AA");
    expect(text).not.toMatch(/WCAG 2\.[01]\b/);
  });

  it("says how it was checked and what was not checked", () => {
    expect(text).toContain("axe mot WCAG 2.2");
    expect(text).toContain("Nu HTML Checker");
    expect(text).toContain("inte testat den med skärmläsare");
    expect(text).toMatch(/Redogörelsen uppdaterades senast den \d+ \w+ \d{4}/);
  });
});
