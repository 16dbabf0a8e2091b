CREATE TABLE `meeting_agenda_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`author_person_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_agenda_points_text" CHECK(length(trim("meeting_agenda_points"."text")) BETWEEN 1 AND 300)
);
--> statement-breakpoint
CREATE INDEX `meeting_agenda_points_meeting` ON `meeting_agenda_points` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`action` text NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_events_action" CHECK("meeting_events"."action" IN ('proposed', 'counter_proposed', 'confirmed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE `meeting_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`proposed_by` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_proposals_times" CHECK("meeting_proposals"."starts_at" < "meeting_proposals"."ends_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_proposals_no_twins` ON `meeting_proposals` (`meeting_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
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
	`starts_at` integer,
	`ends_at` integer,
	`ics_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_team_id`,`organisation_id`) REFERENCES `staff_teams`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_theme" CHECK("meetings"."theme" IS NULL OR length(trim("meetings"."theme")) BETWEEN 1 AND 120),
	CONSTRAINT "meetings_kind" CHECK("meetings"."kind" IN ('report', 'staff_team', 'planning', 'forum', 'collaboration')),
	CONSTRAINT "meetings_state" CHECK("meetings"."state" IN ('proposed', 'confirmed', 'cancelled')),
	CONSTRAINT "meetings_place" CHECK("meetings"."place" IN ('school', 'office', 'digital')),
	CONSTRAINT "meetings_confirmed_has_time" CHECK("meetings"."state" <> 'confirmed' OR ("meetings"."starts_at" IS NOT NULL AND "meetings"."ends_at" IS NOT NULL AND "meetings"."starts_at" < "meetings"."ends_at")),
	CONSTRAINT "meetings_texts" CHECK(("meetings"."participants" IS NULL OR length("meetings"."participants") <= 200) AND ("meetings"."notes" IS NULL OR length("meetings"."notes") <= 1000) AND ("meetings"."interpreter_language" IS NULL OR length(trim("meetings"."interpreter_language")) BETWEEN 1 AND 60))
);
--> statement-breakpoint
CREATE INDEX `meetings_host` ON `meetings` (`host_person_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_organisation` ON `meetings` (`organisation_id`);