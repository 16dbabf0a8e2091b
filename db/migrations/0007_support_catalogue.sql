CREATE TABLE `support_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`name` text NOT NULL,
	`for_whom` text NOT NULL,
	`what_it_gives` text NOT NULL,
	`how_to_contact` text NOT NULL,
	`phone` text,
	`email` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`team_id`,`district_id`) REFERENCES `teams`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "support_offers_texts" CHECK(length(trim("support_offers"."name")) BETWEEN 1 AND 120 AND length("support_offers"."for_whom") <= 300 AND length("support_offers"."what_it_gives") <= 1500 AND length("support_offers"."how_to_contact") <= 600),
	CONSTRAINT "support_offers_phone" CHECK("support_offers"."phone" IS NULL OR "support_offers"."phone" GLOB '+[1-9]*' AND "support_offers"."phone" NOT GLOB '+*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_offers_id_district` ON `support_offers` (`id`,`district_id`);--> statement-breakpoint
CREATE TABLE `support_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`offer_id` integer NOT NULL,
	`asker_person_id` integer NOT NULL,
	`guardian_name` text,
	`guardian_phone` text,
	`language` text,
	`interpreter_needed` integer DEFAULT false NOT NULL,
	`consent_given_by` text,
	`consent_given_on` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`handled_at` integer,
	`handled_by` integer,
	`purged_at` integer,
	FOREIGN KEY (`handled_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`,`district_id`) REFERENCES `support_offers`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asker_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "support_requests_details_until_purged" CHECK("support_requests"."purged_at" IS NOT NULL OR ("support_requests"."guardian_name" IS NOT NULL AND "support_requests"."guardian_phone" IS NOT NULL AND "support_requests"."consent_given_by" IS NOT NULL AND "support_requests"."consent_given_on" IS NOT NULL)),
	CONSTRAINT "support_requests_phone" CHECK("support_requests"."guardian_phone" IS NULL OR "support_requests"."guardian_phone" GLOB '+[1-9]*' AND "support_requests"."guardian_phone" NOT GLOB '+*[^0-9]*'),
	CONSTRAINT "support_requests_handled" CHECK(("support_requests"."handled_at" IS NULL) = ("support_requests"."handled_by" IS NULL))
);
