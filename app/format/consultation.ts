import type {
  AGE_BANDS,
  ANSWER_CHANNELS,
  CONCERNS,
  CONSULTATION_MODES,
  CONSULTATION_OUTCOMES,
  CONSULTATION_PURPOSES,
  CONSULTATION_STATES,
  URGENCIES,
} from "../../db/schema";

/** The Swedish words of the consultation form and its states. */

export const purposeLabel: Record<(typeof CONSULTATION_PURPOSES)[number], string> = {
  unsure_report: "Jag är osäker på om jag ska göra en orosanmälan",
  support_without_report: "Jag vill tipsa familjen om råd och stöd, utan anmälan",
  plan_report: "Jag vill planera en anmälan eller ansökan tillsammans med er",
  known_child: "Jag har en fråga om ett barn som ni redan känner (kräver samtycke)",
};

export const modeLabel: Record<(typeof CONSULTATION_MODES)[number], string> = {
  anonymous: "Anonymt: jag berättar inte vem barnet är",
  consent: "Med samtycke: vårdnadshavarna har sagt ja till att jag berättar vem barnet är",
};

export const ageBandLabel: Record<(typeof AGE_BANDS)[number], string> = {
  "1-5": "1–5 år",
  "6-9": "6–9 år",
  "10-12": "10–12 år",
  "13-15": "13–15 år",
  "16-18": "16–18 år",
};

export const concernLabel: Record<(typeof CONCERNS)[number], string> = {
  home: "Situationen hemma",
  absence: "Frånvaro",
  behaviour: "Beteende",
  violence: "Misstänkt våld",
  parent_substance_or_mental_health: "En förälders missbruk eller psykiska ohälsa",
  child_mental_health: "Barnets psykiska hälsa",
  other: "Något annat",
};

export const urgencyLabel: Record<(typeof URGENCIES)[number], string> = {
  today: "I dag",
  few_days: "Inom några dagar",
  no_hurry: "Det är inte bråttom",
};

export const answerByLabel: Record<(typeof ANSWER_CHANNELS)[number], string> = {
  phone: "Ring mig",
  portal: "Svara här i portalen",
  meeting: "Vid ett möte",
  walk: "Vid en walk-and-talk",
};

export const stateLabel: Record<(typeof CONSULTATION_STATES)[number], string> = {
  new: "Väntar på att någon tar den",
  taken: "Någon har tagit frågan",
  answered: "Besvarad",
  closed: "Avslutad",
};

export const outcomeLabel: Record<(typeof CONSULTATION_OUTCOMES)[number], string> = {
  advice: "Råd gavs",
  recommended_report: "Rekommenderade en orosanmälan",
  voluntary_support: "Tips om frivilligt stöd",
  report_meeting: "Ett anmälningsmöte ska planeras",
  other: "Annat",
};

export const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
