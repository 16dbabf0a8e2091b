import { describe, expect, it } from "vitest";
import { availabilityAt, isAwayOn, type Availability, type StoredStatus } from "./availability";

const at = (iso: string) => new Date(iso);
const busy = (busyUntil: string, setAt: string): StoredStatus => ({ kind: "busy", busyUntil: at(busyUntil), setAt: at(setAt) });
const away = (awayThrough: string, setAt: string): StoredStatus => ({ kind: "away", awayThrough, setAt: at(setAt) });

// "Now" is Tuesday 2026-02-10 10:00 in Stockholm (09:00Z) unless a case says otherwise.
const NOW = "2026-02-10T09:00:00Z";

describe("isAwayOn", () => {
  // Set on 2026-02-10 09:30 local, away through Friday 2026-02-13.
  const status = away("2026-02-13", "2026-02-10T08:30:00Z");
  it.each([
    ["2026-02-09", false, "the day before it was set"],
    ["2026-02-10", true, "the day it was set"],
    ["2026-02-12", true, "a day in between"],
    ["2026-02-13", true, "the last day"],
    ["2026-02-14", false, "the day after the last"],
  ])("%s → %s (%s)", (date, expected) => {
    expect(isAwayOn(status, date)).toBe(expected);
  });

  it("counts the day it was set in Stockholm time, not UTC", () => {
    // 2026-06-09 22:30Z is 00:30 on 2026-06-10 in Stockholm.
    const late = away("2026-06-12", "2026-06-09T22:30:00Z");
    expect(isAwayOn(late, "2026-06-09")).toBe(false);
    expect(isAwayOn(late, "2026-06-10")).toBe(true);
  });

  it.each([
    ["no status", null],
    ["busy", busy("2026-02-10T15:00:00Z", "2026-02-10T08:00:00Z")],
  ])("is false with %s", (_label, s) => {
    expect(isAwayOn(s, "2026-02-10")).toBe(false);
  });
});

describe("availabilityAt", () => {
  it.each<[string, StoredStatus | null, string, boolean, Availability]>([
    ["no status", null, NOW, false, { state: "available" }],
    // Busy.
    ["busy until later today", busy("2026-02-10T13:00:00Z", "2026-02-10T08:00:00Z"), NOW, false, { state: "busy", until: at("2026-02-10T13:00:00Z") }],
    ["busy until one minute from now", busy("2026-02-10T09:01:00Z", "2026-02-10T08:00:00Z"), NOW, false, { state: "busy", until: at("2026-02-10T09:01:00Z") }],
    ["busy until exactly now (expired)", busy(NOW, "2026-02-10T08:00:00Z"), NOW, false, { state: "available" }],
    ["busy expired an hour ago", busy("2026-02-10T08:00:00Z", "2026-02-10T07:00:00Z"), NOW, false, { state: "available" }],
    ["busy until yesterday", busy("2026-02-09T15:00:00Z", "2026-02-09T08:00:00Z"), NOW, false, { state: "available" }],
    // Busy is a same-day status: an end on another Stockholm day does not count as busy.
    ["busy until tomorrow", busy("2026-02-11T09:00:00Z", "2026-02-10T08:00:00Z"), NOW, false, { state: "available" }],
    [
      "busy until 23:30 today (summer, 21:30Z)",
      busy("2026-06-10T21:30:00Z", "2026-06-10T08:00:00Z"),
      "2026-06-10T20:00:00Z",
      false,
      { state: "busy", until: at("2026-06-10T21:30:00Z") },
    ],
    [
      "busy until 00:30 tomorrow Stockholm time, though the same UTC date",
      busy("2026-06-10T22:30:00Z", "2026-06-10T08:00:00Z"),
      "2026-06-10T18:00:00Z",
      false,
      { state: "available" },
    ],
    [
      "busy after midnight until 03:00 the same Stockholm day, though another UTC date",
      busy("2026-06-11T01:00:00Z", "2026-06-10T23:00:00Z"),
      "2026-06-10T23:30:00Z",
      false,
      { state: "busy", until: at("2026-06-11T01:00:00Z") },
    ],
    // Away.
    ["away through today", away("2026-02-10", "2026-02-09T08:00:00Z"), NOW, false, { state: "away", through: "2026-02-10" }],
    ["away through today, at 23:59", away("2026-02-10", "2026-02-09T08:00:00Z"), "2026-02-10T22:59:00Z", false, { state: "away", through: "2026-02-10" }],
    ["away through yesterday, just after midnight", away("2026-02-09", "2026-02-06T08:00:00Z"), "2026-02-09T23:00:00Z", false, { state: "available" }],
    ["away through yesterday", away("2026-02-09", "2026-02-06T08:00:00Z"), NOW, false, { state: "available" }],
    ["away set today through next week", away("2026-02-17", "2026-02-10T08:30:00Z"), NOW, false, { state: "away", through: "2026-02-17" }],
    [
      "away through the summer (DST in between)",
      away("2026-08-14", "2026-03-20T08:00:00Z"),
      "2026-08-14T20:00:00Z",
      false,
      { state: "away", through: "2026-08-14" },
    ],
    // On duty.
    ["on duty today", null, NOW, true, { state: "on-duty" }],
    ["on duty and busy", busy("2026-02-10T13:00:00Z", "2026-02-10T08:00:00Z"), NOW, true, { state: "on-duty" }],
    ["on duty after being away through yesterday", away("2026-02-09", "2026-02-06T08:00:00Z"), NOW, true, { state: "on-duty" }],
    ["away and on duty: away wins", away("2026-02-10", "2026-02-09T08:00:00Z"), NOW, true, { state: "away", through: "2026-02-10" }],
    ["away set today and on duty: away wins", away("2026-02-12", "2026-02-10T06:00:00Z"), NOW, true, { state: "away", through: "2026-02-12" }],
  ])("%s", (_label, status, now, onDutyToday, expected) => {
    expect(availabilityAt(status, at(now), onDutyToday)).toEqual(expected);
  });
});
