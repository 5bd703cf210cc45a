-- Transcripts of members' voice recordings (journal voice notes, profile story recordings): one row per uploaded
-- object, queued when its upload is confirmed and worked through like narration (claimed with SKIP LOCKED, retried
-- with backoff, paid through ai-usage-service). The row goes with its object (a deleted upload, a deleted member).
CREATE TABLE transcriptions (
  object_id UUID PRIMARY KEY REFERENCES media_objects(id) ON DELETE CASCADE,
  user_id UUID NOT NULL,
  -- pending: queued or being transcribed; completed: text holds the transcript; unavailable: never will be (no
  -- provider configured, a video, longer than the provider takes); failed: the provider failed past the retries,
  -- or the member's tokens could not pay for it (note says which).
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'unavailable', 'failed')),
  text TEXT,
  language TEXT,
  duration_seconds NUMERIC(10, 2),
  note TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  claim_token UUID,
  claimed_at TIMESTAMPTZ,
  trace_parent TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_transcriptions_user_id ON transcriptions(user_id);
CREATE INDEX idx_transcriptions_due ON transcriptions(next_attempt_at) WHERE status = 'pending';

ALTER TABLE transcriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE transcriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view their own transcriptions" ON transcriptions
  FOR SELECT USING (app_current_user_id() = user_id);
-- Queued in the member's own request, as their upload is confirmed.
CREATE POLICY "Users can queue their own transcriptions" ON transcriptions
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System can manage all transcriptions" ON transcriptions
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON transcriptions TO ${app_role};
