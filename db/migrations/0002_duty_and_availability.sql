CREATE TABLE `availability_statuses` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`busy_until` integer,
	`away_through` text,
	`set_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "availability_statuses_shape" CHECK(("availability_statuses"."kind" = 'busy' AND "availability_statuses"."busy_until" IS NOT NULL AND "availability_statuses"."away_through" IS NULL)
       OR ("availability_statuses"."kind" = 'away' AND "availability_statuses"."away_through" IS NOT NULL AND "availability_statuses"."busy_until" IS NULL AND "availability_statuses"."away_through" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date("availability_statuses"."away_through") = "availability_statuses"."away_through"))
);
--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_unique` ON `calendar_feeds` (`token`);--> statement-breakpoint
CREATE TABLE `duty_hours` (
	`district_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	PRIMARY KEY(`district_id`, `weekday`),
	FOREIGN KEY (`district_id`) REFERENCES `duty_lines`(`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "duty_hours_weekday" CHECK("duty_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "duty_hours_times" CHECK("duty_hours"."opens_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "duty_hours"."opens_at" <= '24:00' AND "duty_hours"."closes_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "duty_hours"."closes_at" <= '24:00' AND "duty_hours"."opens_at" < "duty_hours"."closes_at")
);
--> statement-breakpoint
CREATE TABLE `duty_lines` (
	`district_id` integer PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`after_hours_phone` text NOT NULL,
	`eve_closes_at` text DEFAULT '13:00' NOT NULL,
	`rota_starts_on` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "duty_lines_phone" CHECK("duty_lines"."phone" GLOB '+[1-9]*' AND "duty_lines"."phone" NOT GLOB '+*[^0-9]*'),
	CONSTRAINT "duty_lines_after_hours_phone" CHECK("duty_lines"."after_hours_phone" GLOB '+[1-9]*' AND "duty_lines"."after_hours_phone" NOT GLOB '+*[^0-9]*'),
	CONSTRAINT "duty_lines_eve_closes_at" CHECK("duty_lines"."eve_closes_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "duty_lines"."eve_closes_at" <= '24:00'),
	CONSTRAINT "duty_lines_rota_starts_on" CHECK("duty_lines"."rota_starts_on" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date("duty_lines"."rota_starts_on") = "duty_lines"."rota_starts_on")
);
--> statement-breakpoint
CREATE TABLE `duty_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`date` text NOT NULL,
	`person_id` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "duty_overrides_date" CHECK("duty_overrides"."date" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date("duty_overrides"."date") = "duty_overrides"."date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_overrides_one_per_day` ON `duty_overrides` (`district_id`,`date`);--> statement-breakpoint
CREATE TABLE `duty_rota_members` (
	`district_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`district_id`, `person_id`),
	FOREIGN KEY (`person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "duty_rota_members_position" CHECK("duty_rota_members"."position" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_rota_members_position` ON `duty_rota_members` (`district_id`,`position`);