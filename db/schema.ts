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
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const ORGANISATION_KINDS = ["school", "preschool_unit", "preschool", "police", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SCHOOL_STAGES = ["lagstadiet", "mellanstadiet", "hogstadiet", "grundsarskolan"] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

export const PARTNER_ROLES = ["partner_staff", "partner_leadership"] as const;
export const SOCIAL_SERVICES_ROLES = ["social_worker", "parent_adviser", "coordinator"] as const;
export const ROLES = [...PARTNER_ROLES, ...SOCIAL_SERVICES_ROLES] as const;
export type Role = (typeof ROLES)[number];

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
    check(
      "organisations_only_preschools_have_parent",
      sql`${t.parentId} IS NULL OR (${t.kind} = 'preschool' AND ${t.parentId} <> ${t.id})`,
    ),
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
    /** Stored in lower case; unique across the whole installation. */
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
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [
    unique("people_id_district").on(t.id, t.districtId),
    uniqueIndex("people_email_unique").on(sql`lower(${t.email})`),
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
       OR (${t.role} IN (${inList(SOCIAL_SERVICES_ROLES)}) AND ${t.teamId} IS NOT NULL AND ${t.organisationId} IS NULL)`,
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
  },
  (t) => [index("sessions_user").on(t.userId)],
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
 * A person's secret calendar feed of their duty days. The token is kept as it is (not
 * hashed) so the page can show the address again; it only reads one's own duty days, and
 * renewing it replaces the row, which ends the old address.
 */
export const calendarFeeds = sqliteTable("calendar_feeds", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id),
  token: text("token").notNull().unique(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});
