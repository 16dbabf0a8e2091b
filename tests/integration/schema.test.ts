import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, contactAssignmentParts, contactAssignments, organisations, people, schoolParts, staffTeams } from "../../db/schema";
import { openDatabase } from "../../app/db.server";
import { db, organisationId, personId, useFreshDatabase } from "./db";

/** The database itself refuses broken data, whatever the application code does. */
describe("database constraints", () => {
  useFreshDatabase();

  const district = (name: string) => db.select().from(organisations).where(eq(organisations.name, name)).get()!.districtId;
  const teamOf = (email: string) => db.select().from(people).where(eq(people.email, email)).get()!.teamId!;

  const partnerRow = (overrides: Partial<typeof people.$inferInsert> = {}): typeof people.$inferInsert => ({
    districtId: district("Vällingbyskolan"),
    name: "Ny Person",
    email: "ny.person@vallingbyskolan.example",
    title: "Lärare",
    role: "partner_staff",
    organisationId: organisationId("Vällingbyskolan"),
    ...overrides,
  });

  it("accepts a well-formed partner", () => {
    expect(() => db.insert(people).values(partnerRow()).run()).not.toThrow();
  });

  it.each([
    ["an email that differs only in case", { email: "LARARE@vallingbyskolan.example" }],
    ["the same email again", { email: "larare@vallingbyskolan.example" }],
    ["an organisation of another district", { organisationId: -1 }],
    ["a partner without an organisation", { organisationId: null }],
    ["a partner placed in a social services team", { teamId: 1 }],
    ["an unknown role", { role: "admin" as never }],
    ["a phone number that is not E.164", { phone: "070-174 06 12" }],
    ["a blank name", { name: "   " }],
    ["an email without @", { email: "ingen-snabel-a" }],
  ])("refuses a person with %s", (_label, overrides) => {
    const row = partnerRow(overrides);
    if (row.organisationId === -1) row.organisationId = organisationId("Tenstaskolan");
    expect(() => db.insert(people).values(row).run()).toThrow();
  });

  it("refuses a school part of another school", () => {
    const grimstaPart = db
      .select()
      .from(schoolParts)
      .where(eq(schoolParts.organisationId, organisationId("Grimstaskolan")))
      .get()!;
    expect(() =>
      db
        .insert(people)
        .values(partnerRow({ schoolPartId: grimstaPart.id }))
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("refuses a staff team of another preschool", () => {
    const team = db
      .select()
      .from(staffTeams)
      .where(eq(staffTeams.organisationId, organisationId("Gröna diamanten")))
      .get()!;
    expect(() =>
      db
        .insert(people)
        .values(partnerRow({ staffTeamId: team.id }))
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("refuses a social worker without a team", () => {
    expect(() =>
      db
        .insert(people)
        .values(partnerRow({ role: "social_worker", organisationId: null, email: "ny@hv.example" }))
        .run(),
    ).toThrow(/CHECK/);
  });

  it("refuses school parts on a preschool and staff teams on a school", () => {
    expect(() =>
      db
        .insert(schoolParts)
        .values({ organisationId: organisationId("Gröna diamanten"), stage: "lagstadiet" })
        .run(),
    ).toThrow(/school parts belong to a school/);
    expect(() =>
      db
        .insert(staffTeams)
        .values({ organisationId: organisationId("Vällingbyskolan"), name: "Lag 1" })
        .run(),
    ).toThrow(/staff teams belong to a preschool/);
  });

  it("refuses a preschool whose parent is not a preschool unit", () => {
    expect(() =>
      db
        .insert(organisations)
        .values({ districtId: district("Vällingbyskolan"), kind: "preschool", name: "Förskolan Fel", parentId: organisationId("Vällingbyskolan") })
        .run(),
    ).toThrow(/preschool unit/);
  });

  it("refuses a school with a parent and an unknown kind", () => {
    const districtId = district("Vällingbyskolan");
    expect(() =>
      db
        .insert(organisations)
        .values({ districtId, kind: "school", name: "Skola X", parentId: organisationId("Grimsta förskoleenhet") })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(organisations)
        .values({ districtId, kind: "hospital" as never, name: "Sjukhuset" })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("only social workers and parent advisers can be contact persons", () => {
    const districtId = district("Vällingbyskolan");
    const row = { districtId, organisationId: organisationId("Vällingbyskolan"), scopeLabel: "Hela skolan" };
    expect(() =>
      db
        .insert(contactAssignments)
        .values({ ...row, personId: personId("rektor@vallingbyskolan.example") })
        .run(),
    ).toThrow(/contact person is a social worker or a parent adviser/);
    expect(() =>
      db
        .insert(contactAssignments)
        .values({ ...row, personId: personId("samordnare@hv.example") })
        .run(),
    ).toThrow(/contact person is a social worker or a parent adviser/);
    expect(() =>
      db
        .insert(contactAssignments)
        .values({ ...row, personId: personId("omar.lind@hv.example") })
        .run(),
    ).not.toThrow();
  });

  it("refuses a contact person from another district and a double assignment", () => {
    const districtId = district("Vällingbyskolan");
    const row = { districtId, organisationId: organisationId("Vällingbyskolan"), scopeLabel: "Hela skolan" };
    expect(() =>
      db
        .insert(contactAssignments)
        .values({ ...row, personId: personId("socialsekreterare@st.example") })
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .insert(contactAssignments)
        .values({ ...row, personId: personId("socialsekreterare@hv.example") })
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("refuses a covered school part of another school", () => {
    const assignment = db
      .select()
      .from(contactAssignments)
      .where(eq(contactAssignments.organisationId, organisationId("Vällingbyskolan")))
      .get()!;
    const grimstaPart = db
      .select()
      .from(schoolParts)
      .where(eq(schoolParts.organisationId, organisationId("Grimstaskolan")))
      .get()!;
    expect(() =>
      db.insert(contactAssignmentParts).values({ assignmentId: assignment.id, organisationId: assignment.organisationId, schoolPartId: grimstaPart.id }).run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("does not let a contact person's role change while they are assigned", () => {
    expect(() =>
      db
        .update(people)
        .set({ role: "coordinator" })
        .where(eq(people.id, personId("socialsekreterare@hv.example")))
        .run(),
    ).toThrow(/contact assignments/);
    expect(teamOf("socialsekreterare@hv.example")).toBeGreaterThan(0);
  });

  it("keeps the audit log append-only", () => {
    db.insert(auditEvents).values({ action: "session.login", objectType: "person", objectId: "1" }).run();
    expect(() => db.update(auditEvents).set({ objectId: "2" }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditEvents).run()).toThrow(/append-only/);
  });

  it("runs with foreign keys on and a busy timeout, and a database file in WAL mode", () => {
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-"));
    const fileDb = openDatabase(path.join(dir, "portal.db"));
    try {
      expect(fileDb.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      fileDb.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
