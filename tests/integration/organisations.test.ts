import { describe, expect, it } from "vitest";
import { organisations } from "../../db/schema";
import { canSeeOrganisation } from "../../app/auth/permissions";
import { orderContactsForViewer } from "../../app/models/contacts";
import { assignedOrganisations, contactsForPartner, districtOrganisations, getOrganisation } from "../../app/models/organisations.server";
import { actorFor, db, organisationId, useFreshDatabase } from "./db";

const ALL_LOGINS = [
  "larare@vallingbyskolan.example",
  "elevhalsa@vallingbyskolan.example",
  "rektor@vallingbyskolan.example",
  "larare@grimstaskolan.example",
  "forskolechef@gronadiamanten.example",
  "pedagog@gronadiamanten.example",
  "forskolechef@grimsta.example",
  "pedagog@ekorren.example",
  "polis@vallingby.polisen.example",
  "socialsekreterare@hv.example",
  "eva.sjoberg@hv.example",
  "samordnare@hv.example",
  "larare@tenstaskolan.example",
  "samordnare@st.example",
];

describe("organisation scoping", () => {
  useFreshDatabase();

  it("the queries agree with the pure rule for every person and every organisation", () => {
    const all = db.select().from(organisations).all();
    for (const email of ALL_LOGINS) {
      const actor = actorFor(email);
      for (const organisation of all) {
        const expected = canSeeOrganisation(actor, organisation);
        const found = getOrganisation(actor, organisation.id) !== null;
        expect({ email, organisation: organisation.name, visible: found }).toEqual({
          email,
          organisation: organisation.name,
          visible: expected,
        });
      }
    }
  });

  it("a teacher sees the own school but not another school or another district", () => {
    const teacher = actorFor("larare@vallingbyskolan.example");
    expect(getOrganisation(teacher, organisationId("Vällingbyskolan"))?.organisation.name).toBe("Vällingbyskolan");
    expect(getOrganisation(teacher, organisationId("Grimstaskolan"))).toBeNull();
    expect(getOrganisation(teacher, organisationId("Tenstaskolan"))).toBeNull();
    expect(getOrganisation(teacher, 999_999)).toBeNull();
  });

  it("a coordinator sees the own district only", () => {
    const coordinator = actorFor("samordnare@hv.example");
    expect(getOrganisation(coordinator, organisationId("Grimstaskolan"))).not.toBeNull();
    expect(getOrganisation(coordinator, organisationId("Tenstaskolan"))).toBeNull();
    expect(districtOrganisations(coordinator).map((o) => o.name)).not.toContain("Tenstaskolan");
  });
});

describe("contact persons", () => {
  useFreshDatabase();

  const namesFor = (email: string) => {
    const actor = actorFor(email);
    return orderContactsForViewer(contactsForPartner(actor), actor).map((c) => c.name);
  };

  it("a lower-school teacher at Vällingbyskolan sees the lower/middle-school pair first", () => {
    expect(namesFor("larare@vallingbyskolan.example")).toEqual(["Anna Berg", "Jonas Ekholm", "Sara Lindqvist", "Mikael Holm"]);
  });

  it("each partner sees only the own organisation's contacts", () => {
    expect(namesFor("larare@grimstaskolan.example").sort()).toEqual(["Karin Dahl", "Mikael Holm"]);
    expect(namesFor("pedagog@gronadiamanten.example").sort()).toEqual(["Eva Sjöberg", "Leila Haddad"]);
    expect(namesFor("polis@vallingby.polisen.example").sort()).toEqual(["Karin Dahl", "Omar Lind"]);
    expect(namesFor("larare@tenstaskolan.example")).toEqual(["Amira Hassan"]); // Spånga-Tensta's own contact person
  });

  it("a pedagogue at a preschool of a unit sees the unit's contacts", () => {
    expect(namesFor("pedagog@ekorren.example").sort()).toEqual(["Eva Sjöberg", "Petra Nyström"]);
  });

  it("the contact cards carry phone, email, role and scope", () => {
    const [anna] = contactsForPartner(actorFor("larare@vallingbyskolan.example")).filter((c) => c.name === "Anna Berg");
    expect(anna).toMatchObject({
      role: "social_worker",
      phone: "+46701740612",
      email: "socialsekreterare@hv.example",
      scopeLabel: "Lågstadiet, mellanstadiet och grundsärskolan",
    });
    expect(anna!.schoolPartIds).toHaveLength(3);
  });

  it("a social worker sees the organisations they are contact person for", () => {
    expect(assignedOrganisations(actorFor("socialsekreterare@hv.example")).map((o) => o.name)).toEqual(["Vällingbyskolan"]);
    expect(assignedOrganisations(actorFor("eva.sjoberg@hv.example")).map((o) => o.name)).toEqual(["Grimsta förskoleenhet", "Gröna diamanten"]);
  });

  it("the coordinator's overview flags organisations without a contact person", () => {
    const overview = districtOrganisations(actorFor("samordnare@hv.example"));
    const coverage = Object.fromEntries(overview.map((o) => [o.name, o.coverage]));
    expect(coverage["Fritidsgården Råcksta"]).toBe("none");
    expect(coverage["Vällingbyskolan"]).toBe("own");
    expect(coverage["Förskolan Ekorren"]).toBe("unit");
    // Preschools come right after their unit.
    const names = overview.map((o) => o.name);
    expect(names.indexOf("Förskolan Ekorren")).toBe(names.indexOf("Grimsta förskoleenhet") + 2); // Bävern comes first
  });
});
