-- A member's usage list is sorted by created_at, then id (UsageQueries): the index now holds both, so a page is read
-- in order and stops after one page. The old (user_id, created_at) index could not give the id order, so every page
-- read and sorted all the member's rows (6,483 rows, 3 ms, for a member with a heavy VIVA month). It is a prefix of
-- the new one, which serves its queries too.
CREATE INDEX idx_token_usage_user_page ON token_usage (user_id, created_at DESC, id DESC);
DROP INDEX idx_token_usage_user_created;
