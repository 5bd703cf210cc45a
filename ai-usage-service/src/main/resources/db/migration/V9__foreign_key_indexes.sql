-- A foreign key's referencing column needs an index of its own: deleting a referenced row (ON DELETE SET NULL)
-- otherwise scans the whole referencing table once per deleted row. Purging a member with ten thousand usage rows
-- scanned token_reservations and ai_conversations ten thousand times each. Partial, because most rows hold no
-- reference; the planner uses them for the key check's "usage_id = $1".
CREATE INDEX idx_token_reservations_usage ON token_reservations(usage_id) WHERE usage_id IS NOT NULL;
CREATE INDEX idx_ai_conversations_usage ON ai_conversations(usage_id) WHERE usage_id IS NOT NULL;
CREATE INDEX idx_token_purchases_grant ON token_purchases(grant_id) WHERE grant_id IS NOT NULL;
