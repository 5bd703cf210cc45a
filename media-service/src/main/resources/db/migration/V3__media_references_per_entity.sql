-- References tracked per referring entity of any service (issue 9): each service announces the FULL set
-- of media one entity references (media.references.changed, with a version growing per entity).
--  * media_referrers: every entity that announced, with the version last applied. Kept after the entity is
--    deleted (deleted = true, a tombstone), so an older update arriving late cannot revive its references.
--  * media_references: the keys each entity references now (V2's table, now keyed per entity).
--  * media_objects.unreferenced_since: set when an object loses its last reference, cleared when it gains
--    one. A sweeper deletes objects unreferenced for longer than a grace; never-referenced objects stay null.
CREATE TABLE media_referrers (
  service TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id UUID NOT NULL,
  user_id UUID NOT NULL,
  version BIGINT NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (service, entity_type, entity_id)
);
CREATE INDEX idx_media_referrers_user_id ON media_referrers(user_id);

-- Until now only journal entries referenced media: their references become journal-service referrers at
-- version 0, below any version an announcement carries.
INSERT INTO media_referrers (service, entity_type, entity_id, user_id, version, changed_at)
SELECT 'journal-service', ref_type, ref_id, (array_agg(user_id))[1], 0, min(created_at)
FROM media_references GROUP BY ref_type, ref_id;

ALTER TABLE media_references DROP CONSTRAINT media_references_pkey;
DROP INDEX idx_media_references_ref;
ALTER TABLE media_references RENAME COLUMN ref_type TO entity_type;
ALTER TABLE media_references RENAME COLUMN ref_id TO entity_id;
ALTER TABLE media_references ADD COLUMN service TEXT NOT NULL DEFAULT 'journal-service';
ALTER TABLE media_references ALTER COLUMN service DROP DEFAULT;
ALTER TABLE media_references ADD PRIMARY KEY (service, entity_type, entity_id, s3_key);
ALTER TABLE media_references ADD CONSTRAINT media_references_referrer_fkey
  FOREIGN KEY (service, entity_type, entity_id) REFERENCES media_referrers ON DELETE CASCADE;
CREATE INDEX idx_media_references_s3_key ON media_references(s3_key);

ALTER TABLE media_objects ADD COLUMN unreferenced_since TIMESTAMPTZ;
CREATE INDEX idx_media_objects_unreferenced_since ON media_objects(unreferenced_since)
  WHERE unreferenced_since IS NOT NULL;

ALTER TABLE media_referrers ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_referrers FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view what references their media" ON media_referrers
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage all media referrers" ON media_referrers
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON media_referrers TO ${app_role};
