CREATE TABLE `consultation_concerns` (
	`consultation_id` integer NOT NULL,
	`concern` text NOT NULL,
	PRIMARY KEY(`consultation_id`, `concern`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consultation_concerns_concern" CHECK("consultation_concerns"."concern" IN ('home', 'absence', 'behaviour', 'violence', 'parent_substance_or_mental_health', 'child_mental_health', 'other'))
);
--> statement-breakpoint
CREATE TABLE `consultation_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`author_person_id` integer NOT NULL,
	`body` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consultation_messages_body_length" CHECK("consultation_messages"."body" IS NULL OR length("consultation_messages"."body") BETWEEN 1 AND 4000)
);
--> statement-breakpoint
CREATE INDEX `consultation_messages_consultation` ON `consultation_messages` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`asker_person_id` integer NOT NULL,
	`school_part_id` integer,
	`purpose` text NOT NULL,
	`mode` text NOT NULL,
	`age_band` text NOT NULL,
	`urgency` text NOT NULL,
	`answer_by` text NOT NULL,
	`callback_phone` text,
	`question` text,
	`consent_given_by` text,
	`consent_given_on` text,
	`child_details` text,
	`state` text DEFAULT 'new' NOT NULL,
	`taken_by` integer,
	`taken_at` integer,
	`first_answer_at` integer,
	`closed_at` integer,
	`outcome` text,
	`due_at` integer NOT NULL,
	`via_duty` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`purged_at` integer,
	FOREIGN KEY (`taken_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`district_id`) REFERENCES `organisations`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asker_person_id`,`district_id`) REFERENCES `people`(`id`,`district_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_part_id`,`organisation_id`) REFERENCES `school_parts`(`id`,`organisation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consultations_purpose" CHECK("consultations"."purpose" IN ('unsure_report', 'support_without_report', 'plan_report', 'known_child')),
	CONSTRAINT "consultations_mode" CHECK("consultations"."mode" IN ('anonymous', 'consent')),
	CONSTRAINT "consultations_age_band" CHECK("consultations"."age_band" IN ('1-5', '6-9', '10-12', '13-15', '16-18')),
	CONSTRAINT "consultations_urgency" CHECK("consultations"."urgency" IN ('today', 'few_days', 'no_hurry')),
	CONSTRAINT "consultations_answer_by" CHECK("consultations"."answer_by" IN ('phone', 'portal', 'meeting', 'walk')),
	CONSTRAINT "consultations_state" CHECK("consultations"."state" IN ('new', 'taken', 'answered', 'closed')),
	CONSTRAINT "consultations_outcome" CHECK("consultations"."outcome" IS NULL OR "consultations"."outcome" IN ('advice', 'recommended_report', 'voluntary_support', 'report_meeting', 'other')),
	CONSTRAINT "consultations_anonymous_has_no_identity" CHECK("consultations"."mode" = 'consent' OR ("consultations"."child_details" IS NULL AND "consultations"."consent_given_by" IS NULL AND "consultations"."consent_given_on" IS NULL)),
	CONSTRAINT "consultations_consent_recorded" CHECK("consultations"."mode" = 'anonymous' OR "consultations"."purged_at" IS NOT NULL OR ("consultations"."consent_given_by" IS NOT NULL AND "consultations"."consent_given_on" IS NOT NULL)),
	CONSTRAINT "consultations_known_child_needs_consent" CHECK("consultations"."purpose" <> 'known_child' OR "consultations"."mode" = 'consent'),
	CONSTRAINT "consultations_taken_has_taker" CHECK("consultations"."state" = 'new' OR "consultations"."taken_by" IS NOT NULL),
	CONSTRAINT "consultations_closed_has_outcome" CHECK(("consultations"."state" = 'closed') = ("consultations"."outcome" IS NOT NULL AND "consultations"."closed_at" IS NOT NULL)),
	CONSTRAINT "consultations_question_length" CHECK("consultations"."question" IS NULL OR length("consultations"."question") <= 4000),
	CONSTRAINT "consultations_callback_phone" CHECK("consultations"."callback_phone" IS NULL OR "consultations"."callback_phone" GLOB '+[1-9]*' AND "consultations"."callback_phone" NOT GLOB '+*[^0-9]*')
);
--> statement-breakpoint
CREATE INDEX `consultations_organisation_state` ON `consultations` (`organisation_id`,`state`);--> statement-breakpoint
CREATE INDEX `consultations_asker` ON `consultations` (`asker_person_id`);