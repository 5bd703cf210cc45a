-- A new kind of AI call: audio transcription (speech-to-text of a member's voice recording, made by media-service
-- through an OpenAI-compatible transcription API and charged through the ledger like narration).
--
-- token_usage.action_type keeps the original schema's seven action types and adds audio_transcription, which that
-- schema had no name for since it stored transcripts the client wrote. The seed's CHECK is inline on the column,
-- so PostgreSQL named it <table>_<column>_check.
ALTER TABLE token_usage DROP CONSTRAINT token_usage_action_type_check;
ALTER TABLE token_usage ADD CONSTRAINT token_usage_action_type_check CHECK (action_type IN (
  'assessment_scoring',
  'vision_generation',
  'vision_refinement',
  'blueprint_generation',
  'chat_conversation',
  'audio_generation',
  'image_generation',
  'audio_transcription'
));
