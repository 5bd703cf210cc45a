-- Which complete version is the member's active one is now stored, not derived: completing a version makes it
-- active, and activating an older complete version is an explicit action (POST /visions/{id}/activate). Before
-- this, the active vision was the most recently updated complete version; that version stays active.
ALTER TABLE vision_versions ADD COLUMN IF NOT EXISTS is_active BOOLEAN NOT NULL DEFAULT false;

-- RLS is forced on the owner too: the backfill runs as the system role, for this transaction only.
SELECT set_config('app.role', 'system', true);

UPDATE vision_versions SET is_active = true
WHERE id IN (
  SELECT DISTINCT ON (user_id) id FROM vision_versions
  WHERE status = 'complete'
  ORDER BY user_id, updated_at DESC, id DESC);

SELECT set_config('app.role', '', true);

ALTER TABLE vision_versions ADD CONSTRAINT vision_versions_active_is_complete
  CHECK (NOT is_active OR status = 'complete');

-- One active version per member; also the index GET /visions/active reads.
CREATE UNIQUE INDEX IF NOT EXISTS vision_versions_one_active_per_member
  ON vision_versions(user_id) WHERE is_active;
