-- Hand-corrected: drizzle-kit quoted the expression index lower("email") as a column name.
CREATE TABLE `account_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_tokens_purpose" CHECK("account_tokens"."purpose" IN ('invite', 'reset'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_token_hash_unique` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_person` ON `account_tokens` (`person_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- Triggers of other tables name `people`; SQLite refuses the rename while they point at a
-- table that is briefly gone, so they are dropped here and created again, unchanged, below.
DROP TRIGGER `contact_assignments_person_role_insert`;--> statement-breakpoint
DROP TRIGGER `contact_assignments_person_role_update`;--> statement-breakpoint
DROP TRIGGER `duty_rota_members_role`;--> statement-breakpoint
DROP TRIGGER `duty_overrides_role`;--> statement-breakpoint
DROP TRIGGER `availability_statuses_role`;--> statement-breakpoint
CREATE TABLE `__new_people` (
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
	CONSTRAINT "people_role" CHECK("__new_people"."role" IN ('partner_staff', 'partner_leadership', 'social_worker', 'parent_adviser', 'coordinator', 'unit_head', 'city_admin')),
	CONSTRAINT "people_role_matches_home" CHECK(("__new_people"."role" IN ('partner_staff', 'partner_leadership') AND "__new_people"."organisation_id" IS NOT NULL AND "__new_people"."team_id" IS NULL)
       OR ("__new_people"."role" IN ('social_worker', 'parent_adviser', 'coordinator', 'unit_head') AND "__new_people"."team_id" IS NOT NULL AND "__new_people"."organisation_id" IS NULL)
       OR ("__new_people"."role" IN ('city_admin') AND "__new_people"."team_id" IS NULL AND "__new_people"."organisation_id" IS NULL)),
	CONSTRAINT "people_email_lower_case" CHECK("__new_people"."email" = lower("__new_people"."email") AND "__new_people"."email" LIKE '%_@_%'),
	CONSTRAINT "people_phone_e164" CHECK("__new_people"."phone" IS NULL OR ("__new_people"."phone" GLOB '+[1-9]*' AND "__new_people"."phone" NOT GLOB '+*[^0-9]*')),
	CONSTRAINT "people_name_not_blank" CHECK(trim("__new_people"."name") <> '')
);
--> statement-breakpoint
INSERT INTO `__new_people`("id", "district_id", "name", "email", "phone", "title", "role", "organisation_id", "team_id", "school_part_id", "staff_team_id", "password_hash", "deactivated_at", "created_at") SELECT "id", "district_id", "name", "email", "phone", "title", "role", "organisation_id", "team_id", "school_part_id", "staff_team_id", "password_hash", "deactivated_at", "created_at" FROM `people`;--> statement-breakpoint
DROP TABLE `people`;--> statement-breakpoint
ALTER TABLE `__new_people` RENAME TO `people`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (lower("email"));--> statement-breakpoint
CREATE INDEX `people_organisation` ON `people` (`organisation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_id_district` ON `people` (`id`,`district_id`);--> statement-breakpoint
-- Rebuilding `people` dropped the trigger on it (0003); it comes back unchanged.
CREATE TRIGGER `people_contact_keeps_contact_role`
BEFORE UPDATE OF `role` ON `people`
WHEN NEW.`role` NOT IN ('social_worker', 'parent_adviser')
  AND (EXISTS (SELECT 1 FROM `contact_assignments` WHERE `person_id` = NEW.`id`)
    OR EXISTS (SELECT 1 FROM `duty_rota_members` WHERE `person_id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, 'remove the contact assignments and rota places before changing the role');
END;
--> statement-breakpoint
CREATE TRIGGER `contact_assignments_person_role_insert`
BEFORE INSERT ON `contact_assignments`
WHEN (SELECT `role` FROM `people` WHERE `id` = NEW.`person_id`) NOT IN ('social_worker', 'parent_adviser')
BEGIN
  SELECT RAISE(ABORT, 'a contact person is a social worker or a parent adviser');
END;
--> statement-breakpoint
CREATE TRIGGER `contact_assignments_person_role_update`
BEFORE UPDATE OF `person_id` ON `contact_assignments`
WHEN (SELECT `role` FROM `people` WHERE `id` = NEW.`person_id`) NOT IN ('social_worker', 'parent_adviser')
BEGIN
  SELECT RAISE(ABORT, 'a contact person is a social worker or a parent adviser');
END;
--> statement-breakpoint
CREATE TRIGGER `duty_rota_members_role`
BEFORE INSERT ON `duty_rota_members`
WHEN (SELECT `role` FROM `people` WHERE `id` = NEW.`person_id`) NOT IN ('social_worker', 'parent_adviser')
BEGIN
  SELECT RAISE(ABORT, 'only social workers and parent advisers take duty days');
END;
--> statement-breakpoint
CREATE TRIGGER `duty_overrides_role`
BEFORE INSERT ON `duty_overrides`
WHEN (SELECT `role` FROM `people` WHERE `id` = NEW.`person_id`) NOT IN ('social_worker', 'parent_adviser')
BEGIN
  SELECT RAISE(ABORT, 'only social workers and parent advisers take duty days');
END;
--> statement-breakpoint
CREATE TRIGGER `availability_statuses_role`
BEFORE INSERT ON `availability_statuses`
WHEN (SELECT `role` FROM `people` WHERE `id` = NEW.`person_id`) NOT IN ('social_worker', 'parent_adviser')
BEGIN
  SELECT RAISE(ABORT, 'only contact persons set an availability status');
END;
