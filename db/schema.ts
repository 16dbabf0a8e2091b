/**
 * The whole database schema in one place.
 *
 * Every row belongs to exactly one district. Cross-table rules that protect data are
 * enforced by the database itself:
 * - composite foreign keys such as (organisation_id, district_id) make it impossible to
 *   link a person to an organisation of another district, or a school part of another
 *   school;
 * - CHECK constraints pin enumerations and the shape of roles;
 * - triggers (db/migrations/0001_*.sql) cover the few rules that need to look at
 *   another row, such as "a contact person is a social worker or a parent adviser".
 *
 * Instants are stored as UTC milliseconds (`timestamp_ms`), except the session
 * expiry, which lucia stores in seconds.
 */
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, foreignKey, index, integer, primaryKey, sqliteTable, text, unique, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  ACCOUNT_TOKEN_PURPOSES,
  AGE_BANDS,
  ANSWER_CHANNELS,
  CITY_ROLES,
  CONCERNS,
  CONSULTATION_MODES,
  CONSULTATION_OUTCOMES,
  CONSULTATION_PURPOSES,
  CONSULTATION_STATES,
  MEETING_ACTIONS,
  MEETING_GROUP_KINDS,
  MEETING_KINDS,
  MEETING_PLACES,
  MEETING_STATES,
  ORGANISATION_KINDS,
  PARTNER_ROLES,
  ROLES,
  SCHOOL_STAGES,
  SOCIAL_SERVICES_ROLES,
  URGENCIES,
  WALK_TOPICS,
} from "./vocabulary";

// The fixed lists live in ./vocabulary (no drizzle there, so the browser can import them);
// re-exported so that code on the server can keep importing everything from here.
export * from "./vocabulary";

const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const districts = sqliteTable(
  "districts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    check("districts_slug_format", sql`${t.slug} <> '' AND ${t.slug} NOT GLOB '*[^a-z0-9-]*'`),
    check("districts_name_not_blank", sql`trim(${t.name}) <> ''`),
  ],
);

/** A team of social services (barn och unga) in a district; social workers belong to one. */
export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    office: text("office").notNull(),
  },
  (t) => [
    unique("teams_id_district").on(t.id, t.districtId),
    unique("teams_district_name").on(t.districtId, t.name),
    check("teams_name_not_blank", sql`trim(${t.name}) <> ''`),
  ],
);

/**
 * A partner organisation. A preschool unit (förskoleenhet) holds preschools: a preschool
 * with a parent belongs to that unit. Organisations are closed, never deleted.
 */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id")
      .notNull()
      .references(() => districts.id),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id"),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("organisations_id_district").on(t.id, t.districtId),
    unique("organisations_district_name").on(t.districtId, t.name),
    foreignKey({
      name: "organisations_parent_same_district",
      columns: [t.parentId, t.districtId],
      foreignColumns: [t.id, t.districtId],
    }),
    check("organisations_kind", sql`${t.kind} IN (${inList(ORGANISATION_KINDS)})`),
    check("organisations_name_not_blank", sql`trim(${t.name}) <> ''`),
    check("organisations_only_preschools_have_parent", sql`${t.parentId} IS NULL OR (${t.kind} = 'preschool' AND ${t.parentId} <> ${t.id})`),
    index("organisations_parent").on(t.parentId),
  ],
);

/** A part (stadium) of a school: lågstadiet, mellanstadiet, högstadiet, grundsärskolan. */
export const schoolParts = sqliteTable(
  "school_parts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    stage: text("stage", { enum: SCHOOL_STAGES }).notNull(),
  },
  (t) => [
    unique("school_parts_id_organisation").on(t.id, t.organisationId),
    unique("school_parts_organisation_stage").on(t.organisationId, t.stage),
    check("school_parts_stage", sql`${t.stage} IN (${inList(SCHOOL_STAGES)})`),
  ],
);

/** A staff team (arbetslag) of a preschool. */
export const staffTeams = sqliteTable(
  "staff_teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
  },
  (t) => [
    unique("staff_teams_id_organisation").on(t.id, t.organisationId),
    unique("staff_teams_organisation_name").on(t.organisationId, t.name),
    check("staff_teams_name_not_blank", sql`trim(${t.name}) <> ''`),
  ],
);

/**
 * A person who can log in. Partners belong to an organisation (and optionally a school
 * part or staff team of it); social services staff belong to a team. Never deleted:
 * deactivated people keep their history.
 */
