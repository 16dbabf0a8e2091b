ALTER TABLE `calendar_feeds` RENAME COLUMN "token" TO "token_hash";--> statement-breakpoint
DROP INDEX `calendar_feeds_token_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
ALTER TABLE `contact_assignments` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `contact_assignments` ADD `approved_by` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `outbox` ADD `link_purpose` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `link_person_id` integer REFERENCES people(id);--> statement-breakpoint
CREATE INDEX `outbox_link_person` ON `outbox` (`link_person_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `people` ADD `access_approved_at` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `access_approved_by` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `support_requests` ADD `team_id` integer REFERENCES teams(id);--> statement-breakpoint
-- Hand-written below (decision 015): secrets at rest, the pinned team, four eyes.

-- Session ids are now stored as their SHA-256 hash; every earlier session ends.
DELETE FROM `sessions`;
--> statement-breakpoint
-- Calendar tokens are now stored as their hash; earlier addresses stop working (make a new one).
DELETE FROM `calendar_feeds`;
--> statement-breakpoint
-- Earlier mails held their one-time link in clear: the links stop working and the text is replaced.
UPDATE `account_tokens` SET `used_at` = cast(unixepoch('subsec') * 1000 as integer) WHERE `used_at` IS NULL;
--> statement-breakpoint
UPDATE `outbox` SET `text_body` = '(Texten togs bort: den innehöll en engångslänk. Be om en ny länk.)'
WHERE `text_body` LIKE '%/aterstall/%' OR `text_body` LIKE '%/inbjudan/%';
--> statement-breakpoint
-- A mail with a one-time link names both its purpose and its person.
CREATE TRIGGER `outbox_link_complete`
BEFORE INSERT ON `outbox`
WHEN (NEW.`link_purpose` IS NULL) <> (NEW.`link_person_id` IS NULL)
  OR (NEW.`link_purpose` IS NOT NULL AND NEW.`link_purpose` NOT IN ('invite', 'reset'))
BEGIN
  SELECT RAISE(ABORT, 'a mail with a link names its purpose and person');
END;
--> statement-breakpoint
-- Support requests: the team they were sent to, pinned.
UPDATE `support_requests` SET `team_id` = (SELECT `team_id` FROM `support_offers` WHERE `support_offers`.`id` = `support_requests`.`offer_id`);
--> statement-breakpoint
CREATE TRIGGER `support_requests_team_is_offers_team`
BEFORE INSERT ON `support_requests`
WHEN NEW.`team_id` IS NULL
  OR NEW.`team_id` IS NOT (SELECT `team_id` FROM `support_offers` WHERE `id` = NEW.`offer_id`)
BEGIN
  SELECT RAISE(ABORT, 'a support request goes to the offer''s team');
END;
--> statement-breakpoint
CREATE TRIGGER `support_requests_team_pinned`
BEFORE UPDATE OF `team_id` ON `support_requests`
WHEN NEW.`team_id` IS NOT OLD.`team_id`
BEGIN
  SELECT RAISE(ABORT, 'a support request stays with the team it was sent to');
END;
--> statement-breakpoint
-- Four eyes. What exists today was set up before the rule, so it counts as approved.
UPDATE `people` SET `access_approved_at` = `created_at` WHERE `role` IN ('social_worker', 'parent_adviser');
--> statement-breakpoint
UPDATE `contact_assignments` SET `approved_at` = `created_at`;
--> statement-breakpoint
-- Only a head of unit of the same district approves.
CREATE TRIGGER `people_access_approved_by_unit_head`
BEFORE UPDATE OF `access_approved_by` ON `people`
WHEN NEW.`access_approved_by` IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM `people` AS `approver` WHERE `approver`.`id` = NEW.`access_approved_by`
    AND `approver`.`role` = 'unit_head' AND `approver`.`district_id` = NEW.`district_id` AND `approver`.`deactivated_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'access is approved by a head of unit of the district');
END;
--> statement-breakpoint
CREATE TRIGGER `contact_assignments_approved_by_unit_head`
BEFORE UPDATE OF `approved_by` ON `contact_assignments`
WHEN NEW.`approved_by` IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM `people` AS `approver` WHERE `approver`.`id` = NEW.`approved_by`
    AND `approver`.`role` = 'unit_head' AND `approver`.`district_id` = NEW.`district_id` AND `approver`.`deactivated_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'a contact assignment is approved by a head of unit of the district');
END;
--> statement-breakpoint
-- A new role or team is new access: it waits for approval again.
CREATE TRIGGER `people_access_needs_approval_again`
AFTER UPDATE OF `role`, `team_id` ON `people`
WHEN OLD.`role` IS NOT NEW.`role` OR OLD.`team_id` IS NOT NEW.`team_id`
BEGIN
  UPDATE `people` SET `access_approved_at` = NULL, `access_approved_by` = NULL WHERE `id` = NEW.`id`;
END;
