import { describe, expect, it } from "vitest";
import { dayKind, holidayName, type DayKind } from "./holidays";
import { datesFrom } from "./stockholm";

describe("dayKind", () => {
  it.each<[string, DayKind, string]>([
    // Ordinary days.
    ["2026-02-10", "workday", "an ordinary Tuesday"],
    ["2026-09-11", "workday", "an ordinary Friday"],
    ["2026-02-14", "weekend", "a Saturday"],
    ["2026-02-15", "weekend", "a Sunday"],
    ["2026-03-29", "weekend", "the Sunday of the spring DST change"],
    ["2026-10-25", "weekend", "the Sunday of the autumn DST change"],
    // Public holidays 2026.
    ["2026-01-01", "holiday", "nyårsdagen"],
    ["2026-01-06", "holiday", "trettondedag jul"],
    ["2026-04-03", "holiday", "långfredagen"],
    ["2026-04-05", "holiday", "påskdagen (a Sunday)"],
    ["2026-04-06", "holiday", "annandag påsk"],
    ["2026-05-01", "holiday", "första maj"],
    ["2026-05-14", "holiday", "Kristi himmelsfärdsdag"],
    ["2026-05-24", "holiday", "pingstdagen (a Sunday)"],
    ["2026-06-06", "holiday", "nationaldagen (a Saturday)"],
    ["2026-06-20", "holiday", "midsommardagen (a Saturday)"],
    ["2026-10-31", "holiday", "alla helgons dag (a Saturday)"],
    ["2026-12-25", "holiday", "juldagen"],
    ["2026-12-26", "holiday", "annandag jul (a Saturday)"],
    // Eves that are whole days off.
    ["2026-06-19", "holiday", "midsommarafton"],
    ["2026-12-24", "holiday", "julafton"],
    ["2026-12-31", "holiday", "nyårsafton"],
    // Shortened eves.
    ["2026-01-05", "eve", "trettondagsafton"],
    ["2026-04-02", "eve", "skärtorsdagen (before långfredagen)"],
    ["2026-04-30", "eve", "valborgsmässoafton"],
    ["2026-05-13", "eve", "the day before Kristi himmelsfärd"],
    ["2026-10-30", "eve", "allhelgonaafton"],
    ["2026-06-05", "eve", "the Friday before nationaldagen"],
    // Not eves: the next day is closed but not a public holiday, or the day is not a holiday any more.
    ["2026-06-18", "workday", "the day before midsommarafton"],
    ["2026-12-23", "workday", "the day before julafton"],
    ["2026-12-30", "workday", "the day before nyårsafton"],
    ["2026-05-25", "workday", "annandag pingst (no longer a public holiday)"],
    ["2026-01-13", "workday", "tjugondag Knut"],
    ["2026-12-28", "workday", "the Monday after Christmas"],
    ["2026-04-04", "weekend", "påskafton (a Saturday)"],
    ["2026-05-23", "weekend", "pingstafton (a Saturday)"],
    // 2027.
    ["2027-01-01", "holiday", "nyårsdagen 2027"],
    ["2027-03-25", "eve", "skärtorsdagen 2027"],
    ["2027-03-26", "holiday", "långfredagen 2027"],
    ["2027-03-28", "holiday", "påskdagen 2027, also the spring DST change"],
    ["2027-03-29", "holiday", "annandag påsk 2027"],
    ["2027-03-30", "workday", "the Tuesday after Easter 2027"],
    ["2027-05-05", "eve", "the day before Kristi himmelsfärd 2027"],
    ["2027-05-06", "holiday", "Kristi himmelsfärdsdag 2027"],
    ["2027-06-25", "holiday", "midsommarafton 2027"],
    ["2027-11-05", "eve", "allhelgonaafton 2027"],
    ["2027-11-06", "holiday", "alla helgons dag 2027"],
    ["2027-12-23", "workday", "the day before julafton 2027"],
    ["2027-12-24", "holiday", "julafton 2027 (a Friday)"],
    ["2027-12-31", "holiday", "nyårsafton 2027 (a Friday)"],
  ])("%s is %s (%s)", (date, kind) => {
    expect(dayKind(date)).toBe(kind);
  });

  it("counts the working days of 2026: 261 weekdays less 10 weekday holidays", () => {
    const kinds = datesFrom("2026-01-01", "2026-12-31").map(dayKind);
    const count = (k: DayKind) => kinds.filter((x) => x === k).length;
    expect(count("weekend") + count("holiday") + count("eve") + count("workday")).toBe(365);
    expect(count("eve")).toBe(6);
    expect(count("workday") + count("eve")).toBe(251);
  });

  it("lists exactly the eves of 2026", () => {
    const eves = datesFrom("2026-01-01", "2026-12-31").filter((d) => dayKind(d) === "eve");
    expect(eves).toEqual(["2026-01-05", "2026-04-02", "2026-04-30", "2026-05-13", "2026-06-05", "2026-10-30"]);
  });

  it("lists exactly the weekday holidays of 2026", () => {
    const closedWeekdays = datesFrom("2026-01-01", "2026-12-31").filter((d) => {
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6 && dayKind(d) === "holiday";
    });
    expect(closedWeekdays).toEqual([
      "2026-01-01",
      "2026-01-06",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-06-19",
      "2026-12-24",
      "2026-12-25",
      "2026-12-31",
    ]);
  });
});

describe("holidayName", () => {
  it.each([
    ["2026-01-01", "nyårsdagen"],
    ["2026-01-05", "trettondagsafton"],
    ["2026-01-06", "trettondedag jul"],
    ["2026-04-03", "långfredagen"],
    ["2026-04-30", "valborgsmässoafton"],
    ["2026-05-14", "Kristi himmelsfärdsdag"],
    ["2026-06-06", "nationaldagen"],
    ["2026-06-19", "midsommarafton"],
    ["2026-10-30", "allhelgonaafton"],
    ["2026-12-24", "julafton"],
    ["2026-12-25", "juldagen"],
    ["2026-12-31", "nyårsafton"],
    // Two entries on the same day (alla helgons dag and Gustav-Adolf-dagen): the holiday's name.
    ["2027-11-06", "alla helgons dag"],
  ])("%s is %s", (date, name) => {
    expect(holidayName(date)).toBe(name);
  });

  it.each([
    ["2026-02-10", "an ordinary Tuesday"],
    ["2026-02-14", "an ordinary Saturday"],
    ["2026-01-13", "tjugondag Knut (an observance)"],
    ["2026-05-31", "Mors dag (an observance)"],
    ["2026-12-13", "Luciadagen (an observance)"],
    ["2026-05-13", "the eve before Kristi himmelsfärd (no name of its own)"],
  ])("%s has no holiday name (%s)", (date) => {
    expect(holidayName(date)).toBeNull();
  });
});
