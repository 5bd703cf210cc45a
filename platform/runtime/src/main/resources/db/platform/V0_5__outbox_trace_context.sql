-- The W3C trace context of the change an event announces (traceparent), sent as the Kafka record's header so
-- the consumers' effects join the same trace. NULL when the service does not trace (the SDK off).
ALTER TABLE outbox_events ADD COLUMN IF NOT EXISTS trace_parent TEXT;
