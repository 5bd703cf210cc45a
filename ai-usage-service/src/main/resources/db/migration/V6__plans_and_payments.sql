-- Plans, purchases and payments. A member is on a plan: 'free' (the original app's default: 100 tokens to start,
-- the monthly drip) or a paid one, whose tokens are granted per paid 28-day cycle (one lot per paid invoice, spendable
-- for that cycle and 3 more). Packs and plans are bought through the payment provider (Stripe Checkout); auto top-up
-- charges the member's saved card. Tokens are granted only when the provider says the payment succeeded, each
-- provider event is applied once (payment_events), a refund revokes what is left of the purchase's lot.

ALTER TABLE token_accounts
  ADD COLUMN plan_id TEXT NOT NULL DEFAULT 'free',
  ADD COLUMN plan_status TEXT NOT NULL DEFAULT 'active' CHECK (plan_status IN ('active', 'past_due', 'canceling')),
  ADD COLUMN plan_cycle_started_at TIMESTAMPTZ,
  ADD COLUMN plan_cycle_ends_at TIMESTAMPTZ,
  ADD COLUMN payment_customer_id TEXT,
  ADD COLUMN payment_subscription_id TEXT,
  ADD COLUMN payment_method_id TEXT;

-- 'plan': one paid cycle's tokens; 'purchase': a pack bought (by checkout or auto top-up). 'topup' stays for the
-- grants recorded before payments existed.
ALTER TABLE token_grants DROP CONSTRAINT token_grants_kind_check;
ALTER TABLE token_grants ADD CONSTRAINT token_grants_kind_check
  CHECK (kind IN ('initial', 'drip', 'topup', 'admin_grant', 'admin_deduction', 'plan', 'purchase'));
-- A refunded purchase's unspent tokens are revoked (what was already spent stays spent).
ALTER TABLE token_grants ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked >= 0);
ALTER TABLE token_grants DROP CONSTRAINT grant_adds_up;
ALTER TABLE token_grants ADD CONSTRAINT grant_adds_up
  CHECK ((amount >= 0 AND amount = consumed + expired + revoked + remaining)
         OR (amount < 0 AND consumed = 0 AND expired = 0 AND revoked = 0 AND remaining = 0));

CREATE TABLE token_purchases (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES token_accounts(user_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('pack', 'plan', 'renewal', 'auto_topup')),
  offer_id TEXT NOT NULL,                        -- the pack or plan bought
  tokens INTEGER NOT NULL CHECK (tokens >= 0),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  currency TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'refunded', 'canceled')),
  checkout_session_id TEXT UNIQUE,
  payment_intent_id TEXT UNIQUE,
  invoice_id TEXT UNIQUE,
  grant_id UUID REFERENCES token_grants(id) ON DELETE SET NULL,
  failure_reason TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  paid_at TIMESTAMPTZ
);
CREATE INDEX idx_token_purchases_user ON token_purchases(user_id, created_at DESC);
-- One auto top-up charge at a time per member; the charger finds them by this index.
CREATE UNIQUE INDEX idx_token_purchases_pending_topup ON token_purchases(user_id)
  WHERE kind = 'auto_topup' AND status = 'pending';

-- The provider's events applied, by their id: a redelivered event changes nothing. No member data in it.
CREATE TABLE payment_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

ALTER TABLE token_purchases ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_purchases FORCE ROW LEVEL SECURITY;
ALTER TABLE payment_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_events FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view their own purchases" ON token_purchases FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage purchases" ON token_purchases FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "System can manage payment events" ON payment_events FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON token_purchases, payment_events TO ${app_role};
