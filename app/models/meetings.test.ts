import { describe, expect, it } from "vitest";
import { groupSeriesSchema, moveSchema } from "./meeting-forms";
import { caseStartsAt, emailList, forumPlaces, overlaps } from "./meetings";

const now = new Date("2026-12-01T09:00:00Z"); // Tuesday 1 December 2026, 10.00 in Stockholm

describe("the consultation forum's places", () => {
  it.each([
    [120, 20, 6],
    [120, 25, 4],
    [60, 60, 1],
    [30, 40, 0],
    [240, 10, 12], // never more than 12 places
  ])("%i minutes at %i a case give %i places", (minutes, caseMinutes, places) => {
    expect(forumPlaces(minutes, caseMinutes)).toBe(places);
  });

  it("gives each case its turn, one case length after the other", () => {
    const start = new Date("2026-12-10T12:00:00Z");
    expect(caseStartsAt(start, 1, 20).toISOString()).toBe("2026-12-10T12:00:00.000Z");
    expect(caseStartsAt(start, 3, 20).toISOString()).toBe("2026-12-10T12:40:00.000Z");
  });
});

describe("the members of a group", () => {
  it("reads emails one per line, or split by commas and semicolons, lower-cased without twins", () => {
    expect(emailList(" Polis@Vallingby.example\n\nrektor@skolan.example; polis@vallingby.example , a@b.se ")).toEqual([
      "polis@vallingby.example",
      "rektor@skolan.example",
      "a@b.se",
    ]);
    expect(emailList("")).toEqual([]);
  });
});

describe("starting a group", () => {
  const valid = {
    kind: "forum",
    name: "Forum",
    members: "a@b.se",
    firstDate: "2026-12-10",
    time: "13.00",
    minutes: "120",
    everyWeeks: "2",
    count: "6",
    caseMinutes: "20",
    place: "office",
  };
  const errors = (fields: Record<string, string>) => {
    const result = groupSeriesSchema(now).safeParse(fields);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("accepts a forum every other week", () => {
    expect(groupSeriesSchema(now).parse(valid)).toMatchObject({ kind: "forum", members: ["a@b.se"], minutes: 120, caseMinutes: 20, count: 6, time: "13:00" });
  });

  it.each([
    [{ kind: "party" }, "kind", "Välj vilken sorts grupp."],
    [{ name: "" }, "name", "Skriv vad gruppen heter."],
    [{ members: "inte en adress" }, "members", "Det här ser inte ut som e-postadresser: inte, en, adress."],
    [{ firstDate: "2026-12-01" }, "firstDate", "Välj ett första datum efter i dag."],
    [{ firstDate: "2026-02-30" }, "firstDate", "Skriv första datum, till exempel 2026-12-10."],
    [{ time: "25.00" }, "time", "Skriv en tid, till exempel 13.30."],
    [{ count: "21" }, "count", "Skriv hur många möten, mellan 1 och 20."],
    [{ minutes: "15", caseMinutes: "20" }, "caseMinutes", "Mötet är kortare än ett ärende. Gör mötet längre eller ärendetiden kortare."],
    [{ caseMinutes: "5" }, "caseMinutes", "Skriv minuter per ärende, mellan 10 och 120."],
  ])("refuses %o", (change, field, message) => {
    expect(errors({ ...valid, ...change } as Record<string, string>)[field]).toBe(message);
  });

  it("does not ask a collaboration group about case lengths", () => {
    expect(errors({ ...valid, kind: "collaboration", minutes: "15" })).toEqual({});
  });
});

describe("moving a meeting", () => {
  it("needs a real date and time", () => {
    expect(moveSchema.safeParse({ date: "2026-12-17", time: "9.30" }).success).toBe(true);
    expect(moveSchema.safeParse({ date: "17/12", time: "9.30" }).success).toBe(false);
    expect(moveSchema.safeParse({ date: "2026-12-17" }).success).toBe(false);
  });

  it("overlaps only when the times share a minute", () => {
    const at = (h: number) => new Date(Date.UTC(2026, 11, 17, h));
    expect(overlaps({ startsAt: at(9), endsAt: at(10) }, { startsAt: at(10), endsAt: at(11) })).toBe(false);
    expect(overlaps({ startsAt: at(9), endsAt: at(11) }, { startsAt: at(10), endsAt: at(12) })).toBe(true);
  });
});
