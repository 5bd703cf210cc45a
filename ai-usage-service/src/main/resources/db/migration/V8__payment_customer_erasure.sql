-- A deleted member's customer at the payment provider (their name, cards and subscriptions there) is deleted at the
-- provider too. The purge's transaction queues the customer's id here, with no member id: the row says only what is
-- left to erase, and goes once the provider confirmed (or says there is no such customer). An outage of the provider
-- delays the erasure, never loses it.
CREATE TABLE payment_customer_erasures (
  customer_id TEXT PRIMARY KEY,
  queued_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);

ALTER TABLE payment_customer_erasures ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_customer_erasures FORCE ROW LEVEL SECURITY;
CREATE POLICY "System can manage customer erasures" ON payment_customer_erasures
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON payment_customer_erasures TO ${app_role};
