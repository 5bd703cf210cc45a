-- A member's usage per UTC day, action type and model, kept by a trigger on token_usage in the same transaction as
-- the usage row: the usage summary reads at most a few hundred of these rows instead of aggregating every usage row
-- of the range (a member with ten thousand replies in a month took 240 ms at p50). Holds no more than token_usage
-- does, and goes with it when a member is purged.
CREATE TABLE token_usage_daily (
  user_id UUID NOT NULL,
  day DATE NOT NULL,
  action_type TEXT NOT NULL,
  model_used TEXT NOT NULL,
  tokens BIGINT NOT NULL,
  cost_cents NUMERIC(16, 4) NOT NULL,
  calls BIGINT NOT NULL,
  PRIMARY KEY (user_id, day, action_type, model_used)
);

ALTER TABLE token_usage_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_usage_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can view their own daily usage" ON token_usage_daily
  FOR SELECT USING (app_current_user_id() = user_id);
-- Usage is recorded as system only, so its trigger writes these rows as system.
CREATE POLICY "System manages daily usage" ON token_usage_daily
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
GRANT SELECT, INSERT, UPDATE, DELETE ON token_usage_daily TO ${app_role};

-- Applies a statement's usage rows to their days, set-based (a member's purge deletes thousands in one statement):
-- inserted rows are added, deleted rows taken away, an update does both. A day whose calls reach zero is removed.
CREATE FUNCTION token_usage_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    WITH gone AS (
      SELECT user_id, (created_at AT TIME ZONE 'UTC')::date AS day, action_type, model_used,
             sum(tokens_used) AS tokens, coalesce(sum(cost_estimate), 0) AS cost_cents, count(*) AS calls
        FROM old_rows GROUP BY 1, 2, 3, 4)
    UPDATE token_usage_daily d
       SET tokens = d.tokens - g.tokens, cost_cents = d.cost_cents - g.cost_cents, calls = d.calls - g.calls
      FROM gone g
     WHERE d.user_id = g.user_id AND d.day = g.day AND d.action_type = g.action_type AND d.model_used = g.model_used;
    DELETE FROM token_usage_daily d
     USING (SELECT DISTINCT user_id, (created_at AT TIME ZONE 'UTC')::date AS day, action_type, model_used
              FROM old_rows) g
     WHERE d.user_id = g.user_id AND d.day = g.day AND d.action_type = g.action_type AND d.model_used = g.model_used
       AND d.calls <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO token_usage_daily AS d (user_id, day, action_type, model_used, tokens, cost_cents, calls)
    SELECT user_id, (created_at AT TIME ZONE 'UTC')::date, action_type, model_used,
           sum(tokens_used), coalesce(sum(cost_estimate), 0), count(*)
      FROM new_rows GROUP BY 1, 2, 3, 4
    ON CONFLICT (user_id, day, action_type, model_used) DO UPDATE
      SET tokens = d.tokens + EXCLUDED.tokens, cost_cents = d.cost_cents + EXCLUDED.cost_cents,
          calls = d.calls + EXCLUDED.calls;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER token_usage_daily_insert AFTER INSERT ON token_usage
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION token_usage_daily_apply();
CREATE TRIGGER token_usage_daily_update AFTER UPDATE ON token_usage
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION token_usage_daily_apply();
CREATE TRIGGER token_usage_daily_delete AFTER DELETE ON token_usage
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION token_usage_daily_apply();

-- The days of the usage recorded so far.
SELECT set_config('app.role', 'system', true);
INSERT INTO token_usage_daily (user_id, day, action_type, model_used, tokens, cost_cents, calls)
SELECT user_id, (created_at AT TIME ZONE 'UTC')::date, action_type, model_used,
       sum(tokens_used), coalesce(sum(cost_estimate), 0), count(*)
  FROM token_usage
 GROUP BY 1, 2, 3, 4;
SELECT set_config('app.role', '', true);
