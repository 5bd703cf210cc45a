-- Platform tables and functions every service's database carries.
-- Migrated by the owner role; ${app_role} is the login role the service runs as (no BYPASSRLS).

-- Row-level security context. The application sets these per transaction with
-- set_config(..., true) (see RowLevelSecurityBinder); a transaction that set nothing sees nothing.
CREATE OR REPLACE FUNCTION app_current_user_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- The seed's "service role": event consumers and jobs run as system, explicitly.
CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('app.role', true), '') = 'system' $$;

-- Transactional outbox: written in the same transaction as the change it announces,
-- published in seq order by OutboxRelay, marked sent only after the broker acknowledged it.
CREATE TABLE outbox_events (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload      JSONB       NOT NULL,
    sent_at      TIMESTAMPTZ,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX idx_outbox_events_unsent ON outbox_events (seq) WHERE sent_at IS NULL;
CREATE INDEX idx_outbox_events_sent_at ON outbox_events (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotent consumption: an event id is recorded in the same transaction as its effect.
CREATE TABLE processed_events (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_events, processed_events TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE outbox_events_seq_seq TO ${app_role};
GRANT EXECUTE ON FUNCTION app_current_user_id(), app_is_system() TO ${app_role};
