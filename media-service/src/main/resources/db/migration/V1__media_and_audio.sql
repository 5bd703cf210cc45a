-- media-service schema.
--  * audio_tracks: the seed's table column for column, without foreign keys to users and visions
--    (other services' rows); RLS forced with the seed's policies plus a system policy for the worker.
--  * media_objects: what members uploaded (or are uploading) to S3.
--  * vision_sections: the latest text of each vision section, projected from vision.events, so a
--    vision can be narrated (also on demand) without reading vision-service's tables.
--  * narration_jobs: the work queue of tracks to synthesise (attempts, backoff, claims).

CREATE TYPE audio_generation_status AS ENUM (
  'pending', 'processing', 'completed', 'failed'
);

CREATE TABLE IF NOT EXISTS audio_tracks (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,
  vision_id UUID NOT NULL,

  section_key TEXT NOT NULL,

  content_hash TEXT NOT NULL,
  text_content TEXT NOT NULL,

  voice_id TEXT NOT NULL,
  s3_bucket TEXT NOT NULL,
  s3_key TEXT NOT NULL,
  audio_url TEXT NOT NULL,
  duration_seconds INTEGER,
  status audio_generation_status NOT NULL DEFAULT 'pending',
  error_message TEXT,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE (vision_id, section_key, content_hash)
);

CREATE INDEX idx_audio_tracks_user_id ON audio_tracks(user_id);
CREATE INDEX idx_audio_tracks_vision_id ON audio_tracks(vision_id);
CREATE INDEX idx_audio_tracks_status ON audio_tracks(status);
CREATE INDEX idx_audio_tracks_section_key ON audio_tracks(section_key);

ALTER TABLE audio_tracks ENABLE ROW LEVEL SECURITY;
ALTER TABLE audio_tracks FORCE ROW LEVEL SECURITY;

CREATE POLICY "Users can select their own audio tracks" ON audio_tracks
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can insert their own audio tracks" ON audio_tracks
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can update their own audio tracks" ON audio_tracks
  FOR UPDATE USING (app_current_user_id() = user_id) WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can delete their own audio tracks" ON audio_tracks
  FOR DELETE USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage all audio tracks" ON audio_tracks
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());


CREATE TABLE media_objects (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  s3_key TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL CHECK (purpose IN ('journal_image', 'journal_audio', 'journal_video', 'profile_picture',
                                           'progress_photo', 'story_recording', 'vision_board_image')),
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'uploaded')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  uploaded_at TIMESTAMPTZ
);
CREATE INDEX idx_media_objects_user_id ON media_objects(user_id);

ALTER TABLE media_objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_objects FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users manage their own media objects" ON media_objects
  FOR ALL USING (app_current_user_id() = user_id) WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System can manage all media objects" ON media_objects
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());


CREATE TABLE vision_sections (
  vision_id UUID NOT NULL,
  section_key TEXT NOT NULL,
  user_id UUID NOT NULL,
  version_number INTEGER NOT NULL,
  vision_status TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text_content TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (vision_id, section_key)
);
CREATE INDEX idx_vision_sections_user_id ON vision_sections(user_id);

ALTER TABLE vision_sections ENABLE ROW LEVEL SECURITY;
ALTER TABLE vision_sections FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view their own vision sections" ON vision_sections
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage all vision sections" ON vision_sections
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());


CREATE TABLE narration_jobs (
  track_id UUID PRIMARY KEY REFERENCES audio_tracks(id) ON DELETE CASCADE,
  user_id UUID NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  claimed_at TIMESTAMPTZ,
  last_error TEXT
);
CREATE INDEX idx_narration_jobs_due ON narration_jobs(next_attempt_at) WHERE claimed_at IS NULL;

ALTER TABLE narration_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE narration_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can queue their own narration" ON narration_jobs
  FOR ALL USING (app_current_user_id() = user_id) WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System can manage all narration jobs" ON narration_jobs
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON audio_tracks, media_objects, vision_sections, narration_jobs TO ${app_role};
