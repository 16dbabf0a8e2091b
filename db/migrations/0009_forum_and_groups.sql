-- Hand-corrected: drizzle-kit copied the new columns (group_id, places, forum_*) from the
-- old tables, which do not have them yet; they start empty.
CREATE TABLE `meeting_attendance` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`present` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_group_members` (
	`group_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`,`district_id`) REFERENCES `meeting_groups`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_group_members_person` ON `meeting_group_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`host_person_id` integer NOT NULL,
	`case_minutes` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_groups_kind" CHECK("meeting_groups"."kind" IN ('forum', 'collaboration')),
	CONSTRAINT "meeting_groups_name" CHECK(length(trim("meeting_groups"."name")) BETWEEN 1 AND 120),
	CONSTRAINT "meeting_groups_case_minutes" CHECK(("meeting_groups"."kind" = 'forum') = ("meeting_groups"."case_minutes" IS NOT NULL) AND ("meeting_groups"."case_minutes" IS NULL OR "meeting_groups"."case_minutes" BETWEEN 10 AND 120))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_groups_id_district` ON `meeting_groups` (`id`,`district_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_meeting_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`action` text NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_events_action" CHECK("__new_meeting_events"."action" IN ('proposed', 'counter_proposed', 'confirmed', 'moved', 'cancelled'))
);
--> statement-breakpoint
INSERT INTO `__new_meeting_events`("id", "meeting_id", "person_id", "action", "at") SELECT "id", "meeting_id", "person_id", "action", "at" FROM `meeting_events`;--> statement-breakpoint
DROP TABLE `meeting_events`;--> statement-breakpoint
ALTER TABLE `__new_meeting_events` RENAME TO `meeting_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `meeting_events_meeting` ON `meeting_events` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `__new_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`organisation_id` integer,
	`group_id` integer,
	`kind` text NOT NULL,
	`state` text DEFAULT 'proposed' NOT NULL,
	`host_person_id` integer NOT NULL,
	`proposed_by` integer NOT NULL,
	`place` text NOT NULL,
	`participants` text,
	`interpreter_language` text,
	`guardians_told` integer NOT NULL,
	`notes` text,
	`series_id` integer,
	`staff_team_id` integer,
	`theme` text,
	`places` integer,
	`starts_at` integer,
	`ends_at` integer,
	`ics_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_team_id`,`organisation_id`) REFERENCES `staff_teams`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`,`district_id`) REFERENCES `meeting_groups`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_organisation_or_group" CHECK(("__new_meetings"."organisation_id" IS NULL) <> ("__new_meetings"."group_id" IS NULL) AND (("__new_meetings"."group_id" IS NOT NULL) = ("__new_meetings"."kind" IN ('forum', 'collaboration')))),
	CONSTRAINT "meetings_forum_places" CHECK(("__new_meetings"."kind" = 'forum') = ("__new_meetings"."places" IS NOT NULL) AND ("__new_meetings"."places" IS NULL OR "__new_meetings"."places" BETWEEN 1 AND 12)),
	CONSTRAINT "meetings_theme" CHECK("__new_meetings"."theme" IS NULL OR length(trim("__new_meetings"."theme")) BETWEEN 1 AND 120),
	CONSTRAINT "meetings_kind" CHECK("__new_meetings"."kind" IN ('report', 'staff_team', 'planning', 'forum', 'collaboration')),
	CONSTRAINT "meetings_state" CHECK("__new_meetings"."state" IN ('proposed', 'confirmed', 'cancelled')),
	CONSTRAINT "meetings_place" CHECK("__new_meetings"."place" IN ('school', 'office', 'digital')),
	CONSTRAINT "meetings_confirmed_has_time" CHECK("__new_meetings"."state" <> 'confirmed' OR ("__new_meetings"."starts_at" IS NOT NULL AND "__new_meetings"."ends_at" IS NOT NULL AND "__new_meetings"."starts_at" < "__new_meetings"."ends_at")),
	CONSTRAINT "meetings_texts" CHECK(("__new_meetings"."participants" IS NULL OR length("__new_meetings"."participants") <= 200) AND ("__new_meetings"."notes" IS NULL OR length("__new_meetings"."notes") <= 1000) AND ("__new_meetings"."interpreter_language" IS NULL OR length(trim("__new_meetings"."interpreter_language")) BETWEEN 1 AND 60))
);
--> statement-breakpoint
INSERT INTO `__new_meetings`("id", "district_id", "organisation_id", "kind", "state", "host_person_id", "proposed_by", "place", "participants", "interpreter_language", "guardians_told", "notes", "series_id", "staff_team_id", "theme", "starts_at", "ends_at", "ics_sequence", "created_at") SELECT "id", "district_id", "organisation_id", "kind", "state", "host_person_id", "proposed_by", "place", "participants", "interpreter_language", "guardians_told", "notes", "series_id", "staff_team_id", "theme", "starts_at", "ends_at", "ics_sequence", "created_at" FROM `meetings`;--> statement-breakpoint
DROP TABLE `meetings`;--> statement-breakpoint
ALTER TABLE `__new_meetings` RENAME TO `meetings`;--> statement-breakpoint
CREATE INDEX `meetings_host` ON `meetings` (`host_person_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_organisation` ON `meetings` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `meetings_group` ON `meetings` (`group_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `__new_consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`asker_person_id` integer NOT NULL,
	`school_part_id` integer,
	`purpose` text NOT NULL,
	`mode` text NOT NULL,
	`age_band` text NOT NULL,
	`urgency` text NOT NULL,
	`answer_by` text NOT NULL,
	`callback_phone` text,
	`question` text,
	`consent_given_by` text,
	`consent_given_on` text,
	`child_details` text,
	`state` text DEFAULT 'new' NOT NULL,
	`taken_by` integer,
	`taken_at` integer,
	`first_answer_at` integer,
	`closed_at` integer,
	`outcome` text,
	`due_at` integer NOT NULL,
	`via_duty` integer DEFAULT false NOT NULL,
	`forum_meeting_id` integer,
	`forum_place` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`purged_at` integer,
	FOREIGN KEY (`taken_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`forum_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asker_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_part_id`,`organisation_id`) REFERENCES `school_parts`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consultations_forum_place" CHECK(("__new_consultations"."forum_meeting_id" IS NULL) = ("__new_consultations"."forum_place" IS NULL) AND ("__new_consultations"."forum_place" IS NULL OR "__new_consultations"."forum_place" BETWEEN 1 AND 12)),
	CONSTRAINT "consultations_purpose" CHECK("__new_consultations"."purpose" IN ('unsure_report', 'support_without_report', 'plan_report', 'known_child')),
	CONSTRAINT "consultations_mode" CHECK("__new_consultations"."mode" IN ('anonymous', 'consent')),
	CONSTRAINT "consultations_age_band" CHECK("__new_consultations"."age_band" IN ('1-5', '6-9', '10-12', '13-15', '16-18')),
	CONSTRAINT "consultations_urgency" CHECK("__new_consultations"."urgency" IN ('today', 'few_days', 'no_hurry')),
	CONSTRAINT "consultations_answer_by" CHECK("__new_consultations"."answer_by" IN ('phone', 'portal', 'meeting', 'walk')),
	CONSTRAINT "consultations_state" CHECK("__new_consultations"."state" IN ('new', 'taken', 'answered', 'closed')),
	CONSTRAINT "consultations_outcome" CHECK("__new_consultations"."outcome" IS NULL OR "__new_consultations"."outcome" IN ('advice', 'recommended_report', 'voluntary_support', 'report_meeting', 'other')),
	CONSTRAINT "consultations_anonymous_has_no_identity" CHECK("__new_consultations"."mode" = 'consent' OR ("__new_consultations"."child_details" IS NULL AND "__new_consultations"."consent_given_by" IS NULL AND "__new_consultations"."consent_given_on" IS NULL)),
	CONSTRAINT "consultations_consent_recorded" CHECK("__new_consultations"."mode" = 'anonymous' OR "__new_consultations"."purged_at" IS NOT NULL OR ("__new_consultations"."consent_given_by" IS NOT NULL AND "__new_consultations"."consent_given_on" IS NOT NULL)),
	CONSTRAINT "consultations_known_child_needs_consent" CHECK("__new_consultations"."purpose" <> 'known_child' OR "__new_consultations"."mode" = 'consent'),
	CONSTRAINT "consultations_taken_has_taker" CHECK("__new_consultations"."state" = 'new' OR "__new_consultations"."taken_by" IS NOT NULL),
	CONSTRAINT "consultations_closed_has_outcome" CHECK(("__new_consultations"."state" = 'closed') = ("__new_consultations"."outcome" IS NOT NULL AND "__new_consultations"."closed_at" IS NOT NULL)),
	CONSTRAINT "consultations_question_length" CHECK("__new_consultations"."question" IS NULL OR length("__new_consultations"."question") <= 4000),
	CONSTRAINT "consultations_callback_phone" CHECK("__new_consultations"."callback_phone" IS NULL OR "__new_consultations"."callback_phone" GLOB '+[1-9]*' AND "__new_consultations"."callback_phone" NOT GLOB '+*[^0-9]*')
);
--> statement-breakpoint
INSERT INTO `__new_consultations`("id", "district_id", "organisation_id", "asker_person_id", "school_part_id", "purpose", "mode", "age_band", "urgency", "answer_by", "callback_phone", "question", "consent_given_by", "consent_given_on", "child_details", "state", "taken_by", "taken_at", "first_answer_at", "closed_at", "outcome", "due_at", "via_duty", "created_at", "purged_at") SELECT "id", "district_id", "organisation_id", "asker_person_id", "school_part_id", "purpose", "mode", "age_band", "urgency", "answer_by", "callback_phone", "question", "consent_given_by", "consent_given_on", "child_details", "state", "taken_by", "taken_at", "first_answer_at", "closed_at", "outcome", "due_at", "via_duty", "created_at", "purged_at" FROM `consultations`;--> statement-breakpoint
DROP TABLE `consultations`;--> statement-breakpoint
ALTER TABLE `__new_consultations` RENAME TO `consultations`;--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_forum_place` ON `consultations` (`forum_meeting_id`,`forum_place`);--> statement-breakpoint
CREATE INDEX `consultations_organisation_state` ON `consultations` (`organisation_id`,`state`);--> statement-breakpoint
CREATE INDEX `consultations_asker` ON `consultations` (`asker_person_id`);