import { describe, expect, it } from "vitest";
import { datesFrom } from "../time/stockholm";
import {
  dutyDayOn,
  dutyDaysBetween,
  dutyPhoneState,
  dutyRota,
  isDutyDay,
  openingHoursOn,
  type DutyDay,
  type DutyLine,
  type PhoneState,
  type RotaInput,
} from "./duty";

// A duty line like the seed's: Monday–Friday 08:00–16:30, closing 13:00 on eves.
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: "16:30" }));
const line: DutyLine = {
  phone: "+46701740610",
  afterHoursPhone: "+46701740699",
  eveClosesAt: "13:00",
  rotaStartsOn: "2026-03-02", // a Monday
  hours: weekdays,
};

const at = (iso: string) => new Date(iso);
const closed = (date: string, opensAt = "08:00"): PhoneState => ({ open: false, opensNext: { date, opensAt } });
const open = (closesAt: string, closesAtIso: string): PhoneState => ({ open: true, closesAt, closesAtInstant: new Date(closesAtIso) });

describe("openingHoursOn and isDutyDay", () => {
  it.each<[string, { opensAt: string; closesAt: string } | null, string]>([
    ["2026-02-10", { opensAt: "08:00", closesAt: "16:30" }, "an ordinary Tuesday"],
    ["2026-02-13", { opensAt: "08:00", closesAt: "16:30" }, "an ordinary Friday"],
    ["2026-03-30", { opensAt: "08:00", closesAt: "16:30" }, "the Monday after the spring DST change"],
    ["2026-12-23", { opensAt: "08:00", closesAt: "16:30" }, "the day before julafton"],
    ["2026-06-18", { opensAt: "08:00", closesAt: "16:30" }, "the day before midsommarafton"],
    ["2026-01-05", { opensAt: "08:00", closesAt: "13:00" }, "trettondagsafton"],
    ["2026-04-02", { opensAt: "08:00", closesAt: "13:00" }, "skärtorsdagen"],
    ["2026-04-30", { opensAt: "08:00", closesAt: "13:00" }, "valborgsmässoafton"],
    ["2026-05-13", { opensAt: "08:00", closesAt: "13:00" }, "the day before Kristi himmelsfärd"],
    ["2026-10-30", { opensAt: "08:00", closesAt: "13:00" }, "allhelgonaafton"],
    ["2026-02-14", null, "a Saturday"],
    ["2026-02-15", null, "a Sunday"],
    ["2026-01-06", null, "trettondedag jul"],
    ["2026-04-03", null, "långfredagen"],
    ["2026-04-06", null, "annandag påsk"],
    ["2026-05-14", null, "Kristi himmelsfärd"],
    ["2026-06-06", null, "nationaldagen (a Saturday)"],
    ["2026-12-25", null, "juldagen"],
    ["2026-06-19", null, "midsommarafton"],
    ["2026-12-24", null, "julafton"],
    ["2026-12-31", null, "nyårsafton"],
  ])("%s → %j (%s)", (date, hours) => {
    expect(openingHoursOn(line, date)).toEqual(hours);
    expect(isDutyDay(line, date)).toBe(hours !== null);
  });

  it("keeps a weekday's closing time on an eve when it is earlier than eveClosesAt", () => {
    const shortFriday = { ...line, hours: [...weekdays.slice(0, 4), { weekday: 5, opensAt: "08:00", closesAt: "12:00" }] };
    expect(openingHoursOn(shortFriday, "2026-10-30")).toEqual({ opensAt: "08:00", closesAt: "12:00" });
  });

  it.each(["08:00", "07:00"])("is closed all day on an eve when eveClosesAt is %s (not after opening)", (eveClosesAt) => {
    const early = { ...line, eveClosesAt };
    expect(openingHoursOn(early, "2026-04-30")).toBeNull();
    expect(isDutyDay(early, "2026-04-30")).toBe(false);
    expect(openingHoursOn(early, "2026-04-29")).toEqual({ opensAt: "08:00", closesAt: "16:30" });
  });

  it("is closed on a weekday the line has no hours for", () => {
    const noWednesday = { ...line, hours: weekdays.filter((h) => h.weekday !== 3) };
    expect(openingHoursOn(noWednesday, "2026-02-11")).toBeNull();
    expect(openingHoursOn(noWednesday, "2026-02-12")).toEqual({ opensAt: "08:00", closesAt: "16:30" });
  });

  it("is closed on a Saturday even if the line lists hours for it", () => {
    const withSaturday = { ...line, hours: [...weekdays, { weekday: 6, opensAt: "10:00", closesAt: "14:00" }] };
    expect(openingHoursOn(withSaturday, "2026-02-14")).toBeNull();
  });
});

