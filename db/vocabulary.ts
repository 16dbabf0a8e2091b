/**
 * The portal's fixed lists: organisation kinds, roles, consultation and meeting choices.
 * db/schema.ts builds its columns and CHECK constraints from them and re-exports them.
 *
 * No drizzle here: the browser imports this module (forms and labels need the lists), and
 * db/schema.ts calls sqliteTable() at the top level, which would bring drizzle-orm along.
 * See docs/decisions/017-what-reaches-the-browser.md.
 */

export const ORGANISATION_KINDS = ["school", "preschool_unit", "preschool", "police", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SCHOOL_STAGES = ["lagstadiet", "mellanstadiet", "hogstadiet", "grundsarskolan"] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

export const PARTNER_ROLES = ["partner_staff", "partner_leadership"] as const;
/** The head of unit (enhetschef) follows the district's figures, read-only. */
export const SOCIAL_SERVICES_ROLES = ["social_worker", "parent_adviser", "coordinator", "unit_head"] as const;
/** The city's administrator adds districts and compares their follow-up figures, never their content. */
export const CITY_ROLES = ["city_admin"] as const;
export const ROLES = [...PARTNER_ROLES, ...SOCIAL_SERVICES_ROLES, ...CITY_ROLES] as const;
export type Role = (typeof ROLES)[number];
/**
 * The roles a district's coordinator gives people: every role but the city's and the head of
 * unit's. The head of unit approves the access the coordinator asks for (four eyes), so the
 * coordinator cannot make one: the city's administrator appoints the head of unit.
 */
export const ADMIN_ROLES = [...PARTNER_ROLES, "social_worker", "parent_adviser", "coordinator"] as const;
/** The roles that read consultations: their access takes effect once the head of unit approves it. */
export const CONTENT_ROLES = ["social_worker", "parent_adviser"] as const;

/**
 * A one-time link: an invitation to set one's first password (7 days) or a password reset
 * (1 hour).
 */
export const ACCOUNT_TOKEN_PURPOSES = ["invite", "reset"] as const;

export const WALK_TOPICS = ["general", "concern", "guardians", "other"] as const;
export type WalkTopic = (typeof WALK_TOPICS)[number];

export const CONSULTATION_PURPOSES = ["unsure_report", "support_without_report", "plan_report", "known_child"] as const;
export const CONSULTATION_MODES = ["anonymous", "consent"] as const;
export const AGE_BANDS = ["1-5", "6-9", "10-12", "13-15", "16-18"] as const;
export const CONCERNS = ["home", "absence", "behaviour", "violence", "parent_substance_or_mental_health", "child_mental_health", "other"] as const;
export const URGENCIES = ["today", "few_days", "no_hurry"] as const;
export const ANSWER_CHANNELS = ["phone", "portal", "meeting", "walk"] as const;
export const CONSULTATION_STATES = ["new", "taken", "answered", "closed"] as const;
export const CONSULTATION_OUTCOMES = ["advice", "recommended_report", "voluntary_support", "report_meeting", "other"] as const;

export const MEETING_KINDS = ["report", "staff_team", "planning", "forum", "collaboration"] as const;
export const MEETING_STATES = ["proposed", "confirmed", "cancelled"] as const;
export const MEETING_PLACES = ["school", "office", "digital"] as const;
export const MEETING_GROUP_KINDS = ["forum", "collaboration"] as const;
export const MEETING_ACTIONS = ["proposed", "counter_proposed", "confirmed", "moved", "cancelled"] as const;