export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    /** Stored in lower case; unique within a district, and among accounts with a password (the login). */
    email: text("email").notNull(),
    /** E.164, for example +46701740612. */
    phone: text("phone"),
    title: text("title").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    organisationId: integer("organisation_id"),
    teamId: integer("team_id"),
    schoolPartId: integer("school_part_id"),
    staffTeamId: integer("staff_team_id"),
    passwordHash: text("password_hash"),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
    /**
     * Four eyes: a social worker's or parent adviser's access to consultation content takes
     * effect only once the head of unit approves it. Null: waiting for approval. A trigger
     * clears it whenever the role or the team changes (0014). Meaningless for other roles.
     */
    accessApprovedAt: integer("access_approved_at", { mode: "timestamp_ms" }),
    /** The head of unit who approved; null for access approved when the database was set up. */
    accessApprovedBy: integer("access_approved_by").references((): AnySQLiteColumn => people.id),
    /**
     * Single sign-on: the identity provider (its issuer) and the person's stable id there
     * (`sub`), linked on her first login by the provider's verified address (decision 024).
     */
    ssoIssuer: text("sso_issuer"),
    ssoSubject: text("sso_subject"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("people_id_district").on(t.id, t.districtId),
    // One portal account per identity at a provider.
    uniqueIndex("people_sso_identity")
      .on(t.ssoIssuer, t.ssoSubject)
      .where(sql`${t.ssoSubject} IS NOT NULL`),
    // One address, one login: at most one account with a password per address, deactivated or
    // not (deactivating a person must not free her address for another district's row).
    // Another district may still invite the address (a row without a password), so that an
    // invitation answers the same whoever holds the address elsewhere (decision 012). Within
    // one district an address is unique.
    uniqueIndex("people_email_login")
      .on(sql`lower(${t.email})`)
      .where(sql`${t.passwordHash} IS NOT NULL`),
    uniqueIndex("people_email_in_district")
      .on(t.districtId, sql`lower(${t.email})`)
      .where(sql`${t.role} NOT IN (${inList(CITY_ROLES)})`),
    foreignKey({
      name: "people_organisation_same_district",
      columns: [t.organisationId, t.districtId],
      foreignColumns: [organisations.id, organisations.districtId],
    }),
    foreignKey({
      name: "people_team_same_district",
      columns: [t.teamId, t.districtId],
      foreignColumns: [teams.id, teams.districtId],
    }),
    foreignKey({
      name: "people_school_part_of_own_school",
      columns: [t.schoolPartId, t.organisationId],
      foreignColumns: [schoolParts.id, schoolParts.organisationId],
    }),
    foreignKey({
      name: "people_staff_team_of_own_preschool",
      columns: [t.staffTeamId, t.organisationId],
      foreignColumns: [staffTeams.id, staffTeams.organisationId],
    }),
    check("people_role", sql`${t.role} IN (${inList(ROLES)})`),
    check(
      "people_role_matches_home",
      sql`(${t.role} IN (${inList(PARTNER_ROLES)}) AND ${t.organisationId} IS NOT NULL AND ${t.teamId} IS NULL)
       OR (${t.role} IN (${inList(SOCIAL_SERVICES_ROLES)}) AND ${t.teamId} IS NOT NULL AND ${t.organisationId} IS NULL)
       OR (${t.role} IN (${inList(CITY_ROLES)}) AND ${t.teamId} IS NULL AND ${t.organisationId} IS NULL)`,
    ),
    check("people_email_lower_case", sql`${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%'`),
    check("people_phone_e164", sql`${t.phone} IS NULL OR (${t.phone} GLOB '+[1-9]*' AND ${t.phone} NOT GLOB '+*[^0-9]*')`),
    check("people_name_not_blank", sql`trim(${t.name}) <> ''`),
    index("people_organisation").on(t.organisationId),
  ],
);

/** A social worker or parent adviser named as contact person for an organisation. */
export const contactAssignments = sqliteTable(
  "contact_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id")
      .notNull()
      .references(() => districts.id),
    organisationId: integer("organisation_id").notNull(),
    personId: integer("person_id").notNull(),
    /** Shown to users, for example "Lågstadiet, mellanstadiet och grundsärskolan". */
    scopeLabel: text("scope_label").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Four eyes: the assignment counts (questions reach the person) only once the head of unit approves it. */
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    approvedBy: integer("approved_by").references(() => people.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("contact_assignments_id_organisation").on(t.id, t.organisationId),
    unique("contact_assignments_organisation_person").on(t.organisationId, t.personId),
    foreignKey({
      name: "contact_assignments_organisation_same_district",
      columns: [t.organisationId, t.districtId],
      foreignColumns: [organisations.id, organisations.districtId],
    }),
    foreignKey({
      name: "contact_assignments_person_same_district",
      columns: [t.personId, t.districtId],
      foreignColumns: [people.id, people.districtId],
    }),
    check("contact_assignments_scope_label", sql`length(trim(${t.scopeLabel})) BETWEEN 1 AND 200`),
    index("contact_assignments_person").on(t.personId),
  ],
);

