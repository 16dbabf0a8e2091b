import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, datesFrom, instantAt, isLocalDate, isoWeekday, localDateOf, localMinutesOf, minutesOf, mondayOf } from "./stockholm";

// Every instant is written in UTC so the tests do not depend on the machine's time zone.
// DST in Europe/Stockholm: 2026-03-29 01:00Z (02:00 → 03:00), 2026-10-25 01:00Z (03:00 → 02:00),
// 2027-03-28 01:00Z, 2027-10-31 01:00Z.
const at = (iso: string) => new Date(iso);

describe("localDateOf", () => {
  it.each([
    // Around local midnight in winter (UTC+1) and summer (UTC+2).
    ["2026-01-14T22:59:00Z", "2026-01-14"],
    ["2026-01-14T23:00:00Z", "2026-01-15"],
    ["2026-07-14T21:59:00Z", "2026-07-14"],
    ["2026-07-14T22:00:00Z", "2026-07-15"],
    // Year change.
    ["2026-12-31T22:59:59Z", "2026-12-31"],
    ["2026-12-31T23:00:00Z", "2027-01-01"],
    // Spring 2026: the night of the change and the evening after it.
    ["2026-03-28T22:59:00Z", "2026-03-28"],
    ["2026-03-28T23:00:00Z", "2026-03-29"],
    ["2026-03-29T00:59:00Z", "2026-03-29"],
    ["2026-03-29T01:00:00Z", "2026-03-29"],
    ["2026-03-29T21:59:00Z", "2026-03-29"],
    ["2026-03-29T22:00:00Z", "2026-03-30"],
    // Autumn 2026: local midnight is 22:00Z before the change and 23:00Z after it.
    ["2026-10-24T21:59:00Z", "2026-10-24"],
    ["2026-10-24T22:00:00Z", "2026-10-25"],
    ["2026-10-25T22:59:00Z", "2026-10-25"],
    ["2026-10-25T23:00:00Z", "2026-10-26"],
    // 2027.
    ["2027-03-27T22:59:00Z", "2027-03-27"],
    ["2027-03-27T23:00:00Z", "2027-03-28"],
    ["2027-03-28T21:59:00Z", "2027-03-28"],
    ["2027-03-28T22:00:00Z", "2027-03-29"],
    ["2027-10-30T21:59:00Z", "2027-10-30"],
    ["2027-10-30T22:00:00Z", "2027-10-31"],
    ["2027-10-31T22:59:00Z", "2027-10-31"],
    ["2027-10-31T23:00:00Z", "2027-11-01"],
  ])("%s is on %s in Stockholm", (iso, date) => {
    expect(localDateOf(at(iso))).toBe(date);
  });
});

describe("localMinutesOf", () => {
  it.each([
    ["2026-01-14T23:00:00Z", 0],
    ["2026-01-15T07:00:00Z", 8 * 60],
    ["2026-01-15T15:29:59Z", 16 * 60 + 29], // seconds are dropped, not rounded
    ["2026-07-15T06:00:00Z", 8 * 60],
    ["2026-07-15T14:30:00Z", 16 * 60 + 30],
    // Spring 2026: 01:59 is followed by 03:00.
    ["2026-03-29T00:59:00Z", 1 * 60 + 59],
    ["2026-03-29T01:00:00Z", 3 * 60],
    ["2026-03-29T06:00:00Z", 8 * 60],
    ["2026-03-28T07:00:00Z", 8 * 60],
    // Autumn 2026: 02:59 summer time is followed by 02:00 winter time.
    ["2026-10-25T00:00:00Z", 2 * 60],
    ["2026-10-25T00:59:00Z", 2 * 60 + 59],
    ["2026-10-25T01:00:00Z", 2 * 60],
    ["2026-10-25T01:59:00Z", 2 * 60 + 59],
    ["2026-10-25T02:00:00Z", 3 * 60],
    ["2026-10-25T07:00:00Z", 8 * 60],
    ["2026-10-24T06:00:00Z", 8 * 60],
    // 2027.
    ["2027-03-28T00:59:00Z", 1 * 60 + 59],
    ["2027-03-28T01:00:00Z", 3 * 60],
    ["2027-10-31T00:59:00Z", 2 * 60 + 59],
    ["2027-10-31T01:00:00Z", 2 * 60],
  ])("%s is %i minutes after local midnight", (iso, minutes) => {
    expect(localMinutesOf(at(iso))).toBe(minutes);
  });
});

