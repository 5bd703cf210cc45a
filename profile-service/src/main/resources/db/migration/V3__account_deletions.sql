-- Account deletion (DESIGN §8): the seed's ON DELETE CASCADE from auth.users, rebuilt as one event.
-- One row per deleted user, whichever way they went (the member, an admin, or an operator in the identity
-- provider's console): the primary key makes a repeated request change nothing, and user.deleted is written
-- to the outbox in the same transaction that marks the row announced, so it is published exactly once.
-- A row holds only the id, who asked and when: the tombstone that makes the deletion once-only.
CREATE TABLE account_deletions (
  user_id UUID PRIMARY KEY,
  origin TEXT NOT NULL CHECK (origin IN ('member', 'admin', 'identity_provider')),
  requested_by UUID,                            -- the admin who asked (origin admin)
  state TEXT NOT NULL CHECK (state IN ('pending', 'announced')),
  attempts INTEGER NOT NULL DEFAULT 0,          -- calls to the identity provider that failed
  last_error TEXT,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  requested_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  identity_deleted_at TIMESTAMPTZ,              -- when the identity provider no longer had the user
  announced_at TIMESTAMPTZ                      -- when user.deleted went into the outbox
);
CREATE INDEX idx_account_deletions_due ON account_deletions(next_attempt_at) WHERE state = 'pending';

-- How far the identity provider's admin events (users deleted in its console) have been read.
CREATE TABLE identity_event_positions (
  provider TEXT PRIMARY KEY,
  read_until TIMESTAMPTZ NOT NULL
);

ALTER TABLE account_deletions ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_deletions FORCE ROW LEVEL SECURITY;
ALTER TABLE identity_event_positions ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity_event_positions FORCE ROW LEVEL SECURITY;
CREATE POLICY "System keeps deletions" ON account_deletions FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "System keeps positions" ON identity_event_positions FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON account_deletions, identity_event_positions TO ${app_role};
