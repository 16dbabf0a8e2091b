/** The example alert rules (docs/deploy/alerts.yml) name only metrics the portal has. */
import fs from "node:fs";
import client from "prom-client";
import { describe, expect, it } from "vitest";
import "../../app/http/metrics.js";
import "../../app/ops/metrics.server";

describe("docs/deploy/alerts.yml", () => {
  it("every portal_ metric it names is one the portal exports", async () => {
    const rules = fs.readFileSync("docs/deploy/alerts.yml", "utf8");
    const named = [...new Set([...rules.matchAll(/\bportal_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, "")))];
    const exported = new Set((await client.register.getMetricsAsJSON()).map((m) => m.name));
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
  });
});
