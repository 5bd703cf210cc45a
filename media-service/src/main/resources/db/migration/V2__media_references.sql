-- Which other-service resources reference an object (today: journal entries). An object whose last
-- reference goes away is deleted, row and bytes: media nothing points at is not kept.
CREATE TABLE media_references (
  s3_key TEXT NOT NULL,
  user_id UUID NOT NULL,
  ref_type TEXT NOT NULL,
  ref_id UUID NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (s3_key, ref_type, ref_id)
);
CREATE INDEX idx_media_references_ref ON media_references(ref_type, ref_id);
CREATE INDEX idx_media_references_user_id ON media_references(user_id);

ALTER TABLE media_references ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_references FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view references to their media" ON media_references
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage all media references" ON media_references
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON media_references TO ${app_role};
