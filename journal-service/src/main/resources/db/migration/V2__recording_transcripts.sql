-- Transcripts of voice recordings: media-service transcribes an upload and announces it
-- (media.recording.transcribed); the platform's KnownMedia keeps it with the upload and copies it into the
-- entries' audio_recordings that reference it (each recording's transcript, transcript_status, transcript_note).

ALTER TABLE known_media ADD COLUMN IF NOT EXISTS transcript_status TEXT;
ALTER TABLE known_media ADD COLUMN IF NOT EXISTS transcript TEXT;
ALTER TABLE known_media ADD COLUMN IF NOT EXISTS transcript_note TEXT;

-- Recordings uploaded before transcription existed never get one: say so instead of "pending" for good.
UPDATE known_media SET transcript_status = 'unavailable',
  transcript_note = 'recorded before transcription was available'
WHERE purpose IN ('journal_audio', 'journal_video', 'story_recording') AND transcript_status IS NULL;

-- Search finds an entry by its recordings' transcripts too (weighted below title and content).
DROP INDEX IF EXISTS idx_journal_entries_search;
ALTER TABLE journal_entries DROP COLUMN search;
ALTER TABLE journal_entries ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce(title, '')), 'A')
  || setweight(to_tsvector('english', content), 'B')
  || setweight(to_tsvector('english',
       jsonb_path_query_array(audio_recordings, '$[*].transcript ? (@ != null)')::text), 'C')
) STORED;
CREATE INDEX idx_journal_entries_search ON journal_entries USING GIN (search);
