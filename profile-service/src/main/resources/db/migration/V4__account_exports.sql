-- Data export (DESIGN §8): a member asks for a copy of everything the platform holds about them. The request
-- goes out as user.export.requested; every service writes its part to S3 (users/{id}/exports/{export}/parts/)
-- and announces it with user.export.part.ready; once every expected part arrived, profile-service assembles one
-- zip next to them. A part that does not arrive by deadline_at fails the export, naming the service.
CREATE TABLE account_exports (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('collecting', 'ready', 'failed', 'expired')),
  expected_parts TEXT[] NOT NULL,               -- the services whose parts make the archive
  requested_at TIMESTAMPTZ NOT NULL,
  deadline_at TIMESTAMPTZ NOT NULL,             -- every part must have arrived by then
  assembling_until TIMESTAMPTZ,                 -- an instance is assembling it until then (a lease, not a lock)
  attempts INTEGER NOT NULL DEFAULT 0,          -- assemblies that failed
  last_error TEXT,
  next_attempt_at TIMESTAMPTZ,
  archive_key TEXT,                             -- the zip in S3, once ready
  archive_bytes BIGINT,
  file_count INTEGER,                           -- media files carried
  missing_files TEXT[],                         -- listed by a part but gone from S3 when assembled
  ready_at TIMESTAMPTZ,
  expires_at TIMESTAMPTZ,                       -- when the archive is deleted
  failed_at TIMESTAMPTZ,
  failure TEXT                                  -- why, for the member (names missing services)
);
CREATE INDEX idx_account_exports_member ON account_exports(user_id, requested_at DESC);
CREATE INDEX idx_account_exports_collecting ON account_exports(requested_at) WHERE state = 'collecting';
CREATE INDEX idx_account_exports_ready ON account_exports(expires_at) WHERE state = 'ready';
-- One export in progress per member: asking again while one is collecting is a conflict.
CREATE UNIQUE INDEX account_exports_one_collecting ON account_exports(user_id) WHERE state = 'collecting';

CREATE TABLE account_export_parts (
  export_id UUID NOT NULL REFERENCES account_exports(id) ON DELETE CASCADE,
  service TEXT NOT NULL,
  user_id UUID NOT NULL,
  object_key TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  file_count INTEGER NOT NULL,
  written_at TIMESTAMPTZ,
  received_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (export_id, service)
);

ALTER TABLE account_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_exports FORCE ROW LEVEL SECURITY;
ALTER TABLE account_export_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_export_parts FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view their own exports" ON account_exports FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can request their own exports" ON account_exports FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System keeps exports" ON account_exports FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "Users can view their own export parts" ON account_export_parts FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System keeps export parts" ON account_export_parts FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON account_exports, account_export_parts TO ${app_role};
