-- The guarantee tests' one aggregate: a member's note, and how often it was liked (the consumer's effect: an
-- increment, so an event applied twice would show). RLS as in every service: forced, members see their own
-- rows, consumers work as system.
CREATE TABLE notes (
    id          UUID        PRIMARY KEY,
    user_id     UUID        NOT NULL,
    body        TEXT        NOT NULL DEFAULT '',
    likes       INTEGER     NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_notes_user_id ON notes (user_id);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY "Members manage their own notes" ON notes
    FOR ALL USING (app_current_user_id() = user_id) WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "System manages all notes" ON notes
    FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO ${app_role};
