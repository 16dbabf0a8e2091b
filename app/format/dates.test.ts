import { describe, expect, it } from "vitest";
import { formatClock, formatClockRange, formatDate, formatTime } from "./dates";

describe("formatDate", () => {
  it.each([
    // Weekday and month in lower case, no year in the current year.
    ["2026-12-01", "2026-06-15", "tisdag 1 december"],
    ["2026-12-03", "2026-12-03", "torsdag 3 december"],
    ["2026-01-05", "2026-01-01", "måndag 5 januari"],
    ["2026-02-10", "2026-02-10", "tisdag 10 februari"],
    ["2026-03-29", "2026-03-28", "söndag 29 mars"],
    ["2026-04-30", "2026-04-01", "torsdag 30 april"],
    ["2026-05-13", "2026-05-01", "onsdag 13 maj"],
    ["2026-06-19", "2026-06-01", "fredag 19 juni"],
    ["2026-07-04", "2026-06-01", "lördag 4 juli"],
    ["2026-08-31", "2026-06-01", "måndag 31 augusti"],
    ["2026-09-08", "2026-06-01", "tisdag 8 september"],
    ["2026-10-25", "2026-10-25", "söndag 25 oktober"],
    ["2026-11-02", "2026-10-30", "måndag 2 november"],
    ["2026-12-31", "2026-01-01", "torsdag 31 december"],
    // The year when it is not the year of today, either way.
    ["2027-01-04", "2026-12-28", "måndag 4 januari 2027"],
    ["2026-12-28", "2027-01-04", "måndag 28 december 2026"],
    ["2024-12-03", "2026-06-15", "tisdag 3 december 2024"],
    ["2027-03-28", "2026-03-28", "söndag 28 mars 2027"],
  ])("%s seen on %s → %s", (date, today, expected) => {
    expect(formatDate(date, today)).toBe(expected);
  });

  it.each([
    ["2026-12-03", "2026-01-01", "3 december"],
    ["2026-06-06", "2026-06-01", "6 juni"],
    ["2027-01-06", "2026-12-20", "6 januari 2027"],
  ])("without weekday: %s seen on %s → %s", (date, today, expected) => {
    expect(formatDate(date, today, { weekday: false })).toBe(expected);
  });
});

describe("formatTime", () => {
  it.each([
    // Winter (UTC+1).
    ["2026-02-10T08:05:00Z", "9.05"],
    ["2026-02-10T13:30:00Z", "14.30"],
    ["2026-02-10T15:30:00Z", "16.30"],
    ["2026-02-10T22:59:00Z", "23.59"],
    ["2026-02-10T23:00:00Z", "0.00"], // midnight is 0.00, never 24.00
    ["2026-02-10T13:30:59Z", "14.30"], // seconds are not shown
    // Summer (UTC+2).
    ["2026-06-15T07:05:00Z", "9.05"],
    ["2026-06-15T12:30:00Z", "14.30"],
    ["2026-06-15T14:30:00Z", "16.30"],
    ["2026-06-15T22:00:00Z", "0.00"],
    // Around the DST changes.
    ["2026-03-29T00:59:00Z", "1.59"],
    ["2026-03-29T01:00:00Z", "3.00"],
    ["2026-10-25T00:30:00Z", "2.30"],
    ["2026-10-25T01:30:00Z", "2.30"],
    ["2026-10-26T07:00:00Z", "8.00"],
    ["2026-03-30T06:00:00Z", "8.00"],
    ["2027-03-28T01:00:00Z", "3.00"],
    ["2027-10-31T01:00:00Z", "2.00"],
  ])("%s → %s", (iso, expected) => {
    expect(formatTime(new Date(iso))).toBe(expected);
  });
});

describe("formatClock", () => {
  it.each([
    ["08:00", "8.00"],
    ["09:05", "9.05"],
    ["13:00", "13.00"],
    ["16:30", "16.30"],
    ["00:00", "0.00"],
    ["23:59", "23.59"],
  ])("%s → %s", (time, expected) => {
    expect(formatClock(time)).toBe(expected);
  });
});

describe("formatClockRange", () => {
  it.each([
    ["08:00", "16:30", "8.00\u201316.30"],
    ["08:00", "13:00", "8.00\u201313.00"],
    ["14:30", "15:00", "14.30\u201315.00"],
  ])("%s to %s → %s (en dash)", (from, to, expected) => {
    expect(formatClockRange(from, to)).toBe(expected);
  });

  it("uses an en dash, not a hyphen", () => {
    expect(formatClockRange("08:00", "16:30")).toBe("8.00–16.30");
    expect(formatClockRange("08:00", "16:30")).not.toContain("-");
  });
});
