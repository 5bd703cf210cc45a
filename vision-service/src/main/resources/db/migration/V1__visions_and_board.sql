-- vision-service schema: the seed's vision_versions and vision_board_items, column for column.
-- Differences from the seed, on purpose:
--  * no foreign key to auth.users: users live in the identity provider; user.deleted events purge rows;
--  * auth.uid() is app_current_user_id(), set per transaction from the verified token;
--  * RLS is FORCED (the owner is subject to it too) and a system policy serves event consumers;
--  * members may delete their own DRAFT visions (the seed had no delete policy: nothing could be deleted).

CREATE TABLE IF NOT EXISTS vision_versions (
  id UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id UUID NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  version_number INTEGER NOT NULL DEFAULT 1,

  -- 12 life category sections plus two meta sections
  forward TEXT DEFAULT '',
  fun TEXT DEFAULT '',
  travel TEXT DEFAULT '',
  home TEXT DEFAULT '',
  family TEXT DEFAULT '',
  romance TEXT DEFAULT '',
  health TEXT DEFAULT '',
  money TEXT DEFAULT '',
  business TEXT DEFAULT '',
  social TEXT DEFAULT '',
  possessions TEXT DEFAULT '',
  giving TEXT DEFAULT '',
  spirituality TEXT DEFAULT '',
  conclusion TEXT DEFAULT '',

  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'complete')),
  completion_percentage INTEGER NOT NULL DEFAULT 0
    CHECK (completion_percentage >= 0 AND completion_percentage <= 100),

  last_audio_generated_at TIMESTAMPTZ,

  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_vision_versions_user_id ON vision_versions(user_id);
CREATE INDEX IF NOT EXISTS idx_vision_versions_status ON vision_versions(status);
CREATE INDEX IF NOT EXISTS idx_vision_versions_created_at ON vision_versions(created_at DESC);

ALTER TABLE vision_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE vision_versions FORCE ROW LEVEL SECURITY;

CREATE POLICY "Users can view their own visions" ON vision_versions
  FOR SELECT USING (app_current_user_id() = user_id);

CREATE POLICY "Users can insert their own visions" ON vision_versions
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);

CREATE POLICY "Users can update their own visions" ON vision_versions
  FOR UPDATE USING (app_current_user_id() = user_id);

CREATE POLICY "Users can delete their own draft visions" ON vision_versions
  FOR DELETE USING (app_current_user_id() = user_id AND status = 'draft');

CREATE POLICY "System can manage all visions" ON vision_versions
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());


CREATE TABLE IF NOT EXISTS vision_board_items (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,

  name TEXT NOT NULL,
  description TEXT,

  image_url TEXT,

  categories TEXT[] DEFAULT '{}',

  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'actualized', 'inactive')),
  actualized_at TIMESTAMPTZ,

  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_vision_board_items_user_id ON vision_board_items(user_id);
CREATE INDEX IF NOT EXISTS idx_vision_board_items_status ON vision_board_items(status);
CREATE INDEX IF NOT EXISTS idx_vision_board_items_created_at ON vision_board_items(created_at DESC);

ALTER TABLE vision_board_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE vision_board_items FORCE ROW LEVEL SECURITY;

CREATE POLICY "Users can view their own vision board items" ON vision_board_items
  FOR SELECT USING (app_current_user_id() = user_id);

CREATE POLICY "Users can insert their own vision board items" ON vision_board_items
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);

CREATE POLICY "Users can update their own vision board items" ON vision_board_items
  FOR UPDATE USING (app_current_user_id() = user_id);

CREATE POLICY "Users can delete their own vision board items" ON vision_board_items
  FOR DELETE USING (app_current_user_id() = user_id);

CREATE POLICY "System can manage all vision board items" ON vision_board_items
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON vision_versions, vision_board_items TO ${app_role};
