import { describe, expect, it } from "vitest";
import { addDays, localDateOf, localMinutesOf, type LocalDate } from "../time/stockholm";
import {
  deadlineOf,
  nearestFreeDay,
  planOccasion,
  planSeries,
  seriesDates,
  seriesFormSchema,
  slotsOn,
  termOf,
  termRange,
  type PlannedOccasion,
  type Refusal,
  type SeriesRule,
} from "./walk-and-talk";

// Every instant is written as an explicit UTC ISO string, so nothing depends on the machine's zone.
// Stockholm is UTC+1 in winter and UTC+2 in summer; in 2026 the clocks go back on Sunday 25 October,
// in 2027 forward on Sunday 28 March (påskdagen).
const at = (iso: string) => new Date(iso);
const slot = (startsAt: string, endsAt: string) => ({ startsAt: at(startsAt), endsAt: at(endsAt) });
const dutyOn =
  (...dates: LocalDate[]) =>
  (date: LocalDate) =>
    dates.includes(date);
const noDuty = () => false;
const allDuty = () => true;

// A Tuesday series at 14.30, three 30-minute slots, booking closes the day before at 12.00.
const rule: SeriesRule = {
  weekday: 2,
  firstSlotAt: "14:30",
  slotMinutes: 30,
  slotsPerOccasion: 3,
  everyWeeks: 1,
  firstDate: "2026-12-01",
  lastDate: "2026-12-15",
  deadlineDaysBefore: 1,
  deadlineAt: "12:00",
};

describe("seriesDates", () => {
  it.each<[string, Pick<SeriesRule, "weekday" | "everyWeeks" | "firstDate" | "lastDate">, LocalDate[]]>([
    // The first date.
    [
      "first date on the weekday (Tuesday)",
      { weekday: 2, everyWeeks: 1, firstDate: "2026-12-01", lastDate: "2026-12-15" },
      ["2026-12-01", "2026-12-08", "2026-12-15"],
    ],
    [
      "first date a Friday before a Tuesday series",
      { weekday: 2, everyWeeks: 1, firstDate: "2026-11-27", lastDate: "2026-12-15" },
      ["2026-12-01", "2026-12-08", "2026-12-15"],
    ],
    [
      "first date a Monday before a Friday series",
      { weekday: 5, everyWeeks: 1, firstDate: "2026-11-30", lastDate: "2026-12-18" },
      ["2026-12-04", "2026-12-11", "2026-12-18"],
    ],
    [
      "first date the day after the weekday waits a week",
      { weekday: 2, everyWeeks: 1, firstDate: "2026-12-02", lastDate: "2026-12-15" },
      ["2026-12-08", "2026-12-15"],
    ],
    [
      "first date a Sunday before a Monday series",
      { weekday: 1, everyWeeks: 1, firstDate: "2026-12-06", lastDate: "2026-12-14" },
      ["2026-12-07", "2026-12-14"],
    ],
    // How often.
    [
      "every week",
      { weekday: 3, everyWeeks: 1, firstDate: "2026-12-02", lastDate: "2026-12-30" },
      ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23", "2026-12-30"],
    ],
    [
      "every second week, across the new year",
      { weekday: 3, everyWeeks: 2, firstDate: "2026-12-02", lastDate: "2027-01-27" },
      ["2026-12-02", "2026-12-16", "2026-12-30", "2027-01-13", "2027-01-27"],
    ],
    [
      "every third week",
      { weekday: 1, everyWeeks: 3, firstDate: "2026-11-30", lastDate: "2027-02-15" },
      ["2026-11-30", "2026-12-21", "2027-01-11", "2027-02-01"],
    ],
    [
      "every eighth week",
      { weekday: 4, everyWeeks: 8, firstDate: "2026-12-03", lastDate: "2027-06-10" },
      ["2026-12-03", "2027-01-28", "2027-03-25", "2027-05-20"],
    ],
    [
      "every week across a leap day",
      { weekday: 2, everyWeeks: 1, firstDate: "2028-02-22", lastDate: "2028-03-14" },
      ["2028-02-22", "2028-02-29", "2028-03-07", "2028-03-14"],
    ],
    [
      "every week across the autumn DST change",
      { weekday: 2, everyWeeks: 1, firstDate: "2026-10-13", lastDate: "2026-11-03" },
      ["2026-10-13", "2026-10-20", "2026-10-27", "2026-11-03"],
    ],
    // The last date.
    [
      "last date on an occasion is included",
      { weekday: 2, everyWeeks: 1, firstDate: "2026-12-01", lastDate: "2026-12-22" },
      ["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22"],
    ],
    [
      "last date the day before an occasion excludes it",
      { weekday: 2, everyWeeks: 1, firstDate: "2026-12-01", lastDate: "2026-12-21" },
      ["2026-12-01", "2026-12-08", "2026-12-15"],
    ],
    [
      "every second week, last date between two occasions",
      { weekday: 2, everyWeeks: 2, firstDate: "2026-12-01", lastDate: "2026-12-28" },
      ["2026-12-01", "2026-12-15"],
    ],
    ["first and last date the same weekday", { weekday: 2, everyWeeks: 1, firstDate: "2026-12-08", lastDate: "2026-12-08" }, ["2026-12-08"]],
    // Short ranges.
    ["Wednesday to Friday has no Monday", { weekday: 1, everyWeeks: 1, firstDate: "2026-12-02", lastDate: "2026-12-04" }, []],
    ["Wednesday to Friday has one Thursday", { weekday: 4, everyWeeks: 1, firstDate: "2026-12-02", lastDate: "2026-12-04" }, ["2026-12-03"]],
    ["a single day that is not the weekday", { weekday: 5, everyWeeks: 1, firstDate: "2026-12-08", lastDate: "2026-12-08" }, []],
    ["six days Wednesday–Monday with no Tuesday", { weekday: 2, everyWeeks: 1, firstDate: "2026-12-02", lastDate: "2026-12-07" }, []],
  ])("%s", (_name, input, expected) => {
    expect(seriesDates(input)).toEqual(expected);
  });
});

