-- journal-service schema: the seed's journal_entries, column for column, without the foreign key to
-- auth.users, with RLS forced; plus what full-text search needs and the media it may reference.

CREATE TABLE IF NOT EXISTS journal_entries (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,

  date DATE NOT NULL DEFAULT CURRENT_DATE,
  title TEXT,
  content TEXT NOT NULL DEFAULT '',

  categories TEXT[] DEFAULT '{}',

  image_urls TEXT[] DEFAULT '{}',

  audio_recordings JSONB DEFAULT '[]'::jsonb NOT NULL,

  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_journal_entries_user_id ON journal_entries(user_id);
CREATE INDEX IF NOT EXISTS idx_journal_entries_date ON journal_entries(date DESC);
CREATE INDEX IF NOT EXISTS idx_journal_entries_created_at ON journal_entries(created_at DESC);

-- Full-text search over title (weighted higher) and content, maintained by PostgreSQL.
ALTER TABLE journal_entries ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', content), 'B')
) STORED;
CREATE INDEX idx_journal_entries_search ON journal_entries USING GIN (search);

ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_entries FORCE ROW LEVEL SECURITY;

CREATE POLICY "Users can view their own journal entries" ON journal_entries
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can insert their own journal entries" ON journal_entries
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can update their own journal entries" ON journal_entries
  FOR UPDATE USING (app_current_user_id() = user_id);
CREATE POLICY "Users can delete their own journal entries" ON journal_entries
  FOR DELETE USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage all journal entries" ON journal_entries
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

-- Uploaded media objects, projected from media.events: an entry may reference only these, and only its
-- author's.
CREATE TABLE known_media (
  media_url TEXT PRIMARY KEY,
  user_id UUID NOT NULL,
  purpose TEXT NOT NULL,
  content_type TEXT NOT NULL,
  uploaded_at TIMESTAMPTZ
);
CREATE INDEX idx_known_media_user_id ON known_media(user_id);

ALTER TABLE known_media ENABLE ROW LEVEL SECURITY;
ALTER TABLE known_media FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can see their own media" ON known_media
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage known media" ON known_media
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON journal_entries, known_media TO ${app_role};
