-- The W3C trace context of the change that queued a narration job (traceparent), so the synthesis, which a worker
-- runs later, joins the trace from the member's edit. NULL when the service does not trace.
ALTER TABLE narration_jobs ADD COLUMN IF NOT EXISTS trace_parent TEXT;
