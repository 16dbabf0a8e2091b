import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schoolParts, walkSeries } from "../../db/schema";
import { action, loader } from "../../app/routes/walk-and-talk.ny";
import { db, organisationId, useFreshDatabase } from "./db";
import { WALK_SERIES } from "./forms";
import { args, get, post, respond, sessionCookie } from "./http";

// Anna Berg is Vällingbyskolan's contact person for lågstadiet, mellanstadiet and grundsärskolan;
// Karin Dahl is Grimstaskolan's for the whole school.
const ANNA = "socialsekreterare@hv.example";
const partOf = (school: string, stage: string) =>
  db
    .select()
    .from(schoolParts)
    .where(and(eq(schoolParts.organisationId, organisationId(school)), eq(schoolParts.stage, stage as "hogstadiet")))
    .get()!.id;
const stagesOffered = async (email: string, school: string) => {
  const data = await (await respond(async () => loader(args(get("/walk-and-talk/ny", await sessionCookie(email)))))).json();
  const org = data.organisations.find((o: { name: string }) => o.name === school);
  return org.schoolParts.map((p: { stage: string }) => p.stage);
};

describe("a walk-and-talk series for one school part", () => {
  useFreshDatabase();

  it("is offered only for the school parts the contact person covers", async () => {
    expect(await stagesOffered(ANNA, "Vällingbyskolan")).toEqual(["lagstadiet", "mellanstadiet", "grundsarskolan"]);
    // An assignment for the whole school offers every part.
    expect(await stagesOffered("karin.dahl@hv.example", "Grimstaskolan")).toEqual(["lagstadiet", "mellanstadiet", "hogstadiet"]);
  });

  it("is refused for a school part she does not cover, with the input kept", async () => {
    const fields = { ...WALK_SERIES, organisationId: String(organisationId("Vällingbyskolan")), schoolPartId: String(partOf("Vällingbyskolan", "hogstadiet")) };
    const response = await respond(async () => action(args(post("/walk-and-talk/ny", fields, await sessionCookie(ANNA)))));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors.schoolPartId).toBe("Välj ett stadium som du är kontaktperson för, eller inget.");
    expect(body.values).toMatchObject({ meetingPoint: "Vid fotbollsplanen", schoolPartId: fields.schoolPartId });
    expect(db.select().from(walkSeries).where(eq(walkSeries.meetingPoint, "Vid fotbollsplanen")).all()).toHaveLength(0);
  });

  it("is made for a school part she covers", async () => {
    const fields = { ...WALK_SERIES, organisationId: String(organisationId("Vällingbyskolan")), schoolPartId: String(partOf("Vällingbyskolan", "lagstadiet")) };
    const response = await respond(async () => action(args(post("/walk-and-talk/ny", fields, await sessionCookie(ANNA)))));
    expect(response.status).toBe(302);
  });
});