describe("dutyPhoneState", () => {
  it.each<[string, string, PhoneState]>([
    // An ordinary Tuesday in winter (UTC+1).
    ["Tuesday 00:00", "2026-02-09T23:00:00Z", closed("2026-02-10")],
    ["Tuesday 07:59", "2026-02-10T06:59:00Z", closed("2026-02-10")],
    ["Tuesday 07:59:59", "2026-02-10T06:59:59Z", closed("2026-02-10")],
    ["Tuesday 08:00", "2026-02-10T07:00:00Z", open("16:30", "2026-02-10T15:30:00Z")],
    ["Tuesday 12:00", "2026-02-10T11:00:00Z", open("16:30", "2026-02-10T15:30:00Z")],
    ["Tuesday 16:29", "2026-02-10T15:29:00Z", open("16:30", "2026-02-10T15:30:00Z")],
    ["Tuesday 16:29:59", "2026-02-10T15:29:59Z", open("16:30", "2026-02-10T15:30:00Z")],
    ["Tuesday 16:30", "2026-02-10T15:30:00Z", closed("2026-02-11")],
    ["Tuesday 23:59", "2026-02-10T22:59:00Z", closed("2026-02-11")],
    // An ordinary Tuesday in summer (UTC+2).
    ["summer Tuesday 07:59", "2026-09-08T05:59:00Z", closed("2026-09-08")],
    ["summer Tuesday 08:00", "2026-09-08T06:00:00Z", open("16:30", "2026-09-08T14:30:00Z")],
    ["summer Tuesday 16:29", "2026-09-08T14:29:00Z", open("16:30", "2026-09-08T14:30:00Z")],
    ["summer Tuesday 16:30", "2026-09-08T14:30:00Z", closed("2026-09-09")],
    // Friday evening and the weekend → Monday.
    ["Friday 16:30", "2026-02-13T15:30:00Z", closed("2026-02-16")],
    ["Friday 20:00", "2026-02-13T19:00:00Z", closed("2026-02-16")],
    ["Saturday 12:00", "2026-02-14T11:00:00Z", closed("2026-02-16")],
    ["Sunday 23:59", "2026-02-15T22:59:00Z", closed("2026-02-16")],
    ["Monday 00:00", "2026-02-15T23:00:00Z", closed("2026-02-16")],
    // Public holidays.
    ["trettondedag jul 10:00", "2026-01-06T09:00:00Z", closed("2026-01-07")],
    ["långfredagen 10:00 (Easter until Tuesday)", "2026-04-03T08:00:00Z", closed("2026-04-07")],
    ["annandag påsk 07:00", "2026-04-06T05:00:00Z", closed("2026-04-07")],
    ["Kristi himmelsfärd 10:00", "2026-05-14T08:00:00Z", closed("2026-05-15")],
    ["nationaldagen, a Saturday", "2026-06-06T08:00:00Z", closed("2026-06-08")],
    ["juldagen 10:00", "2026-12-25T09:00:00Z", closed("2026-12-28")],
    // Eves that are closed all day.
    ["midsommarafton 10:00", "2026-06-19T08:00:00Z", closed("2026-06-22")],
    ["julafton 10:00", "2026-12-24T09:00:00Z", closed("2026-12-28")],
    ["nyårsafton 10:00 (next year's first working day)", "2026-12-31T09:00:00Z", closed("2027-01-04")],
    // Shortened eves: open at 12:59, closed from 13:00.
    ["trettondagsafton 12:59", "2026-01-05T11:59:00Z", open("13:00", "2026-01-05T12:00:00Z")],
    ["trettondagsafton 13:00", "2026-01-05T12:00:00Z", closed("2026-01-07")],
    ["skärtorsdagen 12:59", "2026-04-02T10:59:00Z", open("13:00", "2026-04-02T11:00:00Z")],
    ["skärtorsdagen 13:00", "2026-04-02T11:00:00Z", closed("2026-04-07")],
    ["valborgsmässoafton 07:00", "2026-04-30T05:00:00Z", closed("2026-04-30")],
    ["valborgsmässoafton 12:59", "2026-04-30T10:59:00Z", open("13:00", "2026-04-30T11:00:00Z")],
    ["valborgsmässoafton 13:00", "2026-04-30T11:00:00Z", closed("2026-05-04")],
    ["valborgsmässoafton 16:00", "2026-04-30T14:00:00Z", closed("2026-05-04")],
    ["day before Kristi himmelsfärd 12:59", "2026-05-13T10:59:00Z", open("13:00", "2026-05-13T11:00:00Z")],
    ["day before Kristi himmelsfärd 13:00", "2026-05-13T11:00:00Z", closed("2026-05-15")],
    ["allhelgonaafton 12:59 (winter time)", "2026-10-30T11:59:00Z", open("13:00", "2026-10-30T12:00:00Z")],
    ["allhelgonaafton 13:00 (winter time)", "2026-10-30T12:00:00Z", closed("2026-11-02")],
    // Christmas 2026.
    ["2026-12-23 16:29", "2026-12-23T15:29:00Z", open("16:30", "2026-12-23T15:30:00Z")],
    ["2026-12-23 16:30", "2026-12-23T15:30:00Z", closed("2026-12-28")],
    ["2026-12-27 23:00", "2026-12-27T22:00:00Z", closed("2026-12-28")],
    // Across the DST changes of 2026.
    ["Friday before spring change 16:29 (UTC+1)", "2026-03-27T15:29:00Z", open("16:30", "2026-03-27T15:30:00Z")],
    ["Friday before spring change 16:30 (UTC+1)", "2026-03-27T15:30:00Z", closed("2026-03-30")],
    ["the spring change Sunday 03:00", "2026-03-29T01:00:00Z", closed("2026-03-30")],
    ["Monday after spring change 07:59 (UTC+2)", "2026-03-30T05:59:00Z", closed("2026-03-30")],
    ["Monday after spring change 08:00 (UTC+2)", "2026-03-30T06:00:00Z", open("16:30", "2026-03-30T14:30:00Z")],
    ["Monday after spring change, 07:00 UTC is 09:00", "2026-03-30T07:00:00Z", open("16:30", "2026-03-30T14:30:00Z")],
    ["Monday after spring change 16:30 (UTC+2)", "2026-03-30T14:30:00Z", closed("2026-03-31")],
    ["Friday before autumn change 16:29 (UTC+2)", "2026-10-23T14:29:00Z", open("16:30", "2026-10-23T14:30:00Z")],
    ["Friday before autumn change 16:30 (UTC+2)", "2026-10-23T14:30:00Z", closed("2026-10-26")],
    ["the autumn change Sunday 02:30", "2026-10-25T01:30:00Z", closed("2026-10-26")],
    ["Monday after autumn change, 06:00 UTC is 07:00", "2026-10-26T06:00:00Z", closed("2026-10-26")],
    ["Monday after autumn change 07:59 (UTC+1)", "2026-10-26T06:59:00Z", closed("2026-10-26")],
    ["Monday after autumn change 08:00 (UTC+1)", "2026-10-26T07:00:00Z", open("16:30", "2026-10-26T15:30:00Z")],
    ["Monday after autumn change, 15:00 UTC is 16:00", "2026-10-26T15:00:00Z", open("16:30", "2026-10-26T15:30:00Z")],
    ["Monday after autumn change 16:30 (UTC+1)", "2026-10-26T15:30:00Z", closed("2026-10-27")],
    // 2027: Easter falls on the spring change.
    ["skärtorsdagen 2027 12:59 (UTC+1)", "2027-03-25T11:59:00Z", open("13:00", "2027-03-25T12:00:00Z")],
    ["skärtorsdagen 2027 13:00 (UTC+1)", "2027-03-25T12:00:00Z", closed("2027-03-30")],
    ["påskdagen 2027, the spring change", "2027-03-28T10:00:00Z", closed("2027-03-30")],
    ["Tuesday after Easter 2027 07:59 (UTC+2)", "2027-03-30T05:59:00Z", closed("2027-03-30")],
    ["Tuesday after Easter 2027 08:00 (UTC+2)", "2027-03-30T06:00:00Z", open("16:30", "2027-03-30T14:30:00Z")],
    ["Friday before autumn change 2027 16:30 (UTC+2)", "2027-10-29T14:30:00Z", closed("2027-11-01")],
    ["Monday after autumn change 2027 07:59 (UTC+1)", "2027-11-01T06:59:00Z", closed("2027-11-01")],
    ["Monday after autumn change 2027 08:00 (UTC+1)", "2027-11-01T07:00:00Z", open("16:30", "2027-11-01T15:30:00Z")],
  ])("%s (%s)", (_label, iso, expected) => {
    expect(dutyPhoneState(line, at(iso))).toEqual(expected);
  });

  it("finds the next opening of a line open only on Wednesdays", () => {
    const wednesdays = { ...line, hours: [{ weekday: 3, opensAt: "09:00", closesAt: "12:00" }] };
    expect(dutyPhoneState(wednesdays, at("2026-12-23T11:00:00Z"))).toEqual(closed("2026-12-30", "09:00"));
  });

  it("has no next opening when the line has no hours", () => {
    expect(dutyPhoneState({ ...line, hours: [] }, at("2026-02-10T10:00:00Z"))).toEqual({ open: false, opensNext: null });
  });
});

