CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`run_at` integer NOT NULL,
	`done_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_key_unique` ON `jobs` (`key`);--> statement-breakpoint
CREATE INDEX `jobs_due` ON `jobs` (`done_at`,`run_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`ics` text,
	`ics_method` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_status" CHECK("outbox"."status" IN ('pending', 'sent', 'failed', 'kept')),
	CONSTRAINT "outbox_ics" CHECK(("outbox"."ics" IS NULL) = ("outbox"."ics_method" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `walk_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`occasion_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`topic` text,
	`note` text,
	`ics_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`,`occasion_id`) REFERENCES `walk_slots`(`id`,`occasion_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "walk_bookings_topic" CHECK("walk_bookings"."topic" IS NULL OR "walk_bookings"."topic" IN ('general', 'concern', 'guardians', 'other')),
	CONSTRAINT "walk_bookings_note" CHECK("walk_bookings"."note" IS NULL OR length("walk_bookings"."note") <= 200)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `walk_bookings_one_per_occasion` ON `walk_bookings` (`occasion_id`,`person_id`) WHERE "walk_bookings"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX `walk_bookings_person` ON `walk_bookings` (`person_id`);--> statement-breakpoint
CREATE TABLE `walk_expectations` (
	`organisation_id` integer NOT NULL,
	`term` text NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`organisation_id`, `term`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "walk_expectations_term" CHECK("walk_expectations"."term" GLOB '[12][0-9][0-9][0-9]-[HV]T')
);
--> statement-breakpoint
CREATE TABLE `walk_occasions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`date` text NOT NULL,
	`deadline` integer NOT NULL,
	`moved_from` text,
	`cancelled_at` integer,
	FOREIGN KEY (`series_id`) REFERENCES `walk_series`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "walk_occasions_date" CHECK("walk_occasions"."date" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date("walk_occasions"."date") = "walk_occasions"."date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `walk_occasions_series_date` ON `walk_occasions` (`series_id`,`date`);--> statement-breakpoint
CREATE TABLE `walk_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`host_person_id` integer NOT NULL,
	`meeting_point` text NOT NULL,
	`map_url` text,
	`weekday` integer NOT NULL,
	`first_slot_at` text NOT NULL,
	`slot_minutes` integer DEFAULT 30 NOT NULL,
	`slots_per_occasion` integer NOT NULL,
	`every_weeks` integer DEFAULT 2 NOT NULL,
	`first_date` text NOT NULL,
	`last_date` text NOT NULL,
	`places_per_slot` integer DEFAULT 1 NOT NULL,
	`deadline_days_before` integer DEFAULT 1 NOT NULL,
	`deadline_at` text DEFAULT '12:00' NOT NULL,
	`school_part_id` integer,
	`staff_team_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_part_id`,`organisation_id`) REFERENCES `school_parts`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_team_id`,`organisation_id`) REFERENCES `staff_teams`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "walk_series_meeting_point" CHECK(length(trim("walk_series"."meeting_point")) BETWEEN 1 AND 200),
	CONSTRAINT "walk_series_weekday" CHECK("walk_series"."weekday" BETWEEN 1 AND 5),
	CONSTRAINT "walk_series_first_slot_at" CHECK("walk_series"."first_slot_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "walk_series"."first_slot_at" <= '24:00'),
	CONSTRAINT "walk_series_slot_minutes" CHECK("walk_series"."slot_minutes" BETWEEN 10 AND 180),
	CONSTRAINT "walk_series_slots_per_occasion" CHECK("walk_series"."slots_per_occasion" BETWEEN 1 AND 12),
	CONSTRAINT "walk_series_every_weeks" CHECK("walk_series"."every_weeks" BETWEEN 1 AND 8),
	CONSTRAINT "walk_series_dates" CHECK("walk_series"."first_date" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date("walk_series"."first_date") = "walk_series"."first_date" AND "walk_series"."last_date" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date("walk_series"."last_date") = "walk_series"."last_date" AND "walk_series"."first_date" <= "walk_series"."last_date"),
	CONSTRAINT "walk_series_places" CHECK("walk_series"."places_per_slot" BETWEEN 1 AND 30),
	CONSTRAINT "walk_series_deadline" CHECK("walk_series"."deadline_days_before" BETWEEN 0 AND 14 AND "walk_series"."deadline_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "walk_series"."deadline_at" <= '24:00')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `walk_series_id_organisation` ON `walk_series` (`id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `walk_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occasion_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`outcome` text,
	FOREIGN KEY (`occasion_id`) REFERENCES `walk_occasions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "walk_slots_capacity" CHECK("walk_slots"."capacity" >= 1 AND "walk_slots"."booked" >= 0 AND "walk_slots"."booked" <= "walk_slots"."capacity"),
	CONSTRAINT "walk_slots_times" CHECK("walk_slots"."starts_at" < "walk_slots"."ends_at"),
	CONSTRAINT "walk_slots_outcome" CHECK("walk_slots"."outcome" IS NULL OR "walk_slots"."outcome" IN ('held', 'not_held'))
);
--> statement-breakpoint
CREATE INDEX `walk_slots_occasion` ON `walk_slots` (`occasion_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `walk_slots_id_occasion` ON `walk_slots` (`id`,`occasion_id`);