/** The school parts a contact assignment covers (none: the whole organisation). */
export const contactAssignmentParts = sqliteTable(
  "contact_assignment_parts",
  {
    assignmentId: integer("assignment_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
    schoolPartId: integer("school_part_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.schoolPartId] }),
    foreignKey({
      name: "contact_assignment_parts_assignment",
      columns: [t.assignmentId, t.organisationId],
      foreignColumns: [contactAssignments.id, contactAssignments.organisationId],
    }).onDelete("cascade"),
    foreignKey({
      name: "contact_assignment_parts_part_of_same_school",
      columns: [t.schoolPartId, t.organisationId],
      foreignColumns: [schoolParts.id, schoolParts.organisationId],
    }),
  ],
);

/** lucia v3 sessions. `expires_at` is in seconds, as the lucia adapter writes it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    /** When the session began: it ends after an absolute limit however active it is. */
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    /** The identity provider the person logged in with (its configured id); null: the password. Logging out ends the provider's session too. */
    ssoProvider: text("sso_provider"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * A single sign-on under way: one row per login sent to a provider, deleted when the browser
 * comes back (so a callback works once) or after ten minutes. The row holds only the hash of
 * the `state`; the state, nonce and PKCE verifier are derived from a secret in the browser's
 * cookie, so a copy of the database cannot finish anybody's login.
 */
export const ssoAttempts = sqliteTable("sso_attempts", {
  stateHash: text("state_hash").primaryKey(),
  provider: text("provider").notNull(),
  redirectTo: text("redirect_to").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});

/**
 * Failed logins and counted requests, for throttling: one row each, keyed by the account and
 * client together ("pair:<email>|<client>"), by the client ("address:<client>"), or by a counted
 * request ("reset-client:<client>"). Rows older than a day are deleted by the nightly job.
 */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_failures_key_at").on(t.key, t.at)],
);

/**
 * A one-time link: an invitation to set one's first password (7 days) or a password reset
 * (1 hour). Only a hash of the token is stored; using it sets `used_at` once.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [check("account_tokens_purpose", sql`${t.purpose} IN (${inList(ACCOUNT_TOKEN_PURPOSES)})`), index("account_tokens_person").on(t.personId)],
);

/**
 * Who did what to which object, and when. Never the content of anything: only the
 * kind of action and the object's type and id.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").references(() => districts.id),
    actorPersonId: integer("actor_person_id").references(() => people.id),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    check("audit_events_action_format", sql`${t.action} <> '' AND ${t.action} NOT GLOB '*[^a-z_.]*'`),
    index("audit_events_district_at").on(t.districtId, t.at),
  ],
);

// ---------------------------------------------------------------------------
// "Vem ringer jag?": availability, the duty phone and its rota.

const HH_MM = (column: unknown) => sql`${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${column} <= '24:00'`;
const ISO_DATE = (column: unknown) => sql`${column} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(${column}) = ${column}`;
const E164 = (column: unknown) => sql`${column} GLOB '+[1-9]*' AND ${column} NOT GLOB '+*[^0-9]*'`;

/**
 * A contact person's own status. No row means available. A status expires by itself:
 * busy until an instant today, away through a local date (Europe/Stockholm). No reason
 * is ever stored.
 */
export const availabilityStatuses = sqliteTable(
  "availability_statuses",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => people.id),
    kind: text("kind", { enum: ["busy", "away"] }).notNull(),
    busyUntil: integer("busy_until", { mode: "timestamp_ms" }),
    /** Inclusive, YYYY-MM-DD in Stockholm. */
    awayThrough: text("away_through"),
    setAt: integer("set_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    check(
      "availability_statuses_shape",
      sql`(${t.kind} = 'busy' AND ${t.busyUntil} IS NOT NULL AND ${t.awayThrough} IS NULL)
       OR (${t.kind} = 'away' AND ${t.awayThrough} IS NOT NULL AND ${t.busyUntil} IS NULL AND ${ISO_DATE(t.awayThrough)})`,
    ),
  ],
);

/** A district's duty phone (jourtelefon) and the after-hours service it points to when closed. */
export const dutyLines = sqliteTable(
  "duty_lines",
  {
    districtId: integer("district_id")
      .primaryKey()
      .references(() => districts.id),
    phone: text("phone").notNull(),
    afterHoursPhone: text("after_hours_phone").notNull(),
    /** Closing time on the eve of a public holiday, HH:MM. */
    eveClosesAt: text("eve_closes_at").notNull().default("13:00"),
    /** The first working day of the rota's turns, YYYY-MM-DD. */
    rotaStartsOn: text("rota_starts_on").notNull(),
  },
  (t) => [
    check("duty_lines_phone", E164(t.phone)),
    check("duty_lines_after_hours_phone", E164(t.afterHoursPhone)),
    check("duty_lines_eve_closes_at", HH_MM(t.eveClosesAt)),
    check("duty_lines_rota_starts_on", ISO_DATE(t.rotaStartsOn)),
  ],
);

