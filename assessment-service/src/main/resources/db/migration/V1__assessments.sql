-- assessment-service schema: the seed's three tables and three enum types exactly (columns, defaults, CHECKs,
-- the unique (assessment, question) constraint, indexes), without the foreign keys to auth.users and
-- user_profiles (profile_version_id is a plain UUID naming one of the member's profile versions, known from
-- profile.events); RLS forced on all three. Plus the projection of profile.events this service answers from.

CREATE TYPE assessment_status AS ENUM (
  'not_started',
  'in_progress',
  'completed'
);

CREATE TYPE green_line_status AS ENUM (
  'above',      -- 80%+ (56-70 points) - Above the Green Line
  'transition', -- 60-79% (42-55 points) - In transition
  'below'       -- <60% (14-41 points) - Below the Green Line
);

CREATE TYPE assessment_category AS ENUM (
  'money', 'health', 'family', 'romance', 'social', 'business',
  'fun', 'travel', 'home', 'possessions', 'giving', 'spirituality'
);

CREATE TABLE assessment_results (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL,

  -- Optional link to profile version (a version of profile-service's: no foreign key across services)
  profile_version_id UUID,

  -- Assessment status
  status assessment_status NOT NULL DEFAULT 'not_started',

  -- Scores
  total_score INTEGER DEFAULT 0,
  max_possible_score INTEGER DEFAULT 840, -- 12 categories x 70 max points
  overall_percentage INTEGER DEFAULT 0,

  -- Category data (JSONB for flexibility)
  category_scores JSONB DEFAULT '{}',
  green_line_status JSONB DEFAULT '{}',

  -- Timestamps
  started_at TIMESTAMPTZ,
  completed_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Metadata
  assessment_version INTEGER DEFAULT 1,
  notes TEXT,

  CONSTRAINT valid_scores CHECK (total_score >= 0 AND total_score <= max_possible_score)
);

CREATE INDEX idx_assessment_results_user_id ON assessment_results(user_id);
CREATE INDEX idx_assessment_results_status ON assessment_results(status);
CREATE INDEX idx_assessment_results_created_at ON assessment_results(created_at DESC);
-- Not in the seed: one assessment in progress per member at a time (the API answers 409 before this fires).
CREATE UNIQUE INDEX assessment_results_one_in_progress ON assessment_results(user_id) WHERE status = 'in_progress';

CREATE TABLE assessment_responses (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id UUID NOT NULL REFERENCES assessment_results(id) ON DELETE CASCADE,

  -- Question data
  question_id TEXT NOT NULL, -- e.g., "money_1", "health_3"
  question_text TEXT NOT NULL,
  category assessment_category NOT NULL,

  -- Response data
  response_value INTEGER NOT NULL CHECK (response_value IN (2, 4, 6, 8, 10)),
  response_text TEXT NOT NULL,
  response_emoji TEXT,
  green_line TEXT NOT NULL CHECK (green_line IN ('above', 'neutral', 'below')),

  -- Timestamps
  answered_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT unique_assessment_question UNIQUE (assessment_id, question_id)
);

CREATE INDEX idx_assessment_responses_assessment_id ON assessment_responses(assessment_id);
CREATE INDEX idx_assessment_responses_category ON assessment_responses(category);

CREATE TABLE assessment_insights (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id UUID NOT NULL REFERENCES assessment_results(id) ON DELETE CASCADE,
  category assessment_category NOT NULL,

  -- Insight data
  insight_type TEXT NOT NULL,
  -- e.g., "strength", "growth_area", "pattern", "recommendation"

  title TEXT NOT NULL,
  description TEXT NOT NULL,
  confidence_score NUMERIC(3, 2) CHECK (confidence_score >= 0 AND confidence_score <= 1),
  supporting_responses JSONB,

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_assessment_insights_assessment_id ON assessment_insights(assessment_id);
CREATE INDEX idx_assessment_insights_category ON assessment_insights(category);

ALTER TABLE assessment_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_results FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment_responses ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_responses FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment_insights ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_insights FORCE ROW LEVEL SECURITY;

CREATE POLICY "Users can view their own assessments" ON assessment_results
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "Users can insert their own assessments" ON assessment_results
  FOR INSERT WITH CHECK (app_current_user_id() = user_id);
CREATE POLICY "Users can update their own assessments" ON assessment_results
  FOR UPDATE USING (app_current_user_id() = user_id);
CREATE POLICY "Users can delete their own assessments" ON assessment_results
  FOR DELETE USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage all assessments" ON assessment_results
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

-- Responses and insights belong to the member whose assessment they are part of.
CREATE POLICY "Users can manage responses of their own assessments" ON assessment_responses
  FOR ALL USING (EXISTS (SELECT 1 FROM assessment_results r
                         WHERE r.id = assessment_responses.assessment_id AND r.user_id = app_current_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_results r
                      WHERE r.id = assessment_responses.assessment_id AND r.user_id = app_current_user_id()));
CREATE POLICY "System can manage all responses" ON assessment_responses
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY "Users can manage insights of their own assessments" ON assessment_insights
  FOR ALL USING (EXISTS (SELECT 1 FROM assessment_results r
                         WHERE r.id = assessment_insights.assessment_id AND r.user_id = app_current_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_results r
                      WHERE r.id = assessment_insights.assessment_id AND r.user_id = app_current_user_id()));
CREATE POLICY "System can manage all insights" ON assessment_insights
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

-- The member's profile versions, projected from profile.events: which ids are theirs (profile_version_id
-- must name one), and for committed versions the answers the question bank branches on.
CREATE TABLE profile_versions (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  in_relationship BOOLEAN,
  has_children BOOLEAN,
  is_active BOOLEAN NOT NULL DEFAULT false,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_profile_versions_user_id ON profile_versions(user_id);

ALTER TABLE profile_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE profile_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can see their own profile versions" ON profile_versions
  FOR SELECT USING (app_current_user_id() = user_id);
CREATE POLICY "System can manage profile versions" ON profile_versions
  FOR ALL USING (app_is_system()) WITH CHECK (app_is_system());

GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_results, assessment_responses, assessment_insights,
  profile_versions TO ${app_role};
