-- The time of the vision event the section texts came from: an older event (a dead letter replayed after
-- newer ones) changes nothing and queues no narration.
ALTER TABLE vision_sections ADD COLUMN source_time TIMESTAMPTZ;