/** Opening hours of the duty phone per ISO weekday (1 = Monday); no row means closed that day. */
export const dutyHours = sqliteTable(
  "duty_hours",
  {
    districtId: integer("district_id")
      .notNull()
      .references(() => dutyLines.districtId),
    weekday: integer("weekday").notNull(),
    opensAt: text("opens_at").notNull(),
    closesAt: text("closes_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.weekday] }),
    check("duty_hours_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
    check("duty_hours_times", sql`${HH_MM(t.opensAt)} AND ${HH_MM(t.closesAt)} AND ${t.opensAt} < ${t.closesAt}`),
  ],
);

/** The ordered list of team members who take duty days in turn. */
export const dutyRotaMembers = sqliteTable(
  "duty_rota_members",
  {
    districtId: integer("district_id").notNull(),
    personId: integer("person_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.personId] }),
    unique("duty_rota_members_position").on(t.districtId, t.position),
    foreignKey({
      name: "duty_rota_members_person_same_district",
      columns: [t.personId, t.districtId],
      foreignColumns: [people.id, people.districtId],
    }),
    check("duty_rota_members_position", sql`${t.position} >= 0`),
  ],
);

/** A single duty day given to someone else than the rota says (a swap is two overrides). */
export const dutyOverrides = sqliteTable(
  "duty_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").notNull(),
    /** YYYY-MM-DD in Stockholm. */
    date: text("date").notNull(),
    personId: integer("person_id").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("duty_overrides_one_per_day").on(t.districtId, t.date),
    foreignKey({
      name: "duty_overrides_person_same_district",
      columns: [t.personId, t.districtId],
      foreignColumns: [people.id, people.districtId],
    }),
    check("duty_overrides_date", ISO_DATE(t.date)),
  ],
);

/**
 * A person's secret calendar feed of their duty days. Only the SHA-256 hash of the token is
 * stored, so the address is shown once, when it is made; renewing it replaces the row, which
 * ends the old address.
 */
export const calendarFeeds = sqliteTable("calendar_feeds", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});

// ---------------------------------------------------------------------------
// Walk-and-talk: series of outdoor consultation occasions with bookable slots.

/** A contact person's recurring offer for one organisation. */
export const walkSeries = sqliteTable(
  "walk_series",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
    hostPersonId: integer("host_person_id").notNull(),
    meetingPoint: text("meeting_point").notNull(),
    mapUrl: text("map_url"),
    weekday: integer("weekday").notNull(),
    firstSlotAt: text("first_slot_at").notNull(),
    slotMinutes: integer("slot_minutes").notNull().default(30),
    slotsPerOccasion: integer("slots_per_occasion").notNull(),
    everyWeeks: integer("every_weeks").notNull().default(2),
    firstDate: text("first_date").notNull(),
    lastDate: text("last_date").notNull(),
    placesPerSlot: integer("places_per_slot").notNull().default(1),
    /** Booking and cancelling close this many days before, at deadlineAt (default: the day before at 12.00). */
    deadlineDaysBefore: integer("deadline_days_before").notNull().default(1),
    deadlineAt: text("deadline_at").notNull().default("12:00"),
    schoolPartId: integer("school_part_id"),
    staffTeamId: integer("staff_team_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("walk_series_id_organisation").on(t.id, t.organisationId),
    foreignKey({
      name: "walk_series_organisation_same_district",
      columns: [t.organisationId, t.districtId],
      foreignColumns: [organisations.id, organisations.districtId],
    }),
    foreignKey({ name: "walk_series_host_same_district", columns: [t.hostPersonId, t.districtId], foreignColumns: [people.id, people.districtId] }),
    foreignKey({
      name: "walk_series_school_part_of_organisation",
      columns: [t.schoolPartId, t.organisationId],
      foreignColumns: [schoolParts.id, schoolParts.organisationId],
    }),
    foreignKey({
      name: "walk_series_staff_team_of_organisation",
      columns: [t.staffTeamId, t.organisationId],
      foreignColumns: [staffTeams.id, staffTeams.organisationId],
    }),
    check("walk_series_meeting_point", sql`length(trim(${t.meetingPoint})) BETWEEN 1 AND 200`),
    check("walk_series_weekday", sql`${t.weekday} BETWEEN 1 AND 5`),
    check("walk_series_first_slot_at", HH_MM(t.firstSlotAt)),
    check("walk_series_slot_minutes", sql`${t.slotMinutes} BETWEEN 10 AND 180`),
    check("walk_series_slots_per_occasion", sql`${t.slotsPerOccasion} BETWEEN 1 AND 12`),
    check("walk_series_every_weeks", sql`${t.everyWeeks} BETWEEN 1 AND 8`),
    check("walk_series_dates", sql`${ISO_DATE(t.firstDate)} AND ${ISO_DATE(t.lastDate)} AND ${t.firstDate} <= ${t.lastDate}`),
    check("walk_series_places", sql`${t.placesPerSlot} BETWEEN 1 AND 30`),
    check("walk_series_deadline", sql`${t.deadlineDaysBefore} BETWEEN 0 AND 14 AND ${HH_MM(t.deadlineAt)}`),
  ],
);

/** One date of a series. Cancelled occasions stay, so bookers can be told. */
export const walkOccasions = sqliteTable(
  "walk_occasions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seriesId: integer("series_id")
      .notNull()
      .references(() => walkSeries.id),
    date: text("date").notNull(),
    /** When booking and cancelling close. */
    deadline: integer("deadline", { mode: "timestamp_ms" }).notNull(),
    movedFrom: text("moved_from"),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    /** Set when an edit of the series replaced this (unbooked) occasion; hidden from everyone. */
    replacedAt: integer("replaced_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("walk_occasions_series_date")
      .on(t.seriesId, t.date)
      .where(sql`${t.cancelledAt} IS NULL AND ${t.replacedAt} IS NULL`),
    check("walk_occasions_date", ISO_DATE(t.date)),
  ],
);

/**
 * A bookable time of an occasion. `booked` counts active bookings; the CHECK makes
 * overbooking impossible whatever the code does, and booking increments it inside the
 * same transaction that inserts the booking.
 */
