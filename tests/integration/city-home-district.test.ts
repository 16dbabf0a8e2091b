import { describe, expect, it } from "vitest";
import { districts } from "../../db/schema";
import { now } from "../../app/clock.server";
import { cityStatistics } from "../../app/models/statistics.server";
// As npm run admin:create makes it (db/admin-create.ts, which runs when imported).
const CITY_HOME = { slug: "stadsledningskontoret", name: "Stadsledningskontoret" };
import { actorFor, db, useFreshDatabase } from "./db";

describe("the city's own home for its accounts", () => {
  useFreshDatabase();

  it("is no district in the city's comparison: it has no team of social services", () => {
    db.insert(districts).values(CITY_HOME).run();
    const shown = JSON.stringify(cityStatistics(actorFor("admin@stockholm.example"), now()));
    expect(shown).toContain("Hässelby-Vällingby");
    expect(shown).not.toContain(CITY_HOME.name);
  });
});
