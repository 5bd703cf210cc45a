-- Visions deleted: a vision event replayed after the deletion (a dead letter) must not bring the vision's
-- texts back or queue narration. Only ids; purged with the member.
CREATE TABLE deleted_visions (
  vision_id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_deleted_visions_user ON deleted_visions(user_id);
ALTER TABLE deleted_visions ENABLE ROW LEVEL SECURITY;
ALTER TABLE deleted_visions FORCE ROW LEVEL SECURITY;
CREATE POLICY "System keeps deleted visions" ON deleted_visions
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
GRANT SELECT, INSERT, UPDATE, DELETE ON deleted_visions TO ${app_role};