export const walkSlots = sqliteTable(
  "walk_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    occasionId: integer("occasion_id")
      .notNull()
      .references(() => walkOccasions.id),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
    /** Afterwards: did it take place? Null until the contact person marks it. */
    outcome: text("outcome", { enum: ["held", "not_held"] }),
  },
  (t) => [
    unique("walk_slots_id_occasion").on(t.id, t.occasionId),
    check("walk_slots_capacity", sql`${t.capacity} >= 1 AND ${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
    check("walk_slots_times", sql`${t.startsAt} < ${t.endsAt}`),
    check("walk_slots_outcome", sql`${t.outcome} IS NULL OR ${t.outcome} IN ('held', 'not_held')`),
    index("walk_slots_occasion").on(t.occasionId),
    // The follow-up reads places by month.
    index("walk_slots_starts").on(t.startsAt),
  ],
);

/** A person's booking of a slot. One active booking per person and occasion. */
export const walkBookings = sqliteTable(
  "walk_bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slotId: integer("slot_id").notNull(),
    occasionId: integer("occasion_id").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    topic: text("topic", { enum: WALK_TOPICS }),
    note: text("note"),
    /** Raised at every change, so calendars accept the update or cancellation. */
    icsSequence: integer("ics_sequence").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    foreignKey({ name: "walk_bookings_slot_of_occasion", columns: [t.slotId, t.occasionId], foreignColumns: [walkSlots.id, walkSlots.occasionId] }),
    uniqueIndex("walk_bookings_one_per_occasion")
      .on(t.occasionId, t.personId)
      .where(sql`${t.cancelledAt} IS NULL`),
    check("walk_bookings_topic", sql`${t.topic} IS NULL OR ${t.topic} IN (${inList(WALK_TOPICS)})`),
    check("walk_bookings_note", sql`${t.note} IS NULL OR length(${t.note}) <= 200`),
    index("walk_bookings_person").on(t.personId),
    index("walk_bookings_slot").on(t.slotId),
  ],
);

/** Leadership expects every staff member of the organisation to walk this term ("2026-HT"). */
export const walkExpectations = sqliteTable(
  "walk_expectations",
  {
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    term: text("term").notNull(),
    setBy: integer("set_by")
      .notNull()
      .references(() => people.id),
    setAt: integer("set_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.term] }), check("walk_expectations_term", sql`${t.term} GLOB '[12][0-9][0-9][0-9]-[HV]T'`)],
);

// ---------------------------------------------------------------------------
// Mail and jobs.

/**
 * Every message the portal sends goes through this table first, so sending never blocks
 * or fails the action that caused it. Without SMTP_URL it stays here for the demo.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").references(() => districts.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /**
     * The text, where a one-time link stands as LINK_PLACEHOLDER: the link's token is made
     * only when the mail is sent (only its hash is stored), so no page, log or backup holds it.
     */
    textBody: text("text_body").notNull(),
    /** A mail carrying a one-time link: its purpose and the person it is for. */
    linkPurpose: text("link_purpose", { enum: ACCOUNT_TOKEN_PURPOSES }),
    linkPersonId: integer("link_person_id").references(() => people.id),
    /** An iCalendar attachment (METHOD:REQUEST or CANCEL), if any. */
    ics: text("ics"),
    icsMethod: text("ics_method", { enum: ["REQUEST", "CANCEL"] }),
    status: text("status", { enum: ["pending", "sent", "failed", "kept"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    check("outbox_status", sql`${t.status} IN ('pending', 'sent', 'failed', 'kept')`),
    check("outbox_ics", sql`(${t.ics} IS NULL) = (${t.icsMethod} IS NULL)`),
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_link_person").on(t.linkPersonId, t.createdAt),
  ],
);

/** Scheduled work, each with a unique key so that a job runs once even across restarts. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    kind: text("kind").notNull(),
    runAt: integer("run_at", { mode: "timestamp_ms" }).notNull(),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("jobs_due").on(t.doneAt, t.runAt)],
);

// ---------------------------------------------------------------------------
// Consultations: a partner asks social services about a child, anonymously or with the
// guardians' consent. Free text is deleted after the retention period; the categories,
// dates, age band and outcome stay for the follow-up statistics.

export const consultations = sqliteTable(
  "consultations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
    askerPersonId: integer("asker_person_id").notNull(),
    /** The child's school part, which decides whose contact persons see it first. */
    schoolPartId: integer("school_part_id"),
    purpose: text("purpose", { enum: CONSULTATION_PURPOSES }).notNull(),
    mode: text("mode", { enum: CONSULTATION_MODES }).notNull(),
    ageBand: text("age_band", { enum: AGE_BANDS }).notNull(),
    urgency: text("urgency", { enum: URGENCIES }).notNull(),
    answerBy: text("answer_by", { enum: ANSWER_CHANNELS }).notNull(),
    /** The asker's own number, never the family's. Deleted with the free text. */
    callbackPhone: text("callback_phone"),
    question: text("question"),
    /** With consent only: who gave it (a guardian's role, for example "mamma") and when. */
    consentGivenBy: text("consent_given_by"),
    consentGivenOn: text("consent_given_on"),
    /** With consent only: identifying details of the child, in this marked field only. */
    childDetails: text("child_details"),
    state: text("state", { enum: CONSULTATION_STATES }).notNull().default("new"),
    takenBy: integer("taken_by").references(() => people.id),
    takenAt: integer("taken_at", { mode: "timestamp_ms" }),
    firstAnswerAt: integer("first_answer_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    outcome: text("outcome", { enum: CONSULTATION_OUTCOMES }),
    /** The promise to the asker: an answer by then. */
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    /** No contact person could answer when it came in: the duty person sees it too. */
    viaDuty: integer("via_duty", { mode: "boolean" }).notNull().default(false),
    /** A case brought to the consultation forum: the forum meeting and the place booked on it. */
    forumMeetingId: integer("forum_meeting_id").references((): AnySQLiteColumn => meetings.id),
    forumPlace: integer("forum_place"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    purgedAt: integer("purged_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    // One case per place; the places a forum has are checked by a trigger (0010).
    uniqueIndex("consultations_forum_place").on(t.forumMeetingId, t.forumPlace),
    check(
      "consultations_forum_place",
      sql`(${t.forumMeetingId} IS NULL) = (${t.forumPlace} IS NULL) AND (${t.forumPlace} IS NULL OR ${t.forumPlace} BETWEEN 1 AND 12)`,
    ),
    foreignKey({
      name: "consultations_organisation_same_district",
      columns: [t.organisationId, t.districtId],
      foreignColumns: [organisations.id, organisations.districtId],
    }),
    foreignKey({ name: "consultations_asker_same_district", columns: [t.askerPersonId, t.districtId], foreignColumns: [people.id, people.districtId] }),
    foreignKey({
      name: "consultations_school_part_of_organisation",
      columns: [t.schoolPartId, t.organisationId],
      foreignColumns: [schoolParts.id, schoolParts.organisationId],
    }),
    check("consultations_purpose", sql`${t.purpose} IN (${inList(CONSULTATION_PURPOSES)})`),
    check("consultations_mode", sql`${t.mode} IN (${inList(CONSULTATION_MODES)})`),
    check("consultations_age_band", sql`${t.ageBand} IN (${inList(AGE_BANDS)})`),
    check("consultations_urgency", sql`${t.urgency} IN (${inList(URGENCIES)})`),
    check("consultations_answer_by", sql`${t.answerBy} IN (${inList(ANSWER_CHANNELS)})`),
    check("consultations_state", sql`${t.state} IN (${inList(CONSULTATION_STATES)})`),
    check("consultations_outcome", sql`${t.outcome} IS NULL OR ${t.outcome} IN (${inList(CONSULTATION_OUTCOMES)})`),
    // Nothing identifying in an anonymous consultation; a child the team knows needs consent.
    check(
      "consultations_anonymous_has_no_identity",
      sql`${t.mode} = 'consent' OR (${t.childDetails} IS NULL AND ${t.consentGivenBy} IS NULL AND ${t.consentGivenOn} IS NULL)`,
    ),
    check(
      "consultations_consent_recorded",
      sql`${t.mode} = 'anonymous' OR ${t.purgedAt} IS NOT NULL OR (${t.consentGivenBy} IS NOT NULL AND ${t.consentGivenOn} IS NOT NULL)`,
    ),
    check("consultations_known_child_needs_consent", sql`${t.purpose} <> 'known_child' OR ${t.mode} = 'consent'`),
    check("consultations_taken_has_taker", sql`${t.state} = 'new' OR ${t.takenBy} IS NOT NULL`),
    check("consultations_closed_has_outcome", sql`(${t.state} = 'closed') = (${t.outcome} IS NOT NULL AND ${t.closedAt} IS NOT NULL)`),
    check("consultations_question_length", sql`${t.question} IS NULL OR length(${t.question}) <= 4000`),
    check("consultations_callback_phone", sql`${t.callbackPhone} IS NULL OR ${E164(t.callbackPhone)}`),
    index("consultations_organisation_state").on(t.organisationId, t.state),
    index("consultations_asker").on(t.askerPersonId),
    // The follow-up reads a district's questions by date.
    index("consultations_district_created").on(t.districtId, t.createdAt),
  ],
);

export const consultationConcerns = sqliteTable(
  "consultation_concerns",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    concern: text("concern", { enum: CONCERNS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.concern] }), check("consultation_concerns_concern", sql`${t.concern} IN (${inList(CONCERNS)})`)],
);

export const consultationMessages = sqliteTable(
  "consultation_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => people.id),
    /** Null once purged after the retention period. */
    body: text("body"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    check("consultation_messages_body_length", sql`${t.body} IS NULL OR length(${t.body}) BETWEEN 1 AND 4000`),
    index("consultation_messages_consultation").on(t.consultationId),
  ],
);

// ---------------------------------------------------------------------------
// Voluntary support a partner can point a family to without a report.

/** One preventive offer of the district (parent advisers, field assistants, the youth clinic …). */
export const supportOffers = sqliteTable(
  "support_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").notNull(),
    /** The team that handles contact requests for this offer. */
    teamId: integer("team_id").notNull(),
    name: text("name").notNull(),
    forWhom: text("for_whom").notNull(),
    whatItGives: text("what_it_gives").notNull(),
    howToContact: text("how_to_contact").notNull(),
    phone: text("phone"),
    email: text("email"),
    sortOrder: integer("sort_order").notNull().default(0),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    unique("support_offers_id_district").on(t.id, t.districtId),
    foreignKey({ name: "support_offers_team_same_district", columns: [t.teamId, t.districtId], foreignColumns: [teams.id, teams.districtId] }),
    check(
      "support_offers_texts",
      sql`length(trim(${t.name})) BETWEEN 1 AND 120 AND length(${t.forWhom}) <= 300 AND length(${t.whatItGives}) <= 1500 AND length(${t.howToContact}) <= 600`,
    ),
    check("support_offers_phone", sql`${t.phone} IS NULL OR ${E164(t.phone)}`),
  ],
);

/**
 * With the guardians' consent, a partner asks the offer's team to contact the family.
 * Shown only to that team; the family's details are deleted after the retention period
 * once the request is handled.
 */
export const supportRequests = sqliteTable(
  "support_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").notNull(),
    offerId: integer("offer_id").notNull(),
    /**
     * The team the request was sent to, pinned when it is sent (a trigger checks it is the
     * offer's team then and that it never changes): moving the offer does not hand the
     * family's details to another team.
     */
    teamId: integer("team_id").references(() => teams.id),
    askerPersonId: integer("asker_person_id").notNull(),
    guardianName: text("guardian_name"),
    guardianPhone: text("guardian_phone"),
    language: text("language"),
    interpreterNeeded: integer("interpreter_needed", { mode: "boolean" }).notNull().default(false),
    consentGivenBy: text("consent_given_by"),
    consentGivenOn: text("consent_given_on"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    handledAt: integer("handled_at", { mode: "timestamp_ms" }),
    handledBy: integer("handled_by").references(() => people.id),
    purgedAt: integer("purged_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    foreignKey({
      name: "support_requests_offer_same_district",
      columns: [t.offerId, t.districtId],
      foreignColumns: [supportOffers.id, supportOffers.districtId],
    }),
    foreignKey({ name: "support_requests_asker_same_district", columns: [t.askerPersonId, t.districtId], foreignColumns: [people.id, people.districtId] }),
    check(
      "support_requests_details_until_purged",
      sql`${t.purgedAt} IS NOT NULL OR (${t.guardianName} IS NOT NULL AND ${t.guardianPhone} IS NOT NULL AND ${t.consentGivenBy} IS NOT NULL AND ${t.consentGivenOn} IS NOT NULL)`,
    ),
    check("support_requests_phone", sql`${t.guardianPhone} IS NULL OR ${E164(t.guardianPhone)}`),
    check("support_requests_handled", sql`(${t.handledAt} IS NULL) = (${t.handledBy} IS NULL)`),
  ],
);

// ---------------------------------------------------------------------------
// Meetings. One model for every kind; report meetings (anmälningsmöten) first.

/**
 * A standing group that meets in a recurring series: the consultation forum (designated
 * staff; partners book places for cases) or a collaboration group (police and social
 * services, the local 6–16 groups). The host convenes it; members are people of any
 * organisation in the district.
 */
export const meetingGroups = sqliteTable(
  "meeting_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id")
      .notNull()
      .references(() => districts.id),
    kind: text("kind", { enum: MEETING_GROUP_KINDS }).notNull(),
    name: text("name").notNull(),
    hostPersonId: integer("host_person_id").notNull(),
    /** Forum only: minutes per case. */
    caseMinutes: integer("case_minutes"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("meeting_groups_id_district").on(t.id, t.districtId),
    foreignKey({ name: "meeting_groups_host_same_district", columns: [t.hostPersonId, t.districtId], foreignColumns: [people.id, people.districtId] }),
    check("meeting_groups_kind", sql`${t.kind} IN (${inList(MEETING_GROUP_KINDS)})`),
    check("meeting_groups_name", sql`length(trim(${t.name})) BETWEEN 1 AND 120`),
    check(
      "meeting_groups_case_minutes",
      sql`(${t.kind} = 'forum') = (${t.caseMinutes} IS NOT NULL) AND (${t.caseMinutes} IS NULL OR ${t.caseMinutes} BETWEEN 10 AND 120)`,
    ),
  ],
);

/** The people who belong to a group: invited to every meeting, see its agenda and notes. */
export const meetingGroupMembers = sqliteTable(
  "meeting_group_members",
  {
    groupId: integer("group_id").notNull(),
    districtId: integer("district_id").notNull(),
    personId: integer("person_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personId] }),
    foreignKey({
      name: "meeting_group_members_group_same_district",
      columns: [t.groupId, t.districtId],
      foreignColumns: [meetingGroups.id, meetingGroups.districtId],
    }),
    foreignKey({ name: "meeting_group_members_person_same_district", columns: [t.personId, t.districtId], foreignColumns: [people.id, people.districtId] }),
    index("meeting_group_members_person").on(t.personId),
  ],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").notNull(),
    /** The school or preschool met; null for the meetings of a group (forum, collaboration). */
    organisationId: integer("organisation_id"),
    /** The forum or collaboration group this meeting belongs to. */
    groupId: integer("group_id"),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    state: text("state", { enum: MEETING_STATES }).notNull().default("proposed"),
    /** The social worker who takes part (the organisation's contact person). */
    hostPersonId: integer("host_person_id").notNull(),
    proposedBy: integer("proposed_by").notNull(),
    place: text("place", { enum: MEETING_PLACES }).notNull(),
    /** Who from the school or preschool comes (roles, not the family). */
    participants: text("participants"),
    /** Null: no interpreter needed. */
    interpreterLanguage: text("interpreter_language"),
    guardiansTold: integer("guardians_told", { mode: "boolean" }).notNull(),
    notes: text("notes"),
    /** Meetings of a recurring series (planning every six weeks) share the first one's id. */
    seriesId: integer("series_id"),
    /** Staff-team meetings: the staff team visited (null: the whole preschool) and the theme. */
    staffTeamId: integer("staff_team_id"),
    theme: text("theme"),
    /** Forum meetings: how many cases fit (the meeting's length over the minutes per case). */
    places: integer("places"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
    /** Raised at every change, so calendars accept updates and cancellations. */
    icsSequence: integer("ics_sequence").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    foreignKey({
      name: "meetings_organisation_same_district",
      columns: [t.organisationId, t.districtId],
      foreignColumns: [organisations.id, organisations.districtId],
    }),
    foreignKey({ name: "meetings_host_same_district", columns: [t.hostPersonId, t.districtId], foreignColumns: [people.id, people.districtId] }),
    foreignKey({ name: "meetings_proposer_same_district", columns: [t.proposedBy, t.districtId], foreignColumns: [people.id, people.districtId] }),
    foreignKey({
      name: "meetings_staff_team_of_organisation",
      columns: [t.staffTeamId, t.organisationId],
      foreignColumns: [staffTeams.id, staffTeams.organisationId],
    }),
    foreignKey({ name: "meetings_group_same_district", columns: [t.groupId, t.districtId], foreignColumns: [meetingGroups.id, meetingGroups.districtId] }),
    check(
      "meetings_organisation_or_group",
      sql`(${t.organisationId} IS NULL) <> (${t.groupId} IS NULL) AND ((${t.groupId} IS NOT NULL) = (${t.kind} IN ('forum', 'collaboration')))`,
    ),
    check("meetings_forum_places", sql`(${t.kind} = 'forum') = (${t.places} IS NOT NULL) AND (${t.places} IS NULL OR ${t.places} BETWEEN 1 AND 12)`),
    check("meetings_theme", sql`${t.theme} IS NULL OR length(trim(${t.theme})) BETWEEN 1 AND 120`),
    check("meetings_kind", sql`${t.kind} IN (${inList(MEETING_KINDS)})`),
    check("meetings_state", sql`${t.state} IN (${inList(MEETING_STATES)})`),
    check("meetings_place", sql`${t.place} IN (${inList(MEETING_PLACES)})`),
    check(
      "meetings_confirmed_has_time",
      sql`${t.state} <> 'confirmed' OR (${t.startsAt} IS NOT NULL AND ${t.endsAt} IS NOT NULL AND ${t.startsAt} < ${t.endsAt})`,
    ),
    check(
      "meetings_texts",
      sql`(${t.participants} IS NULL OR length(${t.participants}) <= 200) AND (${t.notes} IS NULL OR length(${t.notes}) <= 1000) AND (${t.interpreterLanguage} IS NULL OR length(trim(${t.interpreterLanguage})) BETWEEN 1 AND 60)`,
    ),
    index("meetings_host").on(t.hostPersonId, t.startsAt),
    index("meetings_organisation").on(t.organisationId),
    index("meetings_group").on(t.groupId, t.startsAt),
  ],
);

/** A proposed time; the host confirms one of them or proposes another. */
export const meetingProposals = sqliteTable(
  "meeting_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    proposedBy: integer("proposed_by")
      .notNull()
      .references(() => people.id),
  },
  (t) => [unique("meeting_proposals_no_twins").on(t.meetingId, t.startsAt), check("meeting_proposals_times", sql`${t.startsAt} < ${t.endsAt}`)],
);

/** Who did what to a meeting, and when. */
export const meetingEvents = sqliteTable(
  "meeting_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    action: text("action", { enum: MEETING_ACTIONS }).notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [check("meeting_events_action", sql`${t.action} IN (${inList(MEETING_ACTIONS)})`), index("meeting_events_meeting").on(t.meetingId)],
);

/** A point on a meeting's shared agenda, added by either side before the meeting. */
export const meetingAgendaPoints = sqliteTable(
  "meeting_agenda_points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => people.id),
    text: text("text").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [check("meeting_agenda_points_text", sql`length(trim(${t.text})) BETWEEN 1 AND 300`), index("meeting_agenda_points_meeting").on(t.meetingId)],
);

/** Who came to a group meeting, marked by the host afterwards. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    present: integer("present", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);
