-- Tombstones (deleted referrers) are forgotten after vf.media.referrer-tombstone-keep: the hourly sweep finds
-- them by age without reading the live referrers.
CREATE INDEX idx_media_referrers_tombstones ON media_referrers(applied_at) WHERE deleted;
