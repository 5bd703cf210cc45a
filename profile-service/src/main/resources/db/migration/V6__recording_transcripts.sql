-- Transcripts of story recordings: media-service transcribes an upload and announces it
-- (media.recording.transcribed); the platform's KnownMedia keeps it with the upload and copies it into the
-- story_recordings that reference it (each recording's transcript, transcript_status, transcript_note).
ALTER TABLE known_media ADD COLUMN IF NOT EXISTS transcript_status TEXT;
ALTER TABLE known_media ADD COLUMN IF NOT EXISTS transcript TEXT;
ALTER TABLE known_media ADD COLUMN IF NOT EXISTS transcript_note TEXT;

-- Recordings uploaded before transcription existed never get one: say so instead of "pending" for good.
UPDATE known_media SET transcript_status = 'unavailable',
  transcript_note = 'recorded before transcription was available'
WHERE purpose IN ('journal_audio', 'journal_video', 'story_recording') AND transcript_status IS NULL;