describe("minutesOf", () => {
  it.each([
    ["00:00", 0],
    ["08:00", 480],
    ["8:00", 480],
    ["13:00", 780],
    ["16:30", 990],
    ["23:59", 1439],
  ])("%s → %i", (time, minutes) => {
    expect(minutesOf(time)).toBe(minutes);
  });
});

describe("instantAt", () => {
  it.each([
    // 08:00 on the DST days and the days around them.
    ["2026-03-27", "08:00", "2026-03-27T07:00:00.000Z"],
    ["2026-03-28", "08:00", "2026-03-28T07:00:00.000Z"],
    ["2026-03-29", "08:00", "2026-03-29T06:00:00.000Z"],
    ["2026-03-30", "08:00", "2026-03-30T06:00:00.000Z"],
    ["2026-10-23", "08:00", "2026-10-23T06:00:00.000Z"],
    ["2026-10-24", "08:00", "2026-10-24T06:00:00.000Z"],
    ["2026-10-25", "08:00", "2026-10-25T07:00:00.000Z"],
    ["2026-10-26", "08:00", "2026-10-26T07:00:00.000Z"],
    ["2027-03-27", "08:00", "2027-03-27T07:00:00.000Z"],
    ["2027-03-28", "08:00", "2027-03-28T06:00:00.000Z"],
    ["2027-03-29", "08:00", "2027-03-29T06:00:00.000Z"],
    ["2027-10-30", "08:00", "2027-10-30T06:00:00.000Z"],
    ["2027-10-31", "08:00", "2027-10-31T07:00:00.000Z"],
    ["2027-11-01", "08:00", "2027-11-01T07:00:00.000Z"],
    // Closing times.
    ["2026-03-30", "16:30", "2026-03-30T14:30:00.000Z"],
    ["2026-10-26", "16:30", "2026-10-26T15:30:00.000Z"],
    ["2026-12-24", "13:00", "2026-12-24T12:00:00.000Z"],
    // Midnight and late evening (the UTC date differs from the local date).
    ["2026-01-15", "00:00", "2026-01-14T23:00:00.000Z"],
    ["2026-07-15", "00:30", "2026-07-14T22:30:00.000Z"],
    ["2026-07-15", "23:59", "2026-07-15T21:59:00.000Z"],
    ["2027-01-01", "00:00", "2026-12-31T23:00:00.000Z"],
    // The spring change night, 2026: before, skipped, after.
    ["2026-03-29", "00:30", "2026-03-28T23:30:00.000Z"],
    ["2026-03-29", "01:59", "2026-03-29T00:59:00.000Z"],
    ["2026-03-29", "03:00", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", "23:30", "2026-03-29T21:30:00.000Z"],
    // The autumn change night, 2026: before and after the repeated hour.
    ["2026-10-25", "00:30", "2026-10-24T22:30:00.000Z"],
    ["2026-10-25", "01:59", "2026-10-24T23:59:00.000Z"],
    ["2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"],
    ["2026-10-25", "23:30", "2026-10-25T22:30:00.000Z"],
  ])("%s %s in Stockholm is %s", (date, time, iso) => {
    expect(instantAt(date, time).toISOString()).toBe(iso);
  });

  it.each([
    // A time the spring change skips gives the instant an hour later.
    ["2026-03-29", "02:00", "2026-03-29T01:00:00.000Z", 3 * 60],
    ["2026-03-29", "02:30", "2026-03-29T01:30:00.000Z", 3 * 60 + 30],
    ["2026-03-29", "02:59", "2026-03-29T01:59:00.000Z", 3 * 60 + 59],
    ["2027-03-28", "02:30", "2027-03-28T01:30:00.000Z", 3 * 60 + 30],
  ])("skipped %s %s becomes %s (local %i minutes)", (date, time, iso, localMinutes) => {
    const instant = instantAt(date, time);
    expect(instant.toISOString()).toBe(iso);
    expect(localDateOf(instant)).toBe(date);
    expect(localMinutesOf(instant)).toBe(localMinutes);
  });

  it.each([
    ["2026-10-25", "02:00"],
    ["2026-10-25", "02:30"],
    ["2027-10-31", "02:30"],
  ])("a repeated time in autumn (%s %s) still reads as that local time", (date, time) => {
    const instant = instantAt(date, time);
    expect(localDateOf(instant)).toBe(date);
    expect(localMinutesOf(instant)).toBe(minutesOf(time));
  });

  const roundTripDates = [
    "2026-01-15",
    "2026-03-28",
    "2026-03-29",
    "2026-03-30",
    "2026-07-15",
    "2026-10-24",
    "2026-10-25",
    "2026-10-26",
    "2027-03-27",
    "2027-03-28",
    "2027-03-29",
    "2027-10-30",
    "2027-10-31",
    "2027-11-01",
  ];
  it.each(roundTripDates)("every existing minute of %s round-trips through localDateOf/localMinutesOf", (date) => {
    const wrong: string[] = [];
    for (let m = 0; m < 24 * 60; m++) {
      const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      const skipped = (date === "2026-03-29" || date === "2027-03-28") && m >= 120 && m < 180;
      const instant = instantAt(date, time);
      const expected = skipped ? m + 60 : m;
      if (localDateOf(instant) !== date || localMinutesOf(instant) !== expected) wrong.push(time);
    }
    expect(wrong).toEqual([]);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-03-28", 1, "2026-03-29"],
    ["2026-03-29", 1, "2026-03-30"],
    ["2026-10-25", 1, "2026-10-26"],
    ["2026-10-25", -1, "2026-10-24"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-12-23", 5, "2026-12-28"],
    ["2026-06-15", 0, "2026-06-15"],
    ["2026-01-01", 365, "2027-01-01"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe("isoWeekday and mondayOf", () => {
  it.each([
    ["2026-03-23", 1, "2026-03-23"],
    ["2026-03-24", 2, "2026-03-23"],
    ["2026-03-27", 5, "2026-03-23"],
    ["2026-03-28", 6, "2026-03-23"],
    ["2026-03-29", 7, "2026-03-23"],
    ["2026-03-30", 1, "2026-03-30"],
    ["2026-10-25", 7, "2026-10-19"],
    ["2026-12-24", 4, "2026-12-21"],
    ["2027-01-01", 5, "2026-12-28"],
    ["2027-01-03", 7, "2026-12-28"],
    ["2027-01-04", 1, "2027-01-04"],
  ])("%s is weekday %i, week starting %s", (date, weekday, monday) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(mondayOf(date)).toBe(monday);
  });
});

describe("datesFrom", () => {
  it.each([
    ["2026-03-28", "2026-03-31", ["2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]],
    ["2026-10-24", "2026-10-26", ["2026-10-24", "2026-10-25", "2026-10-26"]],
    ["2026-12-30", "2027-01-02", ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]],
    ["2028-02-28", "2028-03-01", ["2028-02-28", "2028-02-29", "2028-03-01"]],
    ["2026-06-15", "2026-06-15", ["2026-06-15"]],
    ["2026-06-16", "2026-06-15", []],
  ])("%s to %s", (from, to, expected) => {
    expect(datesFrom(from, to)).toEqual(expected);
  });

  it("gives 365 dates for 2026", () => {
    expect(datesFrom("2026-01-01", "2026-12-31")).toHaveLength(365);
  });
});

describe("isLocalDate", () => {
  it.each([
    ["2026-03-29", true],
    ["2026-12-31", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-1-5", false],
    ["26-01-05", false],
    ["2026-01-05T08:00", false],
    [" 2026-01-05", false],
    ["", false],
    ["idag", false],
  ])("%j → %s", (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe("the Stockholm wall clock, against Intl", () => {
  const intl = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const expected = (instant: Date) => {
    const p = Object.fromEntries(intl.formatToParts(instant).map((x) => [x.type, x.value]));
    return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
  };

  it("agrees at random instants from 1990 to 2100, seconds included", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        expect({ date: localDateOf(instant), minutes: localMinutesOf(instant) }).toEqual(expected(instant));
      }),
      { numRuns: 5000, seed: 20261127 },
    );
  });

  it("agrees minute by minute around both clock changes of 2026", () => {
    for (const start of [Date.UTC(2026, 2, 28, 22), Date.UTC(2026, 9, 24, 22)]) {
      for (let ms = start; ms < start + 6 * 3_600_000; ms += 60_000) {
        const instant = new Date(ms);
        expect({ date: localDateOf(instant), minutes: localMinutesOf(instant) }).toEqual(expected(instant));
      }
    }
  });
});
