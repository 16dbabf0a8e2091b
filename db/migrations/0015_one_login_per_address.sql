DROP INDEX `people_email_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_login` ON `people` (lower("email")) WHERE "people"."password_hash" IS NOT NULL AND "people"."deactivated_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_in_district` ON `people` (`district_id`,lower("email")) WHERE "people"."role" NOT IN ('city_admin');