-- ai-usage-service schema: the seed's token_usage exactly (the action_type CHECK, indexes) without the foreign
-- key to auth.users, and the ledger behind a member's balance: grants (lots that usage consumes), reservations
-- and one account row per member that every change of their balance locks first.
--
-- The ledger adds up by construction: for every grant, amount = consumed + expired + remaining; every
-- captured reservation's charged tokens were taken from remaining lots in the same transaction. So
--   balance (available) = sum(remaining) - sum(open reservations' estimates)
--                       = grants - captured usage - expired - open reservations.
-- Nothing is a counter updated in place: the seed's vibe_assistant_tokens_* are sums over these rows.

CREATE TABLE IF NOT EXISTS token_usage (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,

  -- Action details
  action_type TEXT NOT NULL CHECK (action_type IN (
    'assessment_scoring',
    'vision_generation',
    'vision_refinement',
    'blueprint_generation',
    'chat_conversation',
    'audio_generation',
    'image_generation'
  )),

  -- Model and usage
  model_used TEXT NOT NULL,
  tokens_used INTEGER NOT NULL DEFAULT 0,
  input_tokens INTEGER DEFAULT 0,
  output_tokens INTEGER DEFAULT 0,
  cost_estimate NUMERIC(10, 4) DEFAULT 0, -- in cents

  -- Status
  success BOOLEAN NOT NULL DEFAULT true,
  error_message TEXT,
  metadata JSONB DEFAULT '{}',

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_token_usage_user_id ON token_usage(user_id);
CREATE INDEX idx_token_usage_action_type ON token_usage(action_type);
CREATE INDEX idx_token_usage_model_used ON token_usage(model_used);
CREATE INDEX idx_token_usage_created_at ON token_usage(created_at DESC);
CREATE INDEX idx_token_usage_user_created ON token_usage(user_id, created_at DESC);

-- One row per member: the lock every balance change takes, the plan's drip and the auto top-up settings.
CREATE TABLE token_accounts (
  user_id UUID PRIMARY KEY,
  monthly_drip INTEGER NOT NULL CHECK (monthly_drip >= 0),
  -- Cycle n starts at created_at + n months (UTC, counted from created_at so month ends do not drift);
  -- drip_cycle is the current one, last_drip_at (the seed's token_last_drip_date) its start.
  drip_cycle INTEGER NOT NULL DEFAULT 0,
  last_drip_at TIMESTAMPTZ NOT NULL,
  auto_topup_enabled BOOLEAN NOT NULL DEFAULT false,
  auto_topup_pack_id TEXT,
  last_topup_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Lots of tokens a member received. Usage and deductions consume remaining tokens, soonest expiry first,
-- then oldest; at expires_at what remains is expired (never what was already spent).
CREATE TABLE token_grants (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES token_accounts(user_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'drip', 'topup', 'admin_grant', 'admin_deduction')),
  amount INTEGER NOT NULL,                      -- tokens granted (negative for an admin deduction)
  consumed INTEGER NOT NULL DEFAULT 0 CHECK (consumed >= 0),
  expired INTEGER NOT NULL DEFAULT 0 CHECK (expired >= 0),
  remaining INTEGER NOT NULL CHECK (remaining >= 0),
  expires_at TIMESTAMPTZ,
  cycle INTEGER,                                -- drip: the cycle it belongs to
  pack_id TEXT,                                 -- topup: the pack granted
  charged_cents NUMERIC(10, 2),                 -- topup: what would be charged (no card is charged)
  reason TEXT,
  granted_by UUID,                              -- admin: who
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  CONSTRAINT grant_adds_up CHECK ((amount >= 0 AND amount = consumed + expired + remaining)
                                  OR (amount < 0 AND consumed = 0 AND expired = 0 AND remaining = 0))
);
CREATE INDEX idx_token_grants_user_remaining ON token_grants(user_id) WHERE remaining > 0;

-- A hold on tokens while a paid call runs: open until captured (at the actual cost), released, or expired.
CREATE TABLE token_reservations (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES token_accounts(user_id) ON DELETE CASCADE,
  action_type TEXT NOT NULL,
  estimated_tokens INTEGER NOT NULL CHECK (estimated_tokens > 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'captured', 'released', 'expired')),
  charged_tokens INTEGER NOT NULL DEFAULT 0 CHECK (charged_tokens >= 0),
  usage_id UUID REFERENCES token_usage(id) ON DELETE SET NULL,
  caller TEXT NOT NULL,                         -- the calling service's client id
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  expires_at TIMESTAMPTZ NOT NULL,
  settled_at TIMESTAMPTZ
);
CREATE INDEX idx_token_reservations_open ON token_reservations(user_id) WHERE status = 'open';
CREATE INDEX idx_token_reservations_expiry ON token_reservations(expires_at) WHERE status = 'open';

ALTER TABLE token_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_usage FORCE ROW LEVEL SECURITY;
ALTER TABLE token_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_accounts FORCE ROW LEVEL SECURITY;
ALTER TABLE token_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_grants FORCE ROW LEVEL SECURITY;
ALTER TABLE token_reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_reservations FORCE ROW LEVEL SECURITY;

-- Members read their own rows; only the system writes (the spend API, jobs and consumers run as system).
CREATE POLICY "Users can view their own usage" ON token_usage FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage usage" ON token_usage FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "Users can view their own account" ON token_accounts FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage accounts" ON token_accounts FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "Users can view their own grants" ON token_grants FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage grants" ON token_grants FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "Users can view their own reservations" ON token_reservations FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage reservations" ON token_reservations FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON token_usage, token_accounts, token_grants, token_reservations TO ${app_role};
