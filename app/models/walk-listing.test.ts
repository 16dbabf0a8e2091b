import { describe, expect, it } from "vitest";
import { isoWeekNumber } from "../time/stockholm";
import { chosenHost, hostsOf, slotsByWeek } from "./walk-listing";

const slot = (startsAt: string, hostPersonId: number, hostName: string) => ({ startsAt, hostPersonId, hostName });

describe("ISO week numbers, as Swedish calendars count them", () => {
  it.each([
    ["2026-12-01", 49],
    ["2026-12-28", 53],
    ["2027-01-03", 53],
    ["2027-01-04", 1],
    ["2024-12-30", 1],
    ["2021-01-03", 53],
    ["2026-06-15", 25],
  ])("%s is week %i", (date, week) => expect(isoWeekNumber(date)).toBe(week));
});

describe("the open walk-and-talk times for a teacher", () => {
  const slots = [
    slot("2026-12-08T09:00:00.000Z", 2, "Karin Dahl"),
    slot("2026-12-01T13:00:00.000Z", 1, "Anna Berg"),
    // Sunday 6 December at 23.30 in Stockholm is still week 49; Monday 00.30 is week 50.
    slot("2026-12-06T22:30:00.000Z", 2, "Karin Dahl"),
    slot("2026-12-06T23:30:00.000Z", 1, "Anna Berg"),
    slot("2026-12-02T08:00:00.000Z", 1, "Anna Berg"),
  ];

  it("come week by week in Stockholm time, each week in time order", () => {
    const weeks = slotsByWeek(slots);
    expect(weeks.map((w) => [w.week, w.year, w.monday, w.slots.map((s) => s.startsAt)])).toEqual([
      [49, 2026, "2026-11-30", ["2026-12-01T13:00:00.000Z", "2026-12-02T08:00:00.000Z", "2026-12-06T22:30:00.000Z"]],
      [50, 2026, "2026-12-07", ["2026-12-06T23:30:00.000Z", "2026-12-08T09:00:00.000Z"]],
    ]);
    // Week 53 of 2026 runs to Sunday 3 January 2027; week 1 of 2027 begins the day after.
    expect(
      slotsByWeek([slot("2027-01-02T10:00:00.000Z", 1, "Anna Berg"), slot("2027-01-05T10:00:00.000Z", 1, "Anna Berg")]).map((w) => [w.week, w.year]),
    ).toEqual([
      [53, 2026],
      [1, 2027],
    ]);
  });

  it("can be narrowed to one contact person, named in the filter by name order", () => {
    expect(hostsOf(slots)).toEqual([
      { id: 1, name: "Anna Berg" },
      { id: 2, name: "Karin Dahl" },
    ]);
    expect(chosenHost(slots, "2")).toBe(2);
    expect(chosenHost(slots, "9")).toBeNull();
    expect(chosenHost(slots, "anna")).toBeNull();
    expect(chosenHost(slots, null)).toBeNull();
  });
});
