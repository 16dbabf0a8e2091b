DROP INDEX `people_email_login`;--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_login` ON `people` (lower("email")) WHERE "people"."password_hash" IS NOT NULL;