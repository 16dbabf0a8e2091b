CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer,
	`actor_person_id` integer,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_events_action_format" CHECK("audit_events"."action" <> '' AND "audit_events"."action" NOT GLOB '*[^a-z_.]*')
);
--> statement-breakpoint
CREATE INDEX `audit_events_district_at` ON `audit_events` (`district_id`,`at`);--> statement-breakpoint
CREATE TABLE `contact_assignment_parts` (
	`assignment_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`school_part_id` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `school_part_id`),
	FOREIGN KEY (`assignment_id`,`organisation_id`) REFERENCES `contact_assignments`(`id`,`organisation_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_part_id`,`organisation_id`) REFERENCES `school_parts`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contact_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`scope_label` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contact_assignments_scope_label" CHECK(length(trim("contact_assignments"."scope_label")) BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE INDEX `contact_assignments_person` ON `contact_assignments` (`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contact_assignments_id_organisation` ON `contact_assignments` (`id`,`organisation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contact_assignments_organisation_person` ON `contact_assignments` (`organisation_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "districts_slug_format" CHECK("districts"."slug" <> '' AND "districts"."slug" NOT GLOB '*[^a-z0-9-]*'),
	CONSTRAINT "districts_name_not_blank" CHECK(trim("districts"."name") <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_slug_unique` ON `districts` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `districts_name_unique` ON `districts` (`name`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "organisations_kind" CHECK("organisations"."kind" IN ('school', 'preschool_unit', 'preschool', 'police', 'other')),
	CONSTRAINT "organisations_name_not_blank" CHECK(trim("organisations"."name") <> ''),
	CONSTRAINT "organisations_only_preschools_have_parent" CHECK("organisations"."parent_id" IS NULL OR ("organisations"."kind" = 'preschool' AND "organisations"."parent_id" <> "organisations"."id"))
);
--> statement-breakpoint
CREATE INDEX `organisations_parent` ON `organisations` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_id_district` ON `organisations` (`id`,`district_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_district_name` ON `organisations` (`district_id`,`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`title` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`team_id` integer,
	`school_part_id` integer,
	`staff_team_id` integer,
	`password_hash` text,
	`deactivated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`,`district_id`) REFERENCES `teams`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_part_id`,`organisation_id`) REFERENCES `school_parts`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_team_id`,`organisation_id`) REFERENCES `staff_teams`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_role" CHECK("people"."role" IN ('partner_staff', 'partner_leadership', 'social_worker', 'parent_adviser', 'coordinator')),
	CONSTRAINT "people_role_matches_home" CHECK(("people"."role" IN ('partner_staff', 'partner_leadership') AND "people"."organisation_id" IS NOT NULL AND "people"."team_id" IS NULL)
       OR ("people"."role" IN ('social_worker', 'parent_adviser', 'coordinator') AND "people"."team_id" IS NOT NULL AND "people"."organisation_id" IS NULL)),
	CONSTRAINT "people_email_lower_case" CHECK("people"."email" = lower("people"."email") AND "people"."email" LIKE '%_@_%'),
	CONSTRAINT "people_phone_e164" CHECK("people"."phone" IS NULL OR ("people"."phone" GLOB '+[1-9]*' AND "people"."phone" NOT GLOB '+*[^0-9]*')),
	CONSTRAINT "people_name_not_blank" CHECK(trim("people"."name") <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (lower("email"));--> statement-breakpoint
CREATE INDEX `people_organisation` ON `people` (`organisation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_id_district` ON `people` (`id`,`district_id`);--> statement-breakpoint
CREATE TABLE `school_parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`stage` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "school_parts_stage" CHECK("school_parts"."stage" IN ('lagstadiet', 'mellanstadiet', 'hogstadiet', 'grundsarskolan'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_parts_id_organisation` ON `school_parts` (`id`,`organisation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `school_parts_organisation_stage` ON `school_parts` (`organisation_id`,`stage`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `staff_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "staff_teams_name_not_blank" CHECK(trim("staff_teams"."name") <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_teams_id_organisation` ON `staff_teams` (`id`,`organisation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_teams_organisation_name` ON `staff_teams` (`organisation_id`,`name`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`name` text NOT NULL,
	`office` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "teams_name_not_blank" CHECK(trim("teams"."name") <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_id_district` ON `teams` (`id`,`district_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_district_name` ON `teams` (`district_id`,`name`);