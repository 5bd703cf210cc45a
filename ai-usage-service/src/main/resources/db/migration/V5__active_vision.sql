-- Which vision VIVA is grounded in: the member's active version, named by the latest vision.completed or
-- vision.activated event (its time, so events applied out of order still agree with vision-service). Before
-- this, vision-service's active version was the most recently updated complete one; the backfill follows it.
ALTER TABLE member_visions ADD COLUMN IF NOT EXISTS activated_at TIMESTAMPTZ;

SELECT set_config('app.role', 'system', true);
UPDATE member_visions SET activated_at = coalesce(source_time, updated_at) WHERE status = 'complete';
SELECT set_config('app.role', '', true);
