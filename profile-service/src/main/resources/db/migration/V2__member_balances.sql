-- The member's token balance as ai-usage-service last announced it (ai.balance.changed on ai.balances), the
-- source of the seed's token columns of user_profiles (vibe_assistant_*, token_*, auto_topup_*), which only
-- this projection writes. Kept apart from the versions so a profile created later starts from it.
CREATE TABLE member_balances (
  user_id UUID PRIMARY KEY,
  tokens_remaining INTEGER NOT NULL,
  tokens_used INTEGER NOT NULL,
  total_cost DECIMAL(10,2) NOT NULL,          -- dollars, as vibe_assistant_total_cost (the ledger counts cents)
  rollover_cycles INTEGER NOT NULL,
  last_drip_at TIMESTAMPTZ,
  auto_topup_enabled BOOLEAN NOT NULL,
  auto_topup_pack_id TEXT,
  changed_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE member_balances ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_balances FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can see their own balance" ON member_balances
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage balances" ON member_balances
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON member_balances TO ${app_role};
