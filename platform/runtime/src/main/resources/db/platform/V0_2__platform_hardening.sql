-- Hardening of the platform tables (see README "Reliability").

-- An outbox event the broker can never accept (over the size limit, an invalid topic) is parked:
-- set aside with its reason, counted, and replayable by an operator, instead of blocking every later
-- event of the service. A member's later events wait behind their parked one (per-member order).
ALTER TABLE outbox_events ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox_events ADD COLUMN park_reason TEXT;
CREATE INDEX idx_outbox_events_parked_key ON outbox_events (event_key)
    WHERE parked_at IS NOT NULL AND sent_at IS NULL;
CREATE INDEX idx_outbox_events_key ON outbox_events (event_key);

-- processed_events is purged after a retention (see Inbox); by age.
CREATE INDEX idx_processed_events_processed_at ON processed_events (processed_at);

-- Members whose account was deleted (user.deleted), recorded in the purge transaction: events about
-- them that arrive later (still in flight on other topics) change nothing. Holds no personal data
-- beyond the id and the time.
CREATE TABLE deleted_users (
    user_id     UUID        PRIMARY KEY,
    deleted_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE deleted_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE deleted_users FORCE ROW LEVEL SECURITY;
CREATE POLICY "System manages deleted users" ON deleted_users
    FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

-- The outbox holds members' text until it is purged: only system work (the relay, consumers,
-- operators) may read it, and a member's transaction may only add events about themselves.
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_events FORCE ROW LEVEL SECURITY;
CREATE POLICY "System manages the outbox" ON outbox_events
    FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "Members record their own events" ON outbox_events
    FOR INSERT WITH CHECK (event_key = app_current_user_id()::text);

GRANT SELECT, INSERT, DELETE ON deleted_users TO ${app_role};
