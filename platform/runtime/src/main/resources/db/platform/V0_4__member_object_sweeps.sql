-- Objects a service wrote under a deleted member's prefix (users/{id}/...) are deleted after the purge
-- commits, until S3 confirms it: once at once, and once more after every write that could still be on its
-- way when the member went (an export part, an archive) has ended. A row lives only while sweeps are due.
CREATE TABLE member_object_sweeps (
    user_id      UUID        PRIMARY KEY,
    due_at       TIMESTAMPTZ NOT NULL,
    sweeps_left  INT         NOT NULL CHECK (sweeps_left > 0),
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX member_object_sweeps_due ON member_object_sweeps (due_at);
ALTER TABLE member_object_sweeps ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_object_sweeps FORCE ROW LEVEL SECURITY;
CREATE POLICY "System sweeps deleted members' objects" ON member_object_sweeps
    FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
GRANT SELECT, INSERT, UPDATE, DELETE ON member_object_sweeps TO ${app_role};
