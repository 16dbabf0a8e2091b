CREATE INDEX `consultations_district_created` ON `consultations` (`district_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `walk_bookings_slot` ON `walk_bookings` (`slot_id`);--> statement-breakpoint
CREATE INDEX `walk_slots_starts` ON `walk_slots` (`starts_at`);