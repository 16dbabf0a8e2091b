import { eq, or } from "drizzle-orm";
import { districts, people, teams } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb } from "../db.server";
import { mailInvitation } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { slugOf, type DistrictInput } from "./districts";

type Failure = { ok: false; field: string; message: string };

/**
 * The city's administrator adds a district: the district, its social services team and the
 * first coordinator, who is invited by mail and runs the district from there.
 */
export const addDistrict = atomic(function addDistrict(actor: Actor, input: DistrictInput, now: Date): { ok: true; id: number } | Failure {
  if (!can(actor, "city:admin")) return { ok: false, field: "form", message: "Bara stadens administratör lägger till stadsdelsområden." };
  const db = getDb();
  const slug = slugOf(input.name);
  if (db.select({ id: districts.id }).from(districts).where(or(eq(districts.slug, slug), eq(districts.name, input.name))).get()) {
    return { ok: false, field: "name", message: "Det stadsdelsområdet finns redan." };
  }
  if (db.select({ id: people.id }).from(people).where(eq(people.email, input.coordinatorEmail)).get()) {
    return { ok: false, field: "coordinatorEmail", message: "Det finns redan ett konto med den adressen." };
  }
  const id = db.transaction((tx) => {
    const district = tx.insert(districts).values({ slug, name: input.name, createdAt: now }).returning({ id: districts.id }).get();
    const team = tx.insert(teams).values({ districtId: district.id, name: "Barn och unga", office: input.office }).returning({ id: teams.id }).get();
    const person = tx
      .insert(people)
      .values({ districtId: district.id, name: input.coordinatorName, email: input.coordinatorEmail, title: "Samordnare", role: "coordinator", teamId: team.id, createdAt: now })
      .returning({ id: people.id })
      .get();
    mailInvitation(tx, { id: person.id, districtId: district.id, name: input.coordinatorName, email: input.coordinatorEmail }, actor.name, now);
    return district.id;
  });
  recordAudit({ personId: actor.personId, districtId: id }, "district.added", { type: "district", id });
  return { ok: true, id };
});
