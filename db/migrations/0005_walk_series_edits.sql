DROP INDEX `walk_occasions_series_date`;--> statement-breakpoint
ALTER TABLE `walk_occasions` ADD `replaced_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `walk_occasions_series_date` ON `walk_occasions` (`series_id`,`date`) WHERE "walk_occasions"."cancelled_at" IS NULL AND "walk_occasions"."replaced_at" IS NULL;