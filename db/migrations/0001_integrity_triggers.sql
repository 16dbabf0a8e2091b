-- Rules that look at another row, which a CHECK constraint cannot do.

-- A preschool's parent is a preschool unit.
CREATE TRIGGER `organisations_parent_is_unit_insert`
BEFORE INSERT ON `organisations`
WHEN NEW.`parent_id` IS NOT NULL
  AND (SELECT `kind` FROM `organisations` WHERE `id` = NEW.`parent_id`) IS NOT 'preschool_unit'
BEGIN
  SELECT RAISE(ABORT, 'a preschool can only belong to a preschool unit');
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_parent_is_unit_update`
BEFORE UPDATE OF `parent_id`, `kind` ON `organisations`
WHEN NEW.`parent_id` IS NOT NULL
  AND (SELECT `kind` FROM `organisations` WHERE `id` = NEW.`parent_id`) IS NOT 'preschool_unit'
BEGIN
  SELECT RAISE(ABORT, 'a preschool can only belong to a preschool unit');
END;
--> statement-breakpoint
-- School parts belong to schools, staff teams to preschools.
CREATE TRIGGER `school_parts_of_school`
BEFORE INSERT ON `school_parts`
WHEN (SELECT `kind` FROM `organisations` WHERE `id` = NEW.`organisation_id`) IS NOT 'school'
BEGIN
  SELECT RAISE(ABORT, 'school parts belong to a school');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_teams_of_preschool`
BEFORE INSERT ON `staff_teams`
WHEN (SELECT `kind` FROM `organisations` WHERE `id` = NEW.`organisation_id`) IS NOT 'preschool'
BEGIN
  SELECT RAISE(ABORT, 'staff teams belong to a preschool');
END;
--> statement-breakpoint
-- Only social workers and parent advisers can be named contact persons.
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
-- The audit log is append-only.
CREATE TRIGGER `audit_events_append_only_update`
BEFORE UPDATE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_append_only_delete`
BEFORE DELETE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `people_contact_keeps_contact_role`
BEFORE UPDATE OF `role` ON `people`
WHEN NEW.`role` NOT IN ('social_worker', 'parent_adviser')
  AND EXISTS (SELECT 1 FROM `contact_assignments` WHERE `person_id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'remove the contact assignments before changing the role');
END;
