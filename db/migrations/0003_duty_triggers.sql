-- Only social workers and parent advisers take duty days or set an availability status.
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
--> statement-breakpoint
DROP TRIGGER `people_contact_keeps_contact_role`;
--> statement-breakpoint
CREATE TRIGGER `people_contact_keeps_contact_role`
BEFORE UPDATE OF `role` ON `people`
WHEN NEW.`role` NOT IN ('social_worker', 'parent_adviser')
  AND (EXISTS (SELECT 1 FROM `contact_assignments` WHERE `person_id` = NEW.`id`)
    OR EXISTS (SELECT 1 FROM `duty_rota_members` WHERE `person_id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, 'remove the contact assignments and rota places before changing the role');
END;
