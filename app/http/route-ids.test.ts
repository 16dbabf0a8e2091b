import { afterEach, describe, expect, it, vi } from "vitest";
import { decodablePath, routeIdFinder } from "./route-ids.js";

const routes = {
  root: { id: "root", path: "" },
  "routes/kalender.jour.$token": { id: "routes/kalender.jour.$token", parentId: "root", path: "kalender/jour/:token" },
  "routes/$": { id: "routes/$", parentId: "root", path: "*" },
};

afterEach(() => vi.restoreAllMocks());

describe("the route id of a path with broken percent-encoding", () => {
  it("is 'unmatched', and the path (with the calendar token in it) is never written to the console", () => {
    const printed = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const routeIdOf = routeIdFinder(routes);
    expect(routeIdOf("/kalender/jour/hemligt-token-abc%E0%A4%A")).toBe("unmatched");
    expect(routeIdOf("/kalender/jour/hemligt-token-abc")).toBe("routes/kalender.jour.$token");
    expect(printed).not.toHaveBeenCalled();
  });

  it("is told apart from a path that decodes", () => {
    expect(decodablePath("/kalender/jour/a%20b")).toBe(true);
    expect(decodablePath("/larare@vallingbyskolan.example%ZZ")).toBe(false);
    expect(decodablePath("/%")).toBe(false);
  });
});
