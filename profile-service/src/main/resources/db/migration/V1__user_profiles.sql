-- profile-service schema: the seed's user_profiles, column for column with the seed's types and defaults,
-- without the foreign key to auth.users (the member is the token's subject; user.deleted purges), with RLS
-- forced.
--
-- The seed declares user_id UNIQUE, yet the same table holds every version of a member's profile (its
-- versioning columns). That UNIQUE is replaced by two partial unique indexes: at most one active version
-- per member (is_active AND NOT is_draft) and at most one draft per member (is_draft). They are the
-- database's guarantee; profile-service also serialises a member's version changes (an advisory lock).
--
-- parent_version_id keeps its self-reference. Deleting a version that others name as their parent
-- re-parents them to the deleted version's own parent (profile-service does it in the deleting
-- transaction), so lineage skips the gap instead of breaking; ON DELETE SET NULL backs that up for any
-- other delete (a purge of every row of a member).

CREATE TABLE IF NOT EXISTS user_profiles (
  id UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id UUID NOT NULL,

  -- ===== BASIC PROFILE FIELDS =====
  first_name TEXT,
  last_name TEXT,
  email TEXT,
  phone TEXT,
  profile_picture_url TEXT,
  date_of_birth DATE,
  gender TEXT,
  ethnicity TEXT,

  -- ===== RELATIONSHIP & FAMILY =====
  relationship_status TEXT,
  relationship_length TEXT,
  partner_name TEXT,
  has_children BOOLEAN DEFAULT false,
  number_of_children INTEGER DEFAULT 0,
  children_ages TEXT[],

  -- ===== LOCATION =====
  city TEXT,
  state TEXT,
  postal_code TEXT,
  country TEXT,
  living_situation TEXT,
  time_at_location TEXT,

  -- ===== CAREER & INCOME =====
  employment_type TEXT,
  occupation TEXT,
  company TEXT,
  time_in_role TEXT,
  currency TEXT,
  household_income TEXT,
  savings_retirement TEXT,
  assets_equity TEXT,
  consumer_debt TEXT,

  -- ===== LIFE VISION STORIES (12 CATEGORIES) =====
  current_story TEXT,
  desired_story TEXT,
  health_vitality_story TEXT,
  romance_partnership_story TEXT,
  family_parenting_story TEXT,
  social_friends_story TEXT,
  career_work_story TEXT,
  money_wealth_story TEXT,
  fun_recreation_story TEXT,
  travel_adventure_story TEXT,
  home_environment_story TEXT,
  possessions_lifestyle_story TEXT,
  spirituality_growth_story TEXT,
  giving_legacy_story TEXT,

  -- ===== STRUCTURED DATA (12 CATEGORIES) =====
  hobbies TEXT[],
  leisure_time_weekly TEXT,
  travel_frequency TEXT, -- 'never' | 'yearly' | 'quarterly' | 'monthly'
  passport BOOLEAN,
  countries_visited INTEGER,
  close_friends_count TEXT,
  social_preference TEXT, -- 'introvert' | 'ambivert' | 'extrovert'
  lifestyle_category TEXT, -- 'minimalist' | 'moderate' | 'comfortable' | 'luxury'
  primary_vehicle TEXT,
  spiritual_practice TEXT,
  meditation_frequency TEXT,
  personal_growth_focus BOOLEAN,
  volunteer_status TEXT,
  charitable_giving TEXT,
  legacy_mindset BOOLEAN,
  units TEXT,
  height INTEGER,
  weight INTEGER,
  exercise_frequency TEXT,
  health_conditions TEXT,
  medications TEXT,
  education_level TEXT,

  -- ===== MEDIA =====
  progress_photos TEXT[],
  story_recordings JSONB, -- Audio/video recordings with transcripts

  -- ===== TOKEN TRACKING (filled from ai-usage events by a later change; read-only through the API) =====
  vibe_assistant_tokens_used INTEGER DEFAULT 0,
  vibe_assistant_tokens_remaining INTEGER DEFAULT 100,
  vibe_assistant_total_cost DECIMAL(10,2) DEFAULT 0,
  token_rollover_cycles INTEGER DEFAULT 0,
  token_last_drip_date TIMESTAMPTZ,
  auto_topup_enabled BOOLEAN DEFAULT false,
  auto_topup_pack_id TEXT,
  storage_quota_gb INTEGER DEFAULT 5,

  -- ===== VERSIONING SYSTEM =====
  version_number INTEGER DEFAULT 1,
  is_draft BOOLEAN DEFAULT false,
  is_active BOOLEAN DEFAULT false,
  version_notes TEXT,
  parent_version_id UUID REFERENCES user_profiles(id) ON DELETE SET NULL,
  completion_percentage INTEGER DEFAULT 0,

  -- ===== METADATA =====
  ai_tags JSONB,

  -- ===== TIMESTAMPS =====
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_user_profiles_user_id ON user_profiles(user_id);

-- The two version invariants (instead of the seed's UNIQUE user_id, see above).
CREATE UNIQUE INDEX user_profiles_one_active_per_member ON user_profiles(user_id) WHERE is_active AND NOT is_draft;
CREATE UNIQUE INDEX user_profiles_one_draft_per_member ON user_profiles(user_id) WHERE is_draft;
-- Children of a version, found when it is deleted.
CREATE INDEX idx_user_profiles_parent_version_id ON user_profiles(parent_version_id);

ALTER TABLE user_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_profiles FORCE ROW LEVEL SECURITY;

CREATE POLICY "Users can view their own profiles" ON user_profiles
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can insert their own profiles" ON user_profiles
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can update their own profiles" ON user_profiles
  FOR UPDATE USING (app_current_user_id() = user_id);
-- Not in the seed: members delete their own versions, never the active one.
CREATE POLICY "Users can delete their own inactive profile versions" ON user_profiles
  FOR DELETE USING (app_current_user_id() = user_id AND NOT (is_active AND NOT is_draft));
CREATE POLICY "System can manage all profiles" ON user_profiles
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON user_profiles TO ${app_role};
