import { describe, expect, it } from "vitest";
import { availabilityAt, isAwayOn, type StoredStatus } from "./availability";
import { dutyDayOn, type DutyLine } from "./duty";
import { whoToCall, type CallableContact, type CallOption } from "./who-to-call";

const line: DutyLine = {
  phone: "+46701740610",
  afterHoursPhone: "+46701740699",
  eveClosesAt: "13:00",
  rotaStartsOn: "2026-03-02",
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: "16:30" })),
};

const at = (iso: string) => new Date(iso);
const emergency: CallOption = { kind: "emergency", phone: "112" };
const duty = (dutyPersonName: string | null, closesAt = "16:30"): CallOption => ({ kind: "duty", phone: line.phone, dutyPersonName, closesAt });
const afterHours = (date: string, opensAt = "08:00"): CallOption => ({ kind: "after-hours", phone: line.afterHoursPhone, opensNext: { date, opensAt } });

const anna: CallableContact = { personId: 1, name: "Anna Berg", phone: "+46701740605", availability: { state: "available" } };
const omar: CallableContact = { personId: 2, name: "Omar Lind", phone: "+46701740606", availability: { state: "available" } };
const sara: CallableContact = { personId: 3, name: "Sara Lindqvist", phone: "+46701740607", availability: { state: "available" } };
const call = (c: CallableContact): CallOption => ({ kind: "contact", personId: c.personId, name: c.name, phone: c.phone! });

// Tuesday 2026-02-10 10:00 in Stockholm.
const OPEN = at("2026-02-10T09:00:00Z");

describe("whoToCall while the duty phone is open", () => {
  it("lists the available contact, then the duty phone with today's duty person, then 112", () => {
    expect(whoToCall({ now: OPEN, contacts: [anna], line, dutyPersonName: "Eva Sjöberg" })).toEqual([
      { kind: "contact", personId: 1, name: "Anna Berg", phone: "+46701740605" },
      { kind: "duty", phone: "+46701740610", dutyPersonName: "Eva Sjöberg", closesAt: "16:30" },
      { kind: "emergency", phone: "112" },
    ]);
  });

  it("keeps the contacts in the order given", () => {
    expect(whoToCall({ now: OPEN, contacts: [sara, anna, omar], line, dutyPersonName: "Eva Sjöberg" })).toEqual([
      call(sara),
      call(anna),
      call(omar),
      duty("Eva Sjöberg"),
      emergency,
    ]);
  });

  it.each<[string, Partial<CallableContact>]>([
    ["busy", { availability: { state: "busy", until: at("2026-02-10T13:00:00Z") } }],
    ["away", { availability: { state: "away", through: "2026-02-13" } }],
    ["on duty", { availability: { state: "on-duty" } }],
    ["without a phone number", { phone: null }],
  ])("leaves out a contact who is %s", (_label, change) => {
    expect(whoToCall({ now: OPEN, contacts: [anna, { ...omar, ...change }, sara], line, dutyPersonName: "Eva Sjöberg" })).toEqual([
      call(anna),
      call(sara),
      duty("Eva Sjöberg"),
      emergency,
    ]);
  });

  it("puts the duty phone first when no contact is available", () => {
    const contacts: CallableContact[] = [
      { ...anna, availability: { state: "busy", until: at("2026-02-10T13:00:00Z") } },
      { ...omar, availability: { state: "away", through: "2026-02-13" } },
      { ...sara, phone: null },
    ];
    expect(whoToCall({ now: OPEN, contacts, line, dutyPersonName: "Eva Sjöberg" })).toEqual([duty("Eva Sjöberg"), emergency]);
  });

  it("puts the duty phone first when the organisation has no contacts", () => {
    expect(whoToCall({ now: OPEN, contacts: [], line, dutyPersonName: "Eva Sjöberg" })).toEqual([duty("Eva Sjöberg"), emergency]);
  });

  it("shows the duty phone without a name when nobody is on duty", () => {
    expect(whoToCall({ now: OPEN, contacts: [], line, dutyPersonName: null })).toEqual([duty(null), emergency]);
  });

  it.each([
    ["08:00 on an ordinary day", "2026-02-10T07:00:00Z", "16:30"],
    ["16:29 on an ordinary day", "2026-02-10T15:29:00Z", "16:30"],
    ["12:59 on valborgsmässoafton", "2026-04-30T10:59:00Z", "13:00"],
    ["08:00 the Monday after the spring DST change", "2026-03-30T06:00:00Z", "16:30"],
    ["08:00 the Monday after the autumn DST change", "2026-10-26T07:00:00Z", "16:30"],
  ])("is open at %s and says it closes at %s", (_label, iso, closesAt) => {
    expect(whoToCall({ now: at(iso), contacts: [anna], line, dutyPersonName: "Eva Sjöberg" })).toEqual([call(anna), duty("Eva Sjöberg", closesAt), emergency]);
  });
});

