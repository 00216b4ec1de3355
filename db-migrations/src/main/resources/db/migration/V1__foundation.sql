-- Facsimile schema, version 1: the foundation of the deposit -> synthesis -> publish path.
-- Flyway owns the schema; Hibernate only validates against it.

CREATE TABLE account (
    id              uuid         PRIMARY KEY,
    username        varchar(64)  NOT NULL UNIQUE,
    display_name    varchar(200) NOT NULL,
    email           varchar(320),
    role            varchar(16)  NOT NULL CHECK (role IN ('DEPOSITOR', 'CURATOR', 'ADMIN')),
    created_at      timestamptz  NOT NULL
);

-- API tokens are stored only as SHA-256 hashes; the clear token is shown once.
CREATE TABLE api_token (
    id              uuid         PRIMARY KEY,
    account_id      uuid         NOT NULL REFERENCES account (id),
    token_hash      varchar(64)  NOT NULL UNIQUE,
    label           varchar(200) NOT NULL,
    scopes          varchar(200) NOT NULL,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    last_used_at    timestamptz
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

CREATE TABLE deposit (
    id              uuid         PRIMARY KEY,
    owner_id        uuid         NOT NULL REFERENCES account (id),
    state           varchar(24)  NOT NULL CHECK (state IN
                        ('DRAFT', 'SUBMITTED', 'SYNTHESIZING', 'READY_FOR_REVIEW', 'PUBLISHED', 'FAILED', 'WITHDRAWN')),
    title           varchar(500) NOT NULL,
    description     text,
    creators        jsonb        NOT NULL DEFAULT '[]',
    keywords        jsonb        NOT NULL DEFAULT '[]',
    licence         varchar(200) NOT NULL,
    source_url      varchar(2000),
    doi             varchar(200) NOT NULL UNIQUE,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    submitted_at    timestamptz,
    row_version     bigint       NOT NULL DEFAULT 0
);
CREATE INDEX deposit_owner_idx ON deposit (owner_id, created_at DESC);

-- One uploaded CSV table. table_schema is the CSVW tableSchema of the table (JSON text),
-- inferred at upload and editable until the deposit is submitted.
CREATE TABLE deposit_file (
    id              uuid          PRIMARY KEY,
    deposit_id      uuid          NOT NULL REFERENCES deposit (id) ON DELETE CASCADE,
    file_name       varchar(255)  NOT NULL,
    table_name      varchar(255)  NOT NULL,
    media_type      varchar(100)  NOT NULL,
    byte_size       bigint        NOT NULL CHECK (byte_size >= 0),
    sha256          varchar(64)   NOT NULL,
    storage_key     varchar(500)  NOT NULL,
    row_count       bigint        NOT NULL CHECK (row_count >= 0),
    table_schema    text          NOT NULL,
    created_at      timestamptz   NOT NULL,
    UNIQUE (deposit_id, file_name),
    UNIQUE (deposit_id, table_name)
);

-- The work queue. Workers claim with FOR UPDATE SKIP LOCKED and hold a lease they renew by
-- heartbeat; a job whose lease ran out (its worker died) is claimed again, up to max_attempts.
CREATE TABLE synthesis_job (
    id              uuid          PRIMARY KEY,
    deposit_id      uuid          NOT NULL REFERENCES deposit (id),
    state           varchar(16)   NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    step            varchar(16)   NOT NULL CHECK (step IN
                        ('QUEUED', 'PROFILING', 'TRAINING', 'GENERATING', 'EVALUATING', 'DONE', 'FAILED')),
    settings        text          NOT NULL,
    attempts        integer       NOT NULL DEFAULT 0,
    max_attempts    integer       NOT NULL DEFAULT 3,
    lease_owner     varchar(200),
    lease_until     timestamptz,
    failure_reason  text,
    result_key      varchar(500),
    report          text,
    created_at      timestamptz   NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX synthesis_job_claim_idx ON synthesis_job (state, created_at);
CREATE INDEX synthesis_job_deposit_idx ON synthesis_job (deposit_id, created_at DESC);

-- The progress history of a job, one row per step entered (what the progress view streams).
CREATE TABLE synthesis_job_event (
    id              bigserial     PRIMARY KEY,
    job_id          uuid          NOT NULL REFERENCES synthesis_job (id),
    attempt         integer       NOT NULL,
    step            varchar(16)   NOT NULL,
    message         text,
    at              timestamptz   NOT NULL
);
CREATE INDEX synthesis_job_event_job_idx ON synthesis_job_event (job_id, id);

CREATE TABLE dataset (
    id                 uuid         PRIMARY KEY,
    owner_id           uuid         NOT NULL REFERENCES account (id),
    deposit_id         uuid         NOT NULL UNIQUE REFERENCES deposit (id),
    created_at         timestamptz  NOT NULL
);

CREATE TABLE dataset_version (
    id                 uuid          PRIMARY KEY,
    dataset_id         uuid          NOT NULL REFERENCES dataset (id),
    version_number     integer       NOT NULL CHECK (version_number > 0),
    job_id             uuid          NOT NULL UNIQUE REFERENCES synthesis_job (id),
    doi                varchar(200)  NOT NULL UNIQUE,
    title              varchar(500)  NOT NULL,
    description        text,
    creators           jsonb         NOT NULL DEFAULT '[]',
    keywords           jsonb         NOT NULL DEFAULT '[]',
    licence            varchar(200)  NOT NULL,
    source_url         varchar(2000),
    synthetic          boolean       NOT NULL,
    quality_summary    text,
    published_at       timestamptz   NOT NULL,
    UNIQUE (dataset_id, version_number)
);

CREATE TABLE distribution (
    id                 uuid          PRIMARY KEY,
    version_id         uuid          NOT NULL REFERENCES dataset_version (id),
    file_name          varchar(255)  NOT NULL,
    title              varchar(500)  NOT NULL,
    media_type         varchar(100)  NOT NULL,
    byte_size          bigint        NOT NULL CHECK (byte_size >= 0),
    sha256             varchar(64)   NOT NULL,
    storage_key        varchar(500)  NOT NULL,
    table_name         varchar(255),
    row_count          bigint,
    UNIQUE (version_id, file_name)
);

-- DOIs are reserved at deposit time and registered (made findable) at publish.
CREATE TABLE doi (
    doi                varchar(200)  PRIMARY KEY,
    state              varchar(16)   NOT NULL CHECK (state IN ('RESERVED', 'FINDABLE')),
    registrar          varchar(32)   NOT NULL,
    deposit_id         uuid          NOT NULL REFERENCES deposit (id),
    version_id         uuid          REFERENCES dataset_version (id),
    target_url         varchar(2000),
    created_at         timestamptz   NOT NULL,
    registered_at      timestamptz
);

-- Side effects on other systems (search index, DataCite) are written here in the same
-- transaction as the change and relayed later, so a system being down delays them, loses nothing.
CREATE TABLE outbox (
    id                 bigserial     PRIMARY KEY,
    topic              varchar(64)   NOT NULL,
    aggregate_id       uuid          NOT NULL,
    created_at         timestamptz   NOT NULL,
    attempts           integer       NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz   NOT NULL,
    last_error         text,
    done_at            timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE done_at IS NULL;

-- Append-only: the trigger below refuses updates and deletes.
CREATE TABLE audit_event (
    id                 bigserial     PRIMARY KEY,
    at                 timestamptz   NOT NULL,
    actor_id           uuid,
    action             varchar(64)   NOT NULL,
    target_type        varchar(64)   NOT NULL,
    target_id          varchar(200)  NOT NULL,
    detail             text,
    remote_address     varchar(100)
);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id, at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
