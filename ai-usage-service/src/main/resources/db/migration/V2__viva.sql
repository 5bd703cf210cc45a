-- VIVA, the AI coach: threads of messages (both roles) and the member data it answers from.
--
-- ai_conversations is the seed's table, exactly (its CHECK, indexes, RLS and select policy; no foreign key to
-- auth.users), extended with additive columns only: the thread a message belongs to and, for an assistant
-- turn, what it cost. The seed kept only assistant turns; both roles are stored now.

-- A thread: what the member sees in their conversation list.
CREATE TABLE conversations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,
  title TEXT,                                   -- null until set or taken from the first message
  mode TEXT NOT NULL DEFAULT 'coach' CHECK (mode IN ('vision_builder', 'refinement', 'coach', 'master')),
  category TEXT CHECK (category IN ('fun', 'travel', 'home', 'family', 'romance', 'health', 'money', 'business',
                                    'social', 'possessions', 'giving', 'spirituality')),
  vision_id UUID,                               -- the vision this thread works on (vision-service's id)
  message_count INTEGER NOT NULL DEFAULT 0 CHECK (message_count >= 0),
  last_message_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
-- The list's order: latest activity first.
CREATE INDEX idx_conversations_user_activity ON conversations(user_id, (coalesce(last_message_at, created_at)) DESC, id DESC);

CREATE TABLE IF NOT EXISTS ai_conversations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,

  -- Message data
  message TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),

  -- Context
  context JSONB DEFAULT '{}',
  -- Contains: { visionBuildPhase, category, isInitialGreeting, ... }

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_ai_conversations_user_id ON ai_conversations(user_id);
CREATE INDEX IF NOT EXISTS idx_ai_conversations_created_at ON ai_conversations(created_at DESC);

-- Additive: the thread, and an assistant turn's usage (token_usage row, tokens charged, the provider's counts).
ALTER TABLE ai_conversations ADD COLUMN conversation_id UUID REFERENCES conversations(id) ON DELETE CASCADE;
ALTER TABLE ai_conversations ADD COLUMN usage_id UUID REFERENCES token_usage(id) ON DELETE SET NULL;
ALTER TABLE ai_conversations ADD COLUMN tokens_used INTEGER;
ALTER TABLE ai_conversations ADD COLUMN input_tokens INTEGER;
ALTER TABLE ai_conversations ADD COLUMN output_tokens INTEGER;
ALTER TABLE ai_conversations ADD COLUMN model TEXT;
CREATE INDEX idx_ai_conversations_thread ON ai_conversations(conversation_id, created_at, id);

ALTER TABLE ai_conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_conversations FORCE ROW LEVEL SECURITY;
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;

-- The seed's policy, then the writes the service makes: a member's own turns are inserted as the member,
-- assistant turns (written when the model's stream ends) as system.
CREATE POLICY "Users can view their own conversations" ON ai_conversations
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can add their own turns" ON ai_conversations
  FOR INSERT WITH CHECK (app_current_user_id() = user_id AND role = 'user');
CREATE POLICY "System can manage conversations" ON ai_conversations
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

CREATE POLICY "Users can view their own threads" ON conversations FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can start their own threads" ON conversations FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can update their own threads" ON conversations
  FOR UPDATE USING (app_current_user_id() = user_id) WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can delete their own threads" ON conversations FOR DELETE USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage threads" ON conversations FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

-- What VIVA answers from, projected from other services' events (DESIGN §10: no calls to answer a message).
-- Written by consumers as system only; members never read these tables directly.
CREATE TABLE member_profiles (                  -- profile.version.committed: the member's committed profile
  user_id UUID PRIMARY KEY,
  profile_id UUID NOT NULL,
  version_number INTEGER NOT NULL,
  profile JSONB NOT NULL DEFAULT '{}',
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE TABLE member_visions (                   -- vision.created/updated/completed/deleted: every version
  vision_id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  version_number INTEGER NOT NULL,
  status TEXT NOT NULL,
  title TEXT,
  sections JSONB NOT NULL DEFAULT '{}',         -- section key -> text
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_member_visions_user ON member_visions(user_id, version_number DESC);
CREATE TABLE member_assessments (               -- assessment.completed/deleted: completed assessments
  assessment_id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  completed_at TIMESTAMPTZ NOT NULL,
  overall_percentage INTEGER NOT NULL,
  category_scores JSONB NOT NULL DEFAULT '{}',
  green_line_status JSONB NOT NULL DEFAULT '{}',
  insights JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX idx_member_assessments_user ON member_assessments(user_id, completed_at DESC);

ALTER TABLE member_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_profiles FORCE ROW LEVEL SECURITY;
ALTER TABLE member_visions ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_visions FORCE ROW LEVEL SECURITY;
ALTER TABLE member_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY "System keeps profiles" ON member_profiles FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "System keeps visions" ON member_visions FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "System keeps assessments" ON member_assessments FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON conversations, ai_conversations, member_profiles, member_visions,
  member_assessments TO ${app_role};