describe("whoToCall while the duty phone is closed", () => {
  it.each([
    ["07:59 on a Tuesday", "2026-02-10T06:59:00Z", "2026-02-10"],
    ["the minute it closes, 16:30", "2026-02-10T15:30:00Z", "2026-02-11"],
    ["a Tuesday evening", "2026-02-10T19:00:00Z", "2026-02-11"],
    ["Friday evening", "2026-02-13T18:00:00Z", "2026-02-16"],
    ["a Saturday", "2026-02-14T11:00:00Z", "2026-02-16"],
    ["a Sunday night", "2026-02-15T22:00:00Z", "2026-02-16"],
    ["13:00 on valborgsmässoafton", "2026-04-30T11:00:00Z", "2026-05-04"],
    ["Kristi himmelsfärd", "2026-05-14T08:00:00Z", "2026-05-15"],
    ["midsommarafton", "2026-06-19T08:00:00Z", "2026-06-22"],
    ["julafton", "2026-12-24T09:00:00Z", "2026-12-28"],
    ["07:59 the Monday after the spring DST change", "2026-03-30T05:59:00Z", "2026-03-30"],
  ])("gives socialjouren then 112 at %s, saying when the duty phone opens", (_label, iso, opensOn) => {
    // Available contacts are not offered outside office hours.
    expect(whoToCall({ now: at(iso), contacts: [anna, omar], line, dutyPersonName: "Eva Sjöberg" })).toEqual([afterHours(opensOn), emergency]);
  });

  it("has no next opening when the line has no hours", () => {
    expect(whoToCall({ now: OPEN, contacts: [anna], line: { ...line, hours: [] }, dutyPersonName: null })).toEqual([
      { kind: "after-hours", phone: line.afterHoursPhone, opensNext: null },
      emergency,
    ]);
  });
});

describe("whoToCall without a duty line", () => {
  it.each([
    ["in office hours", OPEN],
    ["on a Saturday", at("2026-02-14T11:00:00Z")],
    ["at night", at("2026-02-10T23:00:00Z")],
  ])("gives the available contacts and 112 %s", (_label, now) => {
    const contacts: CallableContact[] = [anna, { ...omar, availability: { state: "on-duty" } }, sara];
    expect(whoToCall({ now, contacts, line: null, dutyPersonName: "Eva Sjöberg" })).toEqual([call(anna), call(sara), emergency]);
  });

  it("gives only 112 when nobody is available", () => {
    expect(whoToCall({ now: OPEN, contacts: [{ ...anna, phone: null }], line: null, dutyPersonName: null })).toEqual([emergency]);
  });
});

describe("whoToCall on the day the duty person reported away", () => {
  // Team: Anna (1), Omar (2), Sara (3) in rota order from Monday 2026-03-02.
  // Wednesday 2026-03-04 is Sara's turn, but she reported away on Tuesday through Thursday.
  const names = new Map([
    [1, "Anna Berg"],
    [2, "Omar Lind"],
    [3, "Sara Lindqvist"],
  ]);
  const statuses = new Map<number, StoredStatus>([[3, { kind: "away", awayThrough: "2026-03-05", setAt: at("2026-03-03T12:00:00Z") }]]);
  const rota = {
    line,
    members: [1, 2, 3],
    overrides: new Map<string, number>(),
    isAway: (personId: number, date: string) => isAwayOn(statuses.get(personId) ?? null, date),
  };
  const now = at("2026-03-04T09:00:00Z"); // 10:00

  it("names the replacement on the duty phone and leaves the away and on-duty contacts out", () => {
    const today = dutyDayOn(rota, "2026-03-04");
    expect(today).toEqual({ date: "2026-03-04", personId: 1, source: "rota", problem: null });
    const contacts: CallableContact[] = [3, 1, 2].map((personId) => ({
      personId,
      name: names.get(personId)!,
      phone: `+4670174060${personId + 4}`,
      availability: availabilityAt(statuses.get(personId) ?? null, now, personId === today?.personId),
    }));
    expect(contacts.map((c) => c.availability.state)).toEqual(["away", "on-duty", "available"]);
    expect(whoToCall({ now, contacts, line, dutyPersonName: names.get(today!.personId!) ?? null })).toEqual([
      { kind: "contact", personId: 2, name: "Omar Lind", phone: "+46701740606" },
      { kind: "duty", phone: line.phone, dutyPersonName: "Anna Berg", closesAt: "16:30" },
      emergency,
    ]);
  });

  it("keeps the other days of the week on their turns", () => {
    expect([2, 3, 4, 5, 6].map((d) => dutyDayOn(rota, `2026-03-0${d}`)?.personId)).toEqual([1, 2, 1, 1, 2]);
  });
});
