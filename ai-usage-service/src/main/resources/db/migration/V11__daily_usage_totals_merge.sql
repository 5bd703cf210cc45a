-- The daily totals' trigger (V10) took a deleted row's days away with an UPDATE joined to the statement's rows and
-- then removed the emptied days with a DELETE joined to them again. For that DELETE the planner expected no emptied
-- day and scanned token_usage_daily, re-aggregating the deleted rows for every emptied day it met: one statement
-- deleting 100,000 usage rows ran for over ten minutes. One MERGE does both in a single join that starts from the
-- statement's rows (grouped once) and finds each day by its primary key.
CREATE OR REPLACE FUNCTION token_usage_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    MERGE INTO token_usage_daily d
    USING (SELECT user_id, (created_at AT TIME ZONE 'UTC')::date AS day, action_type, model_used,
                  sum(tokens_used) AS tokens, coalesce(sum(cost_estimate), 0) AS cost_cents, count(*) AS calls
             FROM old_rows GROUP BY 1, 2, 3, 4) g
       ON d.user_id = g.user_id AND d.day = g.day AND d.action_type = g.action_type AND d.model_used = g.model_used
    WHEN MATCHED AND d.calls <= g.calls THEN DELETE
    WHEN MATCHED THEN UPDATE
      SET tokens = d.tokens - g.tokens, cost_cents = d.cost_cents - g.cost_cents, calls = d.calls - g.calls;
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
