-- A case booked on the consultation forum takes one of the forum meeting's places: the
-- place number must exist on that meeting (1..places), and the meeting must be a forum
-- meeting of the same district. The unique index (forum_meeting_id, forum_place) keeps
-- two cases off one place; together they make overbooking impossible.
CREATE TRIGGER `consultations_forum_place_insert`
BEFORE INSERT ON `consultations`
WHEN NEW.`forum_meeting_id` IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM `meetings`
    WHERE `id` = NEW.`forum_meeting_id` AND `kind` = 'forum' AND `district_id` = NEW.`district_id` AND NEW.`forum_place` <= `places`
  )
BEGIN
  SELECT RAISE(ABORT, 'the forum meeting has no such place');
END;
--> statement-breakpoint
CREATE TRIGGER `consultations_forum_place_update`
BEFORE UPDATE OF `forum_meeting_id`, `forum_place` ON `consultations`
WHEN NEW.`forum_meeting_id` IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM `meetings`
    WHERE `id` = NEW.`forum_meeting_id` AND `kind` = 'forum' AND `district_id` = NEW.`district_id` AND NEW.`forum_place` <= `places`
  )
BEGIN
  SELECT RAISE(ABORT, 'the forum meeting has no such place');
END;
--> statement-breakpoint
-- A forum meeting cannot shrink below the cases already booked on it.
CREATE TRIGGER `meetings_forum_places_kept`
BEFORE UPDATE OF `places` ON `meetings`
WHEN EXISTS (SELECT 1 FROM `consultations` WHERE `forum_meeting_id` = NEW.`id` AND `forum_place` > COALESCE(NEW.`places`, 0))
BEGIN
  SELECT RAISE(ABORT, 'a forum meeting cannot lose a booked place');
END;
