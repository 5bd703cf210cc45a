-- A member's pages read newest first and stop after one page, instead of reading and sorting every entry of the
-- member: the list in its exact order (date, then created_at, then id, as JournalEntryRepository sorts it) and the
-- recent entries (created_at). With only user_id indexed, a page cost as much as the member's whole journal.
CREATE INDEX idx_journal_entries_user_page ON journal_entries (user_id, date DESC, created_at DESC, id);
CREATE INDEX idx_journal_entries_user_created ON journal_entries (user_id, created_at DESC);
