CREATE TABLE `sso_attempts` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`redirect_to` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `people` ADD `sso_issuer` text;--> statement-breakpoint
ALTER TABLE `people` ADD `sso_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `people_sso_identity` ON `people` (`sso_issuer`,`sso_subject`) WHERE "people"."sso_subject" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `sso_provider` text;