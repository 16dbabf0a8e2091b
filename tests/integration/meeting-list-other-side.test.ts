import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/moten._index";
import { useFreshDatabase } from "./db";
import { args, get, respond, sessionCookie } from "./http";

// The seed: Peter Strand (Vällingbyskolan) has proposed a report meeting to Anna Berg; Leila
// Haddad has laid out planning meetings with Gröna diamanten; Eva Sjöberg hosts the consultation
// forum, where Leila is a member.
type Row = { title: string; withWhom: string | null; meeting: { kind: string } };
const listOf = async (email: string) => {
  const data = await (await respond(async () => loader(args(get("/moten", await sessionCookie(email)))))).json();
  return [...data.waiting, ...data.coming, ...data.earlier] as Row[];
};

describe("a list of meetings", () => {
  useFreshDatabase();

  it("names, for the contact person, the partner she meets rather than herself", async () => {
    const rows = await listOf("socialsekreterare@hv.example");
    const report = rows.find((r) => r.meeting.kind === "report")!;
    expect(report.withWhom).toBe("Peter Strand, Vällingbyskolan");
    expect(rows.map((r) => r.withWhom)).not.toContain("Anna Berg");
  });

  it("names the preschool of a series the contact person laid out herself, and the host of a group she is a member of", async () => {
    const rows = await listOf("leila.haddad@hv.example");
    expect(rows.find((r) => r.meeting.kind === "planning")!.withWhom).toBe("Gröna diamanten");
    expect(rows.find((r) => r.meeting.kind === "forum")!.withWhom).toBe("Eva Sjöberg");
    expect(rows.map((r) => r.withWhom)).not.toContain("Leila Haddad");
  });

  it("names nobody to the host of a group: she meets the group", async () => {
    const rows = await listOf("eva.sjoberg@hv.example");
    expect(rows.filter((r) => r.meeting.kind === "forum").map((r) => r.withWhom)).toContain(null);
  });

  it("names the contact person for the partner", async () => {
    const rows = await listOf("rektor@vallingbyskolan.example");
    expect(rows.find((r) => r.meeting.kind === "report")!.withWhom).toBe("Anna Berg");
  });
});