// ---------------------------------------------------------------------------------------------
// The rota.

const noOverrides = new Map<string, number>();
const nobodyAway = () => false;
const awaySet = (entries: [number, string][]) => {
  const set = new Set(entries.map(([p, d]) => `${p}:${d}`));
  return (personId: number, date: string) => set.has(`${personId}:${date}`);
};
const rota = (overrides: Partial<RotaInput> = {}): RotaInput => ({
  line,
  members: [1, 2, 3],
  overrides: noOverrides,
  isAway: nobodyAway,
  ...overrides,
});
const fromRota = (date: string, personId: number | null): DutyDay => ({
  date,
  personId,
  source: "rota",
  problem: personId === null ? "nobody" : null,
});
const people = (days: DutyDay[]) => days.map((d) => [d.date, d.personId]);

describe("dutyRota", () => {
  it("gives out the working days in turn from rotaStartsOn, leaving out the weekend", () => {
    expect(dutyRota(rota(), "2026-03-02", "2026-03-13")).toEqual([
      fromRota("2026-03-02", 1),
      fromRota("2026-03-03", 2),
      fromRota("2026-03-04", 3),
      fromRota("2026-03-05", 1),
      fromRota("2026-03-06", 2),
      fromRota("2026-03-09", 3),
      fromRota("2026-03-10", 1),
      fromRota("2026-03-11", 2),
      fromRota("2026-03-12", 3),
      fromRota("2026-03-13", 1),
    ]);
  });

  it("skips Easter holidays without using a turn, and gives the shortened eve a turn", () => {
    const input = rota({ line: { ...line, rotaStartsOn: "2026-03-30" } });
    expect(people(dutyRota(input, "2026-03-30", "2026-04-10"))).toEqual([
      ["2026-03-30", 1],
      ["2026-03-31", 2],
      ["2026-04-01", 3],
      ["2026-04-02", 1], // skärtorsdagen, open until 13:00
      ["2026-04-07", 2], // långfredagen to annandag påsk are closed
      ["2026-04-08", 3],
      ["2026-04-09", 1],
      ["2026-04-10", 2],
    ]);
  });

  it("skips Christmas and New Year", () => {
    const input = rota({ line: { ...line, rotaStartsOn: "2026-12-21" } });
    expect(people(dutyRota(input, "2026-12-21", "2027-01-08"))).toEqual([
      ["2026-12-21", 1],
      ["2026-12-22", 2],
      ["2026-12-23", 3],
      ["2026-12-28", 1],
      ["2026-12-29", 2],
      ["2026-12-30", 3],
      ["2027-01-04", 1],
      ["2027-01-05", 2], // trettondagsafton
      ["2027-01-07", 3],
      ["2027-01-08", 1],
    ]);
  });

  it("is empty when the phone is closed the whole range", () => {
    expect(dutyRota(rota(), "2026-03-07", "2026-03-08")).toEqual([]);
    expect(dutyRota(rota(), "2026-12-24", "2026-12-27")).toEqual([]);
  });

  it("is empty when from is after to", () => {
    expect(dutyRota(rota(), "2026-03-10", "2026-03-09")).toEqual([]);
  });

  it("gives an away person's day to the next in the list; the turns continue by day afterwards", () => {
    // Person 2's turn is 2026-03-03. Person 3 takes it, and keeps their own turn the day after;
    // person 2 does not get the turn back.
    const input = rota({ isAway: awaySet([[2, "2026-03-03"]]) });
    expect(dutyRota(input, "2026-03-02", "2026-03-09")).toEqual([
      fromRota("2026-03-02", 1),
      fromRota("2026-03-03", 3),
      fromRota("2026-03-04", 3),
      fromRota("2026-03-05", 1),
      fromRota("2026-03-06", 2),
      fromRota("2026-03-09", 3),
    ]);
  });

  it("wraps around to the first in the list when the last is away", () => {
    const input = rota({ isAway: awaySet([[3, "2026-03-04"]]) });
    expect(people(dutyRota(input, "2026-03-02", "2026-03-06"))).toEqual([
      ["2026-03-02", 1],
      ["2026-03-03", 2],
      ["2026-03-04", 1],
      ["2026-03-05", 1],
      ["2026-03-06", 2],
    ]);
  });

  it("skips several away people in a row", () => {
    const input = rota({
      isAway: awaySet([
        [1, "2026-03-02"],
        [2, "2026-03-02"],
      ]),
    });
    expect(people(dutyRota(input, "2026-03-02", "2026-03-03"))).toEqual([
      ["2026-03-02", 3],
      ["2026-03-03", 2],
    ]);
  });

  it("skips a person away for a whole week every day of it", () => {
    const week = datesFrom("2026-03-09", "2026-03-13");
    const input = rota({ isAway: awaySet(week.map((d) => [2, d])) });
    expect(people(dutyRota(input, "2026-03-09", "2026-03-16"))).toEqual([
      ["2026-03-09", 3],
      ["2026-03-10", 1],
      ["2026-03-11", 3], // person 2's turn
      ["2026-03-12", 3],
      ["2026-03-13", 1],
      ["2026-03-16", 2], // back
    ]);
  });

  it("reports nobody when everyone is away, and continues the next day", () => {
    const input = rota({
      isAway: awaySet([
        [1, "2026-03-04"],
        [2, "2026-03-04"],
        [3, "2026-03-04"],
      ]),
    });
    expect(dutyRota(input, "2026-03-03", "2026-03-05")).toEqual([
      fromRota("2026-03-03", 2),
      { date: "2026-03-04", personId: null, source: "rota", problem: "nobody" },
      fromRota("2026-03-05", 1),
    ]);
  });

  it("reports nobody on every working day when the rota is empty", () => {
    expect(dutyRota(rota({ members: [] }), "2026-03-06", "2026-03-09")).toEqual([
      { date: "2026-03-06", personId: null, source: "rota", problem: "nobody" },
      { date: "2026-03-09", personId: null, source: "rota", problem: "nobody" },
    ]);
  });

  it("gives every day to the only member", () => {
    expect(people(dutyRota(rota({ members: [9] }), "2026-03-05", "2026-03-09"))).toEqual([
      ["2026-03-05", 9],
      ["2026-03-06", 9],
      ["2026-03-09", 9],
    ]);
  });

  it("lets an override replace the day; the override uses up that day's turn", () => {
    const input = rota({ overrides: new Map([["2026-03-04", 7]]) });
    expect(dutyRota(input, "2026-03-03", "2026-03-05")).toEqual([
      fromRota("2026-03-03", 2),
      { date: "2026-03-04", personId: 7, source: "override", problem: null },
      fromRota("2026-03-05", 1),
    ]);
  });

  it("lets an override name a rota member on another's turn", () => {
    const input = rota({ overrides: new Map([["2026-03-02", 3]]) });
    expect(people(dutyRota(input, "2026-03-02", "2026-03-04"))).toEqual([
      ["2026-03-02", 3],
      ["2026-03-03", 2],
      ["2026-03-04", 3],
    ]);
  });

  it("keeps the override even when the rota would have nobody", () => {
    const input = rota({ members: [], overrides: new Map([["2026-03-04", 7]]) });
    expect(dutyDayOn(input, "2026-03-04")).toEqual({ date: "2026-03-04", personId: 7, source: "override", problem: null });
  });

  it("reports override-away when the override's person is away, without falling back to the rota", () => {
    const input = rota({ overrides: new Map([["2026-03-04", 2]]), isAway: awaySet([[2, "2026-03-04"]]) });
    expect(dutyRota(input, "2026-03-04", "2026-03-05")).toEqual([
      { date: "2026-03-04", personId: null, source: "override", problem: "override-away" },
      fromRota("2026-03-05", 1),
    ]);
  });

  it("ignores an override on a day the phone is closed", () => {
    const input = rota({
      overrides: new Map([
        ["2026-03-07", 7],
        ["2026-04-03", 7],
      ]),
    });
    expect(dutyRota(input, "2026-03-07", "2026-03-08")).toEqual([]);
    expect(dutyDayOn(input, "2026-04-03")).toBeNull();
  });

  it("has nobody on duty before rotaStartsOn, and starts with the first member on rotaStartsOn", () => {
    expect(dutyRota(rota(), "2026-02-26", "2026-03-03")).toEqual([
      fromRota("2026-02-26", null),
      fromRota("2026-02-27", null),
      fromRota("2026-03-02", 1),
      fromRota("2026-03-03", 2),
    ]);
  });

  it("applies an override before rotaStartsOn", () => {
    const input = rota({ overrides: new Map([["2026-02-27", 5]]) });
    expect(dutyRota(input, "2026-02-26", "2026-03-02")).toEqual([
      fromRota("2026-02-26", null),
      { date: "2026-02-27", personId: 5, source: "override", problem: null },
      fromRota("2026-03-02", 1),
    ]);
  });

  it.each([
    ["2026-03-11", "2026-03-13", [2, 3, 1]],
    ["2026-03-14", "2026-03-17", [2, 3]],
    ["2026-04-01", "2026-04-08", [2, 3, 1, 2]], // 04-01 is the 23rd working day (turn 22)
  ])("a range from %s to %s gives the same people as counting from rotaStartsOn", (from, to, expected) => {
    const all = dutyRota(rota(), line.rotaStartsOn, to).filter((d) => d.date >= from);
    expect(people(dutyRota(rota(), from, to))).toEqual(people(all));
    expect(dutyRota(rota(), from, to).map((d) => d.personId)).toEqual(expected);
  });

  it("dutyDayOn gives the day, or null when the phone is closed", () => {
    expect(dutyDayOn(rota(), "2026-03-13")).toEqual(fromRota("2026-03-13", 1));
    expect(dutyDayOn(rota(), "2026-03-14")).toBeNull();
    expect(dutyDayOn(rota(), "2026-05-14")).toBeNull();
    expect(dutyDayOn(rota(), "2026-03-01")).toBeNull(); // a Sunday before the rota
    expect(dutyDayOn(rota(), "2026-02-27")).toEqual(fromRota("2026-02-27", null));
  });

  it("cycles the members evenly over a whole year with nobody away", () => {
    const days = dutyRota(rota(), "2026-03-02", "2027-03-01");
    days.forEach((d, i) => expect(d.personId, d.date).toBe([1, 2, 3][i % 3]));
    const counts = [1, 2, 3].map((p) => days.filter((d) => d.personId === p).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  describe("consistency: one long range equals each single day", () => {
    // A busy schedule: people away on scattered days, everyone away one day, overrides
    // (one for an away person), across DST changes, Easter, Christmas and into 2027.
    const away = new Set<string>();
    datesFrom("2026-03-02", "2027-04-30").forEach((date, i) => {
      if (i % 5 === 0) away.add(`1:${date}`);
      if (i % 7 === 3) away.add(`2:${date}`);
      if (i % 11 === 6) away.add(`3:${date}`);
    });
    for (const p of [1, 2, 3, 4]) away.add(`${p}:2026-06-10`);
    for (const d of datesFrom("2026-07-06", "2026-07-31")) away.add(`4:${d}`);
    const input = rota({
      members: [1, 2, 3, 4],
      isAway: (p, d) => away.has(`${p}:${d}`),
      overrides: new Map([
        ["2026-03-30", 2],
        ["2026-07-08", 4], // person 4 is away then
        ["2026-10-26", 9],
        ["2026-12-23", 1],
      ]),
    });
    const long = dutyRota(input, "2026-02-16", "2027-04-30");
    const byDate = new Map(long.map((d) => [d.date, d]));

    it("covers the expected problems", () => {
      expect(byDate.get("2026-06-10")).toEqual({ date: "2026-06-10", personId: null, source: "rota", problem: "nobody" });
      expect(byDate.get("2026-07-08")).toEqual({ date: "2026-07-08", personId: null, source: "override", problem: "override-away" });
      expect(byDate.get("2026-10-26")).toEqual({ date: "2026-10-26", personId: 9, source: "override", problem: null });
      expect(byDate.get("2026-02-27")?.problem).toBe("nobody");
      expect(long.filter((d) => d.personId !== null && d.source === "rota" && input.isAway(d.personId, d.date))).toEqual([]);
    });

    it("dutyDayOn agrees with the long range on every date", () => {
      const mismatches = datesFrom("2026-02-16", "2027-04-30").filter(
        (date) => JSON.stringify(dutyDayOn(input, date)) !== JSON.stringify(byDate.get(date) ?? null),
      );
      expect(mismatches).toEqual([]);
    });

    it.each([
      ["2026-03-02", "2026-12-31"],
      ["2026-05-13", "2026-05-20"],
      ["2026-10-20", "2026-11-06"],
      ["2026-12-20", "2027-01-10"],
      ["2027-03-20", "2027-04-30"],
    ])("dutyRota(%s, %s) is the slice of the long range", (from, to) => {
      expect(dutyRota(input, from, to)).toEqual(long.filter((d) => d.date >= from && d.date <= to));
    });
  });
});

describe("the rota's turn, counted from its start", () => {
  const line = {
    phone: "+46850800000",
    afterHoursPhone: "+46850800001",
    eveClosesAt: "13:00",
    rotaStartsOn: "2025-01-07",
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: "16:30" })),
  };
  const input = {
    line,
    members: [11, 12, 13, 14, 15, 16, 17],
    overrides: new Map<string, number>(),
    isAway: (id: number, date: string) => id === 13 && date >= "2026-06-01" && date <= "2026-06-30",
  };

  it("one day at a time gives the same person as the whole range at once", () => {
    const whole = dutyRota(input, "2026-05-25", "2026-07-10");
    const dayByDay = datesFrom("2026-05-25", "2026-07-10").flatMap((date) => dutyRota(input, date, date));
    expect(dayByDay).toEqual(whole);
    expect(whole.length).toBeGreaterThan(25);
  });

  it("counts duty days only: weekends and public holidays do not move the turn", () => {
    expect(dutyDaysBetween(line, "2026-12-21", "2026-12-28")).toBe(3); // Mon 21 – Wed 23; Christmas Eve, Christmas Day and the weekend are closed
    expect(dutyDaysBetween(line, "2026-12-28", "2026-12-21")).toBe(0);
  });
});
