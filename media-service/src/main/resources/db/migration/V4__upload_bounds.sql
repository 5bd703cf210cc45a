-- Bounds on what a member can make media-service hold and do.
--  * media_objects.expires_at: when the ticket's presigned PUT URL dies. A pending object whose ticket
--    is past expires_at + vf.media.upload-expiry-margin is swept (row and any bytes) and can no longer
--    be completed; until then its declared size counts against the member's storage quota.
--  * media_objects.etag: what S3 held when the upload was completed (the record of what was confirmed).
--  * revoked_upload_keys: keys of objects deleted while their PUT URL was still alive. A PUT through
--    that URL could put bytes back with no row to account for them, so the sweeper deletes the key
--    again once the URL is dead.
--  * narration_jobs.claim_token / rerun_requested: a claim is identified by a token, not the attempt
--    number (which a re-queue resets); a re-queue of a job being synthesised marks it for a rerun
--    instead of releasing the claim to a second worker.
--  * narration_regenerations: accepted regenerate requests, for the per-member rate limit.

ALTER TABLE media_objects ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE media_objects SET expires_at = created_at + INTERVAL '15 minutes';
ALTER TABLE media_objects ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE media_objects ADD COLUMN etag TEXT;
CREATE INDEX idx_media_objects_pending_expiry ON media_objects(expires_at) WHERE state = 'pending';

CREATE TABLE revoked_upload_keys (
  s3_key TEXT PRIMARY KEY,
  user_id UUID NOT NULL,
  sweep_after TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_revoked_upload_keys_sweep_after ON revoked_upload_keys(sweep_after);
CREATE INDEX idx_revoked_upload_keys_user_id ON revoked_upload_keys(user_id);

ALTER TABLE revoked_upload_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE revoked_upload_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can revoke their own upload keys" ON revoked_upload_keys
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System can manage all revoked upload keys" ON revoked_upload_keys
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

ALTER TABLE narration_jobs ADD COLUMN claim_token UUID;
ALTER TABLE narration_jobs ADD COLUMN rerun_requested BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE narration_regenerations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id UUID NOT NULL,
  requested_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_narration_regenerations_user ON narration_regenerations(user_id, requested_at);

ALTER TABLE narration_regenerations ENABLE ROW LEVEL SECURITY;
ALTER TABLE narration_regenerations FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users manage their own regenerate requests" ON narration_regenerations
  FOR ALL USING (app_current_user_id() = user_id) WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System can manage all regenerate requests" ON narration_regenerations
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON revoked_upload_keys, narration_regenerations TO ${app_role};