describe("slotsOn", () => {
  it.each<[string, Pick<SeriesRule, "firstSlotAt" | "slotMinutes" | "slotsPerOccasion">, LocalDate, { startsAt: Date; endsAt: Date }[]]>([
    [
      "three 30-minute slots on a winter Tuesday (UTC+1)",
      { firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 3 },
      "2026-12-08",
      [
        slot("2026-12-08T13:30:00Z", "2026-12-08T14:00:00Z"),
        slot("2026-12-08T14:00:00Z", "2026-12-08T14:30:00Z"),
        slot("2026-12-08T14:30:00Z", "2026-12-08T15:00:00Z"),
      ],
    ],
    [
      "three 30-minute slots on a summer Tuesday (UTC+2)",
      { firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 3 },
      "2026-06-09",
      [
        slot("2026-06-09T12:30:00Z", "2026-06-09T13:00:00Z"),
        slot("2026-06-09T13:00:00Z", "2026-06-09T13:30:00Z"),
        slot("2026-06-09T13:30:00Z", "2026-06-09T14:00:00Z"),
      ],
    ],
    [
      "one 10-minute slot (the shortest)",
      { firstSlotAt: "09:05", slotMinutes: 10, slotsPerOccasion: 1 },
      "2026-12-08",
      [slot("2026-12-08T08:05:00Z", "2026-12-08T08:15:00Z")],
    ],
    [
      "two 10-minute slots crossing the hour",
      { firstSlotAt: "09:55", slotMinutes: 10, slotsPerOccasion: 2 },
      "2026-12-08",
      [slot("2026-12-08T08:55:00Z", "2026-12-08T09:05:00Z"), slot("2026-12-08T09:05:00Z", "2026-12-08T09:15:00Z")],
    ],
    [
      "three 180-minute slots (the longest)",
      { firstSlotAt: "08:00", slotMinutes: 180, slotsPerOccasion: 3 },
      "2026-12-08",
      [
        slot("2026-12-08T07:00:00Z", "2026-12-08T10:00:00Z"),
        slot("2026-12-08T10:00:00Z", "2026-12-08T13:00:00Z"),
        slot("2026-12-08T13:00:00Z", "2026-12-08T16:00:00Z"),
      ],
    ],
    [
      "two 180-minute slots in summer",
      { firstSlotAt: "08:00", slotMinutes: 180, slotsPerOccasion: 2 },
      "2027-06-08",
      [slot("2027-06-08T06:00:00Z", "2027-06-08T09:00:00Z"), slot("2027-06-08T09:00:00Z", "2027-06-08T12:00:00Z")],
    ],
    [
      "the last slot ending exactly at midnight",
      { firstSlotAt: "22:00", slotMinutes: 60, slotsPerOccasion: 2 },
      "2026-12-08",
      [slot("2026-12-08T21:00:00Z", "2026-12-08T22:00:00Z"), slot("2026-12-08T22:00:00Z", "2026-12-08T23:00:00Z")],
    ],
    [
      "a slot at 00.00 local is the previous UTC day",
      { firstSlotAt: "00:00", slotMinutes: 45, slotsPerOccasion: 1 },
      "2026-12-08",
      [slot("2026-12-07T23:00:00Z", "2026-12-07T23:45:00Z")],
    ],
    [
      "the Friday before the autumn change is still summer time",
      { firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 1 },
      "2026-10-23",
      [slot("2026-10-23T12:30:00Z", "2026-10-23T13:00:00Z")],
    ],
    [
      "the Monday after the autumn change is winter time",
      { firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 1 },
      "2026-10-26",
      [slot("2026-10-26T13:30:00Z", "2026-10-26T14:00:00Z")],
    ],
    [
      "the Friday before the spring change is winter time",
      { firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 1 },
      "2027-03-26",
      [slot("2027-03-26T13:30:00Z", "2027-03-26T14:00:00Z")],
    ],
    [
      "the Monday after the spring change is summer time",
      { firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 1 },
      "2027-03-29",
      [slot("2027-03-29T12:30:00Z", "2027-03-29T13:00:00Z")],
    ],
  ])("%s", (_name, input, date, expected) => {
    expect(slotsOn(input, date)).toEqual(expected);
  });

  it("gives zero slots for zero slots per occasion", () => {
    expect(slotsOn({ firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 0 }, "2026-12-08")).toEqual([]);
  });

  it("gives twelve consecutive 10-minute slots, each starting where the last ended", () => {
    const slots = slotsOn({ firstSlotAt: "13:00", slotMinutes: 10, slotsPerOccasion: 12 }, "2026-12-08");
    expect(slots).toHaveLength(12);
    expect(slots[0]).toEqual(slot("2026-12-08T12:00:00Z", "2026-12-08T12:10:00Z"));
    expect(slots[11]).toEqual(slot("2026-12-08T13:50:00Z", "2026-12-08T14:00:00Z"));
    expect(slots.slice(1).map((s, i) => s.startsAt.getTime() - slots[i]!.endsAt.getTime())).toEqual(Array(11).fill(0));
    expect(slots.map((s) => s.endsAt.getTime() - s.startsAt.getTime())).toEqual(Array(12).fill(10 * 60_000));
  });

  describe("a Tuesday series at 14.30 keeps 14.30 local across the daylight-saving changes", () => {
    const firstStarts = (firstDate: LocalDate, lastDate: LocalDate) =>
      seriesDates({ weekday: 2, everyWeeks: 1, firstDate, lastDate }).map((date) => [date, slotsOn(rule, date)[0]!.startsAt.toISOString()]);

    it("autumn 2026 (clocks back on 2026-10-25): 12.30Z before, 13.30Z after", () => {
      expect(firstStarts("2026-10-13", "2026-11-03")).toEqual([
        ["2026-10-13", "2026-10-13T12:30:00.000Z"],
        ["2026-10-20", "2026-10-20T12:30:00.000Z"],
        ["2026-10-27", "2026-10-27T13:30:00.000Z"],
        ["2026-11-03", "2026-11-03T13:30:00.000Z"],
      ]);
    });

    it("spring 2027 (clocks forward on 2027-03-28): 13.30Z before, 12.30Z after", () => {
      expect(firstStarts("2027-03-16", "2027-04-06")).toEqual([
        ["2027-03-16", "2027-03-16T13:30:00.000Z"],
        ["2027-03-23", "2027-03-23T13:30:00.000Z"],
        ["2027-03-30", "2027-03-30T12:30:00.000Z"],
        ["2027-04-06", "2027-04-06T12:30:00.000Z"],
      ]);
    });

    it("every slot on every date starts at the same Stockholm wall-clock time and lasts 30 minutes", () => {
      const dates = [
        ...seriesDates({ weekday: 2, everyWeeks: 1, firstDate: "2026-10-13", lastDate: "2026-11-03" }),
        ...seriesDates({ weekday: 2, everyWeeks: 1, firstDate: "2027-03-16", lastDate: "2027-04-06" }),
      ];
      const local = dates.map((date) =>
        slotsOn(rule, date).map((s) => [localDateOf(s.startsAt), localMinutesOf(s.startsAt), (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000]),
      );
      expect(local).toEqual(
        dates.map((date) => [
          [date, 870, 30],
          [date, 900, 30],
          [date, 930, 30],
        ]),
      );
    });
  });
});

describe("deadlineOf", () => {
  it.each<[string, Pick<SeriesRule, "deadlineDaysBefore" | "deadlineAt">, LocalDate, string]>([
    ["default: the day before at 12.00, winter", { deadlineDaysBefore: 1, deadlineAt: "12:00" }, "2026-12-08", "2026-12-07T11:00:00.000Z"],
    ["default: the day before at 12.00, summer", { deadlineDaysBefore: 1, deadlineAt: "12:00" }, "2026-06-09", "2026-06-08T10:00:00.000Z"],
    ["default across a month boundary", { deadlineDaysBefore: 1, deadlineAt: "12:00" }, "2026-12-01", "2026-11-30T11:00:00.000Z"],
    ["0 days before: the same day", { deadlineDaysBefore: 0, deadlineAt: "12:00" }, "2026-12-08", "2026-12-08T11:00:00.000Z"],
    ["0 days before at 08.00", { deadlineDaysBefore: 0, deadlineAt: "08:00" }, "2026-12-08", "2026-12-08T07:00:00.000Z"],
    ["0 days before at 00.00 is the previous UTC day", { deadlineDaysBefore: 0, deadlineAt: "00:00" }, "2026-12-08", "2026-12-07T23:00:00.000Z"],
    ["14 days before at 23.59", { deadlineDaysBefore: 14, deadlineAt: "23:59" }, "2026-12-15", "2026-12-01T22:59:00.000Z"],
    ["7 days before, across the new year", { deadlineDaysBefore: 7, deadlineAt: "12:00" }, "2027-01-04", "2026-12-28T11:00:00.000Z"],
    // Across the autumn change (2026-10-25): the occasion is in winter time, the deadline in summer time.
    ["3 days before a winter occasion lands in summer time", { deadlineDaysBefore: 3, deadlineAt: "12:00" }, "2026-10-27", "2026-10-24T10:00:00.000Z"],
    ["on the autumn change day itself, 12.00 is already winter time", { deadlineDaysBefore: 1, deadlineAt: "12:00" }, "2026-10-26", "2026-10-25T11:00:00.000Z"],
    // Across the spring change (2027-03-28).
    ["3 days before a summer occasion lands in winter time", { deadlineDaysBefore: 3, deadlineAt: "12:00" }, "2027-03-30", "2027-03-27T11:00:00.000Z"],
    ["on the spring change day itself, 12.00 is already summer time", { deadlineDaysBefore: 2, deadlineAt: "12:00" }, "2027-03-30", "2027-03-28T10:00:00.000Z"],
  ])("%s", (_name, input, date, expected) => {
    expect(deadlineOf(input, date).toISOString()).toBe(expected);
  });

  it("keeps the local clock time of the deadline on both sides of a change", () => {
    const deadlines = ["2026-10-24", "2026-10-25", "2026-10-26"].map((d) => deadlineOf({ deadlineDaysBefore: 0, deadlineAt: "16:45" }, d));
    expect(deadlines.map((d) => [localDateOf(d), localMinutesOf(d)])).toEqual([
      ["2026-10-24", 16 * 60 + 45],
      ["2026-10-25", 16 * 60 + 45],
      ["2026-10-26", 16 * 60 + 45],
    ]);
  });
});

describe("planOccasion", () => {
  it("carries the date, the deadline and the slots", () => {
    expect(planOccasion(rule, "2026-12-08")).toEqual<PlannedOccasion>({
      date: "2026-12-08",
      deadline: at("2026-12-07T11:00:00Z"),
      slots: [
        slot("2026-12-08T13:30:00Z", "2026-12-08T14:00:00Z"),
        slot("2026-12-08T14:00:00Z", "2026-12-08T14:30:00Z"),
        slot("2026-12-08T14:30:00Z", "2026-12-08T15:00:00Z"),
      ],
    });
  });
});

describe("planSeries", () => {
  const oneSlot = { ...rule, slotsPerOccasion: 1 };
  const datesOf = (plan: { occasions: PlannedOccasion[] }) => plan.occasions.map((o) => o.date);

  it("plans one occasion per date with its slots and deadline", () => {
    expect(planSeries(oneSlot, noDuty, "2026-12-01")).toEqual({
      occasions: [
        { date: "2026-12-01", deadline: at("2026-11-30T11:00:00Z"), slots: [slot("2026-12-01T13:30:00Z", "2026-12-01T14:00:00Z")] },
        { date: "2026-12-08", deadline: at("2026-12-07T11:00:00Z"), slots: [slot("2026-12-08T13:30:00Z", "2026-12-08T14:00:00Z")] },
        { date: "2026-12-15", deadline: at("2026-12-14T11:00:00Z"), slots: [slot("2026-12-15T13:30:00Z", "2026-12-15T14:00:00Z")] },
      ],
      refused: [],
    });
  });

  it("keeps wall-clock slots and deadlines across the autumn change", () => {
    const plan = planSeries({ ...oneSlot, firstDate: "2026-10-20", lastDate: "2026-10-27" }, noDuty, "2026-10-01");
    expect(plan.occasions).toEqual([
      { date: "2026-10-20", deadline: at("2026-10-19T10:00:00Z"), slots: [slot("2026-10-20T12:30:00Z", "2026-10-20T13:00:00Z")] },
      { date: "2026-10-27", deadline: at("2026-10-26T11:00:00Z"), slots: [slot("2026-10-27T13:30:00Z", "2026-10-27T14:00:00Z")] },
    ]);
  });

  it.each<[string, Pick<SeriesRule, "weekday" | "firstDate" | "lastDate">, LocalDate[], Refusal[]]>([
    [
      "a Wednesday series hitting trettondedag jul 2027-01-06",
      { weekday: 3, firstDate: "2026-12-23", lastDate: "2027-01-13" },
      ["2026-12-23", "2026-12-30", "2027-01-13"],
      [{ date: "2027-01-06", reason: "holiday", name: "trettondedag jul" }],
    ],
    [
      "a Friday series hitting juldagen 2026-12-25 and nyårsdagen 2027-01-01",
      { weekday: 5, firstDate: "2026-12-18", lastDate: "2027-01-08" },
      ["2026-12-18", "2027-01-08"],
      [
        { date: "2026-12-25", reason: "holiday", name: "juldagen" },
        { date: "2027-01-01", reason: "holiday", name: "nyårsdagen" },
      ],
    ],
    [
      "a Thursday series hitting julafton and nyårsafton (whole days off)",
      { weekday: 4, firstDate: "2026-12-17", lastDate: "2027-01-07" },
      ["2026-12-17", "2027-01-07"],
      [
        { date: "2026-12-24", reason: "holiday", name: "julafton" },
        { date: "2026-12-31", reason: "holiday", name: "nyårsafton" },
      ],
    ],
    [
      "a Tuesday series keeps trettondagsafton 2027-01-05 (an eve, not a holiday)",
      { weekday: 2, firstDate: "2026-12-29", lastDate: "2027-01-12" },
      ["2026-12-29", "2027-01-05", "2027-01-12"],
      [],
    ],
    [
      "a Thursday series keeps skärtorsdagen 2027-03-25 (an eve)",
      { weekday: 4, firstDate: "2027-03-18", lastDate: "2027-04-01" },
      ["2027-03-18", "2027-03-25", "2027-04-01"],
      [],
    ],
    [
      "a Monday series hitting annandag påsk 2027-03-29",
      { weekday: 1, firstDate: "2027-03-22", lastDate: "2027-04-05" },
      ["2027-03-22", "2027-04-05"],
      [{ date: "2027-03-29", reason: "holiday", name: "annandag påsk" }],
    ],
    [
      "a Friday series on långfredagen 2027-03-26",
      { weekday: 5, firstDate: "2027-03-26", lastDate: "2027-03-26" },
      [],
      [{ date: "2027-03-26", reason: "holiday", name: "långfredagen" }],
    ],
    [
      "a Friday series hitting midsommarafton 2027-06-25",
      { weekday: 5, firstDate: "2027-06-18", lastDate: "2027-06-25" },
      ["2027-06-18"],
      [{ date: "2027-06-25", reason: "holiday", name: "midsommarafton" }],
    ],
    [
      "a Monday series keeps annandag pingst 2027-05-17 (no longer a public holiday)",
      { weekday: 1, firstDate: "2027-05-17", lastDate: "2027-05-17" },
      ["2027-05-17"],
      [],
    ],
    [
      "a Saturday (only possible without the form) is refused as a holiday with no name",
      { weekday: 6, firstDate: "2026-12-01", lastDate: "2026-12-07" },
      [],
      [{ date: "2026-12-05", reason: "holiday", name: null }],
    ],
  ])("%s", (_name, dates, occasionDates, refused) => {
    const plan = planSeries({ ...rule, ...dates }, noDuty, "2026-12-01");
    expect(datesOf(plan)).toEqual(occasionDates);
    expect(plan.refused).toEqual(refused);
  });

  it("an eve keeps its full slots and the ordinary deadline", () => {
    const plan = planSeries({ ...rule, firstDate: "2027-01-05", lastDate: "2027-01-05" }, noDuty, "2026-12-01");
    expect(plan).toEqual({
      occasions: [
        {
          date: "2027-01-05",
          deadline: at("2027-01-04T11:00:00Z"),
          slots: [
            slot("2027-01-05T13:30:00Z", "2027-01-05T14:00:00Z"),
            slot("2027-01-05T14:00:00Z", "2027-01-05T14:30:00Z"),
            slot("2027-01-05T14:30:00Z", "2027-01-05T15:00:00Z"),
          ],
        },
      ],
      refused: [],
    });
  });

  it.each<[string, Pick<SeriesRule, "weekday" | "firstDate" | "lastDate">, (d: LocalDate) => boolean, LocalDate, LocalDate[], Refusal[]]>([
    [
      "a duty Tuesday suggests the Wednesday after",
      { weekday: 2, firstDate: "2026-12-01", lastDate: "2026-12-15" },
      dutyOn("2026-12-08"),
      "2026-12-01",
      ["2026-12-01", "2026-12-15"],
      [{ date: "2026-12-08", reason: "duty", suggestion: "2026-12-09" }],
    ],
    [
      "duty on Tuesday and Wednesday suggests the Monday before",
      { weekday: 2, firstDate: "2026-12-01", lastDate: "2026-12-15" },
      dutyOn("2026-12-08", "2026-12-09"),
      "2026-12-01",
      ["2026-12-01", "2026-12-15"],
      [{ date: "2026-12-08", reason: "duty", suggestion: "2026-12-07" }],
    ],
    [
      "a duty Friday skips the weekend and suggests the Thursday",
      { weekday: 5, firstDate: "2026-12-04", lastDate: "2026-12-11" },
      dutyOn("2026-12-11"),
      "2026-12-01",
      ["2026-12-04"],
      [{ date: "2026-12-11", reason: "duty", suggestion: "2026-12-10" }],
    ],
    [
      "a duty day on the first date never suggests a day before today",
      { weekday: 2, firstDate: "2026-12-01", lastDate: "2026-12-08" },
      dutyOn("2026-12-01", "2026-12-02"),
      "2026-12-01",
      ["2026-12-08"],
      [{ date: "2026-12-01", reason: "duty", suggestion: "2026-12-03" }],
    ],
    [
      "a holiday that is also a duty day is refused as a holiday",
      { weekday: 3, firstDate: "2027-01-06", lastDate: "2027-01-06" },
      allDuty,
      "2026-12-01",
      [],
      [{ date: "2027-01-06", reason: "holiday", name: "trettondedag jul" }],
    ],
    [
      "duty every day: every date refused with no suggestion",
      { weekday: 2, firstDate: "2026-12-01", lastDate: "2026-12-08" },
      allDuty,
      "2026-12-01",
      [],
      [
        { date: "2026-12-01", reason: "duty", suggestion: null },
        { date: "2026-12-08", reason: "duty", suggestion: null },
      ],
    ],
    [
      "a duty Wednesday before julafton suggests the Tuesday",
      { weekday: 3, firstDate: "2026-12-23", lastDate: "2026-12-23" },
      dutyOn("2026-12-23"),
      "2026-12-01",
      [],
      [{ date: "2026-12-23", reason: "duty", suggestion: "2026-12-22" }],
    ],
  ])("%s", (_name, dates, isDuty, today, occasionDates, refused) => {
    const plan = planSeries({ ...rule, ...dates }, isDuty, today);
    expect(datesOf(plan)).toEqual(occasionDates);
    expect(plan.refused).toEqual(refused);
  });
});

describe("nearestFreeDay", () => {
  it.each<[string, LocalDate, LocalDate[], LocalDate, LocalDate | null]>([
    ["prefers the next day", "2026-12-08", ["2026-12-08"], "2026-12-01", "2026-12-09"],
    ["never gives the day itself, even when it is free", "2026-12-08", [], "2026-12-01", "2026-12-09"],
    ["then the day before", "2026-12-08", ["2026-12-08", "2026-12-09"], "2026-12-01", "2026-12-07"],
    ["then two days after", "2026-12-08", ["2026-12-07", "2026-12-08", "2026-12-09"], "2026-12-01", "2026-12-10"],
    [
      "skips a Sunday two days before and goes three days after",
      "2026-12-08",
      ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"],
      "2026-12-01",
      "2026-12-11",
    ],
    ["a Friday skips Saturday and gives Thursday", "2026-12-11", ["2026-12-11"], "2026-12-01", "2026-12-10"],
    ["a Monday gives Tuesday", "2026-12-14", ["2026-12-14"], "2026-12-01", "2026-12-15"],
    ["a Monday with a duty Tuesday skips Sunday and gives Wednesday", "2026-12-14", ["2026-12-14", "2026-12-15"], "2026-12-01", "2026-12-16"],
    ["skips a holiday after (trettondedag jul)", "2027-01-05", ["2027-01-05"], "2026-12-01", "2027-01-04"],
    ["skips julafton after", "2026-12-23", ["2026-12-23"], "2026-12-01", "2026-12-22"],
    ["skips nyårsafton after", "2026-12-30", ["2026-12-30"], "2026-12-01", "2026-12-29"],
    ["an eve may be suggested (trettondagsafton)", "2027-01-04", ["2027-01-04"], "2026-12-01", "2027-01-05"],
    ["Christmas week: past every holiday and weekend to 2026-12-23", "2026-12-28", ["2026-12-28", "2026-12-29", "2026-12-30"], "2026-12-01", "2026-12-23"],
    ["Christmas week with notBefore the day itself: a week later", "2026-12-28", ["2026-12-28", "2026-12-29", "2026-12-30"], "2026-12-28", "2027-01-04"],
    ["never before notBefore", "2026-12-01", ["2026-12-01", "2026-12-02"], "2026-12-01", "2026-12-03"],
    ["without the limit, the day before is fine", "2026-12-01", ["2026-12-01", "2026-12-02"], "2026-11-01", "2026-11-30"],
    ["notBefore itself may be suggested", "2026-12-02", ["2026-12-02", "2026-12-03"], "2026-12-01", "2026-12-01"],
    ["null when notBefore is after the whole week", "2026-12-08", ["2026-12-08"], "2027-01-01", null],
  ])("%s", (_name, date, duty, notBefore, expected) => {
    expect(nearestFreeDay(date, dutyOn(...duty), notBefore)).toBe(expected);
  });

  it("returns null when every day within a week is a duty day", () => {
    expect(nearestFreeDay("2026-12-08", allDuty, "2026-12-01")).toBeNull();
  });

  it("looks exactly seven days ahead", () => {
    expect(nearestFreeDay("2026-12-08", (d) => d !== "2026-12-15", "2026-12-01")).toBe("2026-12-15");
  });

  it("looks exactly seven days back", () => {
    expect(nearestFreeDay("2026-12-08", (d) => d !== "2026-12-01", "2026-11-01")).toBe("2026-12-01");
  });

  it("does not look eight days away", () => {
    expect(nearestFreeDay("2026-12-08", (d) => d !== "2026-12-16" && d !== "2026-11-30", "2026-11-01")).toBeNull();
  });

  it("asks about candidates nearest first, after before before", () => {
    const asked: LocalDate[] = [];
    nearestFreeDay(
      "2026-12-09",
      (d) => {
        asked.push(d);
        return true;
      },
      "2026-12-01",
    );
    // Wednesday 9 Dec: the weekends 5–6 and 12–13 Dec are never asked about; at each distance the day after comes first.
    expect(asked).toEqual([
      "2026-12-10",
      "2026-12-08",
      "2026-12-11",
      "2026-12-07",
      "2026-12-14",
      "2026-12-04",
      "2026-12-15",
      "2026-12-03",
      "2026-12-16",
      "2026-12-02",
    ]);
  });
});

describe("termOf and termRange", () => {
  it.each<[LocalDate, string]>([
    ["2026-07-01", "2026-HT"],
    ["2026-06-30", "2026-VT"],
    ["2026-08-17", "2026-HT"],
    ["2026-09-30", "2026-HT"],
    ["2026-10-01", "2026-HT"],
    ["2026-12-31", "2026-HT"],
    ["2027-01-01", "2027-VT"],
    ["2027-03-15", "2027-VT"],
    ["2027-06-30", "2027-VT"],
    ["2027-07-01", "2027-HT"],
  ])("termOf(%s) = %s", (date, term) => {
    expect(termOf(date)).toBe(term);
  });

  it.each<[string, { from: LocalDate; to: LocalDate }]>([
    ["2026-HT", { from: "2026-07-01", to: "2026-12-31" }],
    ["2027-VT", { from: "2027-01-01", to: "2027-06-30" }],
    ["2028-VT", { from: "2028-01-01", to: "2028-06-30" }],
  ])("termRange(%s)", (term, range) => {
    expect(termRange(term)).toEqual(range);
  });

  it.each(["2026-HT", "2027-VT"])("%s: its first and last days belong to it, the days around it do not", (term) => {
    const { from, to } = termRange(term);
    expect([termOf(addDays(from, -1)), termOf(from), termOf(to), termOf(addDays(to, 1))]).toEqual(
      term === "2026-HT" ? ["2026-VT", "2026-HT", "2026-HT", "2027-VT"] : ["2026-HT", "2027-VT", "2027-VT", "2027-HT"],
    );
  });
});

describe("seriesFormSchema", () => {
  // Tuesday 1 December 2026, 10.00 in Stockholm.
  const now = at("2026-12-01T09:00:00Z");
  const good: Record<string, string | undefined> = {
    organisationId: "3",
    meetingPoint: "Utanför huvudentrén",
    mapUrl: "",
    weekday: "2",
    firstSlotAt: "14.30",
    slotMinutes: "30",
    slotsPerOccasion: "4",
    everyWeeks: "1",
    firstDate: "2026-12-08",
    lastDate: "2027-06-08",
    placesPerSlot: "1",
    deadlineDaysBefore: "1",
    deadlineAt: "12.00",
    schoolPartId: "",
    staffTeamId: "",
  };
  const issuesOf = (changes: Record<string, string | undefined>, when = now) => {
    const result = seriesFormSchema(when).safeParse({ ...good, ...changes });
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  const M = {
    organisationId: "Välj verksamhet.",
    meetingPoint: "Skriv var ni möts, till exempel Utanför huvudentrén.",
    meetingPointLong: "Skriv högst 200 tecken.",
    mapUrl: "Skriv en hel länk som börjar med https://, eller lämna fältet tomt.",
    mapUrlLong: "Länken är för lång.",
    weekday: "Välj veckodag.",
    firstSlotAt: "Skriv när första tiden börjar, till exempel 14.30.",
    slotMinutes: "Skriv hur lång varje tid är, mellan 10 och 180 minuter.",
    slotsPerOccasion: "Skriv hur många tider det blir varje gång, mellan 1 och 12.",
    everyWeeks: "Skriv hur ofta, mellan varje vecka (1) och var åttonde vecka (8).",
    firstDate: "Skriv första datum, till exempel 2026-12-03.",
    lastDate: "Skriv sista datum, till exempel 2027-06-10.",
    placesPerSlot: "Skriv hur många som kan boka samma tid, mellan 1 och 30.",
    deadlineDaysBefore: "Skriv hur många dagar innan, mellan 0 och 14.",
    deadlineAt: "Skriv ett klockslag, till exempel 12.00.",
    firstDatePast: "Första datum har redan varit. Välj i dag eller senare.",
    timePassed: "Den tiden har redan varit i dag. Välj en senare tid eller ett senare första datum.",
    lastBeforeFirst: "Sista datum måste vara samma dag som första datum eller senare.",
    tooLong: "En serie kan vara högst ett år. Välj ett tidigare sista datum.",
    midnight: "Tiderna tar slut efter midnatt. Välj färre eller kortare tider.",
  };

  it("accepts good input and normalises it", () => {
    expect(seriesFormSchema(now).parse({ ...good, firstSlotAt: "9.05" })).toEqual({
      organisationId: 3,
      meetingPoint: "Utanför huvudentrén",
      mapUrl: null,
      weekday: 2,
      firstSlotAt: "09:05",
      slotMinutes: 30,
      slotsPerOccasion: 4,
      everyWeeks: 1,
      firstDate: "2026-12-08",
      lastDate: "2027-06-08",
      placesPerSlot: 1,
      deadlineDaysBefore: 1,
      deadlineAt: "12:00",
      schoolPartId: null,
      staffTeamId: null,
    });
  });

  it("trims whitespace, keeps an https map link and turns ids into numbers", () => {
    expect(
      seriesFormSchema(now).parse({
        ...good,
        meetingPoint: "  Vid fontänen  ",
        mapUrl: "  https://kartor.example.se/?q=59.33,18.06  ",
        weekday: " 5 ",
        firstSlotAt: " 14:30 ",
        slotMinutes: "180",
        slotsPerOccasion: "1",
        everyWeeks: "8",
        placesPerSlot: "30",
        deadlineDaysBefore: "0",
        deadlineAt: "8.00",
        schoolPartId: "12",
        staffTeamId: "7",
      }),
    ).toEqual({
      organisationId: 3,
      meetingPoint: "Vid fontänen",
      mapUrl: "https://kartor.example.se/?q=59.33,18.06",
      weekday: 5,
      firstSlotAt: "14:30",
      slotMinutes: 180,
      slotsPerOccasion: 1,
      everyWeeks: 8,
      firstDate: "2026-12-08",
      lastDate: "2027-06-08",
      placesPerSlot: 30,
      deadlineDaysBefore: 0,
      deadlineAt: "08:00",
      schoolPartId: 12,
      staffTeamId: 7,
    });
  });

  it.each<[string, Record<string, string | undefined>, Record<string, unknown>]>([
    ["missing map URL → null", { mapUrl: undefined }, { mapUrl: null }],
    ["blank map URL → null", { mapUrl: "   " }, { mapUrl: null }],
    ["missing optional ids → null", { schoolPartId: undefined, staffTeamId: undefined }, { schoolPartId: null, staffTeamId: null }],
    ["id 0 → null", { schoolPartId: "0" }, { schoolPartId: null }],
    ["non-numeric id → null", { staffTeamId: "abc" }, { staffTeamId: null }],
    ["clock 0.00 → 00:00", { firstSlotAt: "0.00" }, { firstSlotAt: "00:00" }],
    ["clock 23.59 → 23:59", { deadlineAt: "23.59" }, { deadlineAt: "23:59" }],
    ["clock 07:45 stays 07:45", { firstSlotAt: "07:45" }, { firstSlotAt: "07:45" }],
    ["leading zeros in numbers", { slotMinutes: "045" }, { slotMinutes: 45 }],
  ])("normalises: %s", (_name, changes, expected) => {
    expect(seriesFormSchema(now).parse({ ...good, ...changes })).toMatchObject(expected);
  });

  it.each<[string, Record<string, string | undefined>, { path: string; message: string }[]]>([
    // The organisation and the meeting point.
    ["organisation missing", { organisationId: undefined }, [{ path: "organisationId", message: M.organisationId }]],
    ["organisation 0", { organisationId: "0" }, [{ path: "organisationId", message: M.organisationId }]],
    ["organisation empty", { organisationId: "" }, [{ path: "organisationId", message: M.organisationId }]],
    ["meeting point missing", { meetingPoint: undefined }, [{ path: "meetingPoint", message: M.meetingPoint }]],
    ["meeting point blank", { meetingPoint: "   " }, [{ path: "meetingPoint", message: M.meetingPoint }]],
    ["meeting point 201 characters", { meetingPoint: "a".repeat(201) }, [{ path: "meetingPoint", message: M.meetingPointLong }]],
    // The map link.
    ["map URL with http", { mapUrl: "http://kartor.example.se" }, [{ path: "mapUrl", message: M.mapUrl }]],
    ["map URL without scheme", { mapUrl: "www.kartor.example.se" }, [{ path: "mapUrl", message: M.mapUrl }]],
    ["map URL with a space", { mapUrl: "https://kartor.example.se/a b" }, [{ path: "mapUrl", message: M.mapUrl }]],
    ["map URL javascript:", { mapUrl: "javascript:alert(1)" }, [{ path: "mapUrl", message: M.mapUrl }]],
    ["map URL only https://", { mapUrl: "https://" }, [{ path: "mapUrl", message: M.mapUrl }]],
    ["map URL over 500 characters", { mapUrl: "https://" + "a".repeat(493) }, [{ path: "mapUrl", message: M.mapUrlLong }]],
    // Numbers.
    ["weekday 0", { weekday: "0" }, [{ path: "weekday", message: M.weekday }]],
    ["weekday 6 (Saturday)", { weekday: "6" }, [{ path: "weekday", message: M.weekday }]],
    ["weekday 7 (Sunday)", { weekday: "7" }, [{ path: "weekday", message: M.weekday }]],
    ["weekday empty", { weekday: "" }, [{ path: "weekday", message: M.weekday }]],
    ["weekday missing", { weekday: undefined }, [{ path: "weekday", message: M.weekday }]],
    ["weekday a word", { weekday: "tisdag" }, [{ path: "weekday", message: M.weekday }]],
    ["slot minutes 0", { slotMinutes: "0", slotsPerOccasion: "1", firstSlotAt: "08.00" }, [{ path: "slotMinutes", message: M.slotMinutes }]],
    ["slot minutes 9", { slotMinutes: "9", slotsPerOccasion: "1", firstSlotAt: "08.00" }, [{ path: "slotMinutes", message: M.slotMinutes }]],
    ["slot minutes 181", { slotMinutes: "181", slotsPerOccasion: "1", firstSlotAt: "08.00" }, [{ path: "slotMinutes", message: M.slotMinutes }]],
    ["slot minutes 600", { slotMinutes: "600", slotsPerOccasion: "1", firstSlotAt: "08.00" }, [{ path: "slotMinutes", message: M.slotMinutes }]],
    ["slot minutes negative", { slotMinutes: "-30", slotsPerOccasion: "1", firstSlotAt: "08.00" }, [{ path: "slotMinutes", message: M.slotMinutes }]],
    ["slot minutes a fraction", { slotMinutes: "22.5", slotsPerOccasion: "1", firstSlotAt: "08.00" }, [{ path: "slotMinutes", message: M.slotMinutes }]],
    ["slots 0", { slotsPerOccasion: "0" }, [{ path: "slotsPerOccasion", message: M.slotsPerOccasion }]],
    ["slots 13", { slotsPerOccasion: "13" }, [{ path: "slotsPerOccasion", message: M.slotsPerOccasion }]],
    ["every 0 weeks", { everyWeeks: "0" }, [{ path: "everyWeeks", message: M.everyWeeks }]],
    ["every 9 weeks", { everyWeeks: "9" }, [{ path: "everyWeeks", message: M.everyWeeks }]],
    ["places 0", { placesPerSlot: "0" }, [{ path: "placesPerSlot", message: M.placesPerSlot }]],
    ["places 31", { placesPerSlot: "31" }, [{ path: "placesPerSlot", message: M.placesPerSlot }]],
    ["deadline 15 days before", { deadlineDaysBefore: "15" }, [{ path: "deadlineDaysBefore", message: M.deadlineDaysBefore }]],
    ["deadline -1 days before", { deadlineDaysBefore: "-1" }, [{ path: "deadlineDaysBefore", message: M.deadlineDaysBefore }]],
    // Clock times.
    ["first slot 25.00", { firstSlotAt: "25.00" }, [{ path: "firstSlotAt", message: M.firstSlotAt }]],
    ["first slot 24.00", { firstSlotAt: "24.00" }, [{ path: "firstSlotAt", message: M.firstSlotAt }]],
    ["first slot 14.60", { firstSlotAt: "14.60" }, [{ path: "firstSlotAt", message: M.firstSlotAt }]],
    ["first slot 1430", { firstSlotAt: "1430" }, [{ path: "firstSlotAt", message: M.firstSlotAt }]],
    ["first slot 14.3", { firstSlotAt: "14.3" }, [{ path: "firstSlotAt", message: M.firstSlotAt }]],
    ["first slot empty", { firstSlotAt: "" }, [{ path: "firstSlotAt", message: M.firstSlotAt }]],
    ["deadline clock 25.00", { deadlineAt: "25.00" }, [{ path: "deadlineAt", message: M.deadlineAt }]],
    ["deadline clock missing", { deadlineAt: undefined }, [{ path: "deadlineAt", message: M.deadlineAt }]],
    // Dates.
    ["first date 2026-02-30", { firstDate: "2026-02-30" }, [{ path: "firstDate", message: M.firstDate }]],
    ["first date 2026-13-01", { firstDate: "2026-13-01" }, [{ path: "firstDate", message: M.firstDate }]],
    ["first date written 8/12/2026", { firstDate: "8/12/2026" }, [{ path: "firstDate", message: M.firstDate }]],
    ["first date empty", { firstDate: "" }, [{ path: "firstDate", message: M.firstDate }]],
    ["last date 2027-02-29 (not a leap year)", { lastDate: "2027-02-29" }, [{ path: "lastDate", message: M.lastDate }]],
    ["last date 2027-6-8", { lastDate: "2027-6-8" }, [{ path: "lastDate", message: M.lastDate }]],
    ["last date missing", { lastDate: undefined }, [{ path: "lastDate", message: M.lastDate }]],
    // Rules across fields.
    ["first date yesterday", { firstDate: "2026-11-30" }, [{ path: "firstDate", message: M.firstDatePast }]],
    ["last date before first date", { lastDate: "2026-12-07" }, [{ path: "lastDate", message: M.lastBeforeFirst }]],
    ["a series of 367 days", { lastDate: "2027-12-10" }, [{ path: "lastDate", message: M.tooLong }]],
    ["a series of two years", { lastDate: "2028-12-08" }, [{ path: "lastDate", message: M.tooLong }]],
    [
      "slots running past midnight (22.00 + 3 × 60)",
      { firstSlotAt: "22.00", slotMinutes: "60", slotsPerOccasion: "3" },
      [{ path: "slotsPerOccasion", message: M.midnight }],
    ],
    [
      "slots running one minute past midnight",
      { firstSlotAt: "23.01", slotMinutes: "60", slotsPerOccasion: "1" },
      [{ path: "slotsPerOccasion", message: M.midnight }],
    ],
    ["twelve 180-minute slots", { firstSlotAt: "08.00", slotMinutes: "180", slotsPerOccasion: "12" }, [{ path: "slotsPerOccasion", message: M.midnight }]],
  ])("refuses %s", (_name, changes, expected) => {
    expect(issuesOf(changes)).toEqual(expected);
  });

  it.each<[string, Record<string, string | undefined>]>([
    ["first date today", { firstDate: "2026-12-01" }],
    ["last date the same as the first", { lastDate: "2026-12-08" }],
    ["a series of 365 days", { lastDate: "2027-12-08" }],
    ["a series of 366 days (the longest allowed)", { lastDate: "2027-12-09" }],
    ["slots ending exactly at midnight", { firstSlotAt: "22.00", slotMinutes: "60", slotsPerOccasion: "2" }],
    ["twelve 10-minute slots", { slotMinutes: "10", slotsPerOccasion: "12" }],
    ["map URL of exactly 500 characters", { mapUrl: "https://" + "a".repeat(492) }],
    ["meeting point of exactly 200 characters", { meetingPoint: "a".repeat(200) }],
  ])("accepts %s", (_name, changes) => {
    expect(issuesOf(changes)).toEqual([]);
  });

  it("reports every bad field at once", () => {
    expect(issuesOf({ weekday: "6", slotMinutes: "600", slotsPerOccasion: "1", firstSlotAt: "08.00", placesPerSlot: "31", deadlineAt: "25.00" })).toEqual([
      { path: "weekday", message: M.weekday },
      { path: "slotMinutes", message: M.slotMinutes },
      { path: "placesPerSlot", message: M.placesPerSlot },
      { path: "deadlineAt", message: M.deadlineAt },
    ]);
  });

  it("an out-of-range slot length that also runs past midnight gives both messages", () => {
    // 14.30 + 4 × 600 minutes really does end after midnight.
    expect(issuesOf({ slotMinutes: "600" })).toEqual([
      { path: "slotMinutes", message: M.slotMinutes },
      { path: "slotsPerOccasion", message: M.midnight },
    ]);
  });

  // The form shows the first message per field (app/http/forms.ts), so a cross-field message
  // computed from a malformed date lands on a last date that is itself fine.
  it.each<[string, Record<string, string>]>([
    ["first date 2026-02-30", { firstDate: "2026-02-30" }],
    ["first date 8/12/2026", { firstDate: "8/12/2026" }],
  ])("a malformed %s puts no message on a good last date", (_name, changes) => {
    expect(issuesOf(changes).filter((i) => i.path === "lastDate")).toEqual([]);
  });

  describe("a first time already passed today", () => {
    // now is Tuesday 2026-12-01 10.00 in Stockholm; the first date is today.
    it.each<[string, Record<string, string>, { path: string; message: string }[]]>([
      ["09.30 on today's weekday has passed", { firstSlotAt: "09.30" }, [{ path: "firstSlotAt", message: M.timePassed }]],
      ["10.00 exactly now has passed", { firstSlotAt: "10.00" }, [{ path: "firstSlotAt", message: M.timePassed }]],
      ["10.01 is still to come", { firstSlotAt: "10.01" }, []],
      ["09.30 on another weekday is fine (the first occasion is next week)", { firstSlotAt: "09.30", weekday: "3" }, []],
    ])("%s", (_name, changes, expected) => {
      expect(issuesOf({ firstDate: "2026-12-01", ...changes })).toEqual(expected);
    });

    it("a later first date is fine even if the time has passed today", () => {
      expect(issuesOf({ firstDate: "2026-12-02", firstSlotAt: "09.30" })).toEqual([]);
    });

    it("uses summer time in summer: 10.00 has passed at 10.30 CEST (08.30Z)", () => {
      const summerNow = at("2026-06-02T08:30:00Z"); // Tuesday 2 June 2026, 10.30 in Stockholm
      const summer = { firstDate: "2026-06-02", lastDate: "2026-06-30" };
      expect(issuesOf({ ...summer, firstSlotAt: "10.00" }, summerNow)).toEqual([{ path: "firstSlotAt", message: M.timePassed }]);
      expect(issuesOf({ ...summer, firstSlotAt: "11.00" }, summerNow)).toEqual([]);
    });

    it("uses Stockholm's date: 00.30 on Wednesday local is still Tuesday in UTC", () => {
      const justAfterMidnight = at("2026-12-01T23:30:00Z"); // Wednesday 2 December 2026, 00.30 in Stockholm
      expect(issuesOf({ firstDate: "2026-12-01" }, justAfterMidnight)).toEqual([{ path: "firstDate", message: M.firstDatePast }]);
      expect(issuesOf({ firstDate: "2026-12-02", weekday: "3", firstSlotAt: "00.15" }, justAfterMidnight)).toEqual([
        { path: "firstSlotAt", message: M.timePassed },
      ]);
      expect(issuesOf({ firstDate: "2026-12-02", weekday: "3", firstSlotAt: "00.45" }, justAfterMidnight)).toEqual([]);
    });
  });
});
