-- The time of the vision event a member_visions row came from: an older event (a dead letter replayed after
-- newer ones) changes nothing. member_profiles orders by its version_number instead.
ALTER TABLE member_visions ADD COLUMN source_time TIMESTAMPTZ;
