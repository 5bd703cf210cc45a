-- Uploaded media objects, projected from media.events by the platform's KnownMedia: what a member stores may
-- reference only these, and only their own. A service opts in by adding classpath:db/known-media to
-- quarkus.flyway.locations. (journal-service created the same table in its own V1 before this existed and
-- does not opt in.) Versioned 0.100 so platform migrations 0.4 and up never collide with it.

CREATE TABLE IF NOT EXISTS known_media (
  media_url TEXT PRIMARY KEY,
  user_id UUID NOT NULL,
  purpose TEXT NOT NULL,
  content_type TEXT NOT NULL,
  uploaded_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS idx_known_media_user_id ON known_media(user_id);

ALTER TABLE known_media ENABLE ROW LEVEL SECURITY;
ALTER TABLE known_media FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can see their own media" ON known_media
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage known media" ON known_media
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON known_media TO ${app_role};
