-- The inbox is system work only, like the outbox: consumers record and check event ids in the system context
-- (Inbox), the relay purges by age. Row-level security makes that a rule of the database too, so a member's
-- transaction can neither read which events were applied nor mark one applied before it was.
ALTER TABLE processed_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE processed_events FORCE ROW LEVEL SECURITY;
CREATE POLICY "System manages the inbox" ON processed_events
    FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
