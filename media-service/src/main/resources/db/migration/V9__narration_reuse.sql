-- Narration is paid once per text: before synthesising, a worker looks for audio this member already has of the
-- same text (content hash) in the same voice, in any of their visions, and copies it. This index answers that.
CREATE INDEX IF NOT EXISTS idx_audio_tracks_reusable ON audio_tracks(user_id, content_hash, voice_id)
  WHERE status = 'completed';

-- A member forcing a new synthesis of a text ("regenerate", force) gets one: their job does not reuse audio.
ALTER TABLE narration_jobs ADD COLUMN IF NOT EXISTS reuse_allowed BOOLEAN NOT NULL DEFAULT TRUE;
