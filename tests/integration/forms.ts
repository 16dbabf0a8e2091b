/** Forms filled in as a user sends them, shared by the integration tests; spread and override. */

/** An anonymous question from a teacher ("Fråga socialtjänsten"). */
export const QUESTION = {
  purpose: "unsure_report",
  mode: "anonymous",
  ageBand: "6-9",
  concerns: ["home", "absence"],
  question: "En elev i årskurs 2 har varit borta mycket och verkar trött. Ska jag anmäla?",
  urgency: "few_days",
  answerBy: "portal",
};

/** A walk-and-talk series every other Monday, set organisationId. */
export const WALK_SERIES = {
  organisationId: "",
  meetingPoint: "Vid fotbollsplanen",
  mapUrl: "",
  weekday: "1",
  firstSlotAt: "10.00",
  slotMinutes: "30",
  slotsPerOccasion: "2",
  everyWeeks: "2",
  firstDate: "2026-12-07",
  lastDate: "2027-01-31",
  placesPerSlot: "1",
  deadlineDaysBefore: "1",
  deadlineAt: "12.00",
};

/** A meeting before a report, with two proposed times, set hostPersonId. */
export const REPORT_MEETING = {
  violence: "no",
  hostPersonId: "",
  date1: "2026-12-09",
  time1: "13.00",
  date2: "2026-12-11",
  time2: "9.30",
  minutes: "60",
  place: "school",
  participants: "Mentor och kurator",
  interpreter: "no",
  guardiansTold: "yes",
};

/** A support offer of the team (the coordinator's form). */
export const offerForm = (teamId: number) => ({
  name: "Familjestöd",
  forWhom: "Familjer med barn 0–12 år",
  whatItGives: "Samtal.",
  howToContact: "Ring.",
  phone: "",
  email: "",
  teamId: String(teamId),
  sortOrder: "9",
});

/** The walk-and-talk series form for an organisation, with any field overridden. */
export const seriesForm = (organisation: number, extra: Record<string, string | string[]> = {}) => ({
  ...WALK_SERIES,
  organisationId: String(organisation),
  schoolPartId: "",
  staffTeamId: "",
  ...extra,
});
