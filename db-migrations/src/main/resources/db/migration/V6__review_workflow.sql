-- The review workflow: a curator's review when the repository requires one, rejection, every
-- state change recorded, and an admin's recorded override of a failed privacy verdict.

ALTER TABLE deposit DROP CONSTRAINT deposit_state_check;
ALTER TABLE deposit ADD CONSTRAINT deposit_state_check CHECK (state IN
    ('DRAFT', 'SUBMITTED', 'SYNTHESIZING', 'READY_FOR_REVIEW', 'IN_REVIEW', 'PUBLISHED', 'REJECTED',
     'FAILED', 'WITHDRAWN'));

-- One row per state change, written by the trigger below whoever makes the change (the web
-- node's JPA code or the worker's plain SQL). The actor is the account the transaction names with
-- set_config('facsimile.actor', id, true); none for the worker.
CREATE TABLE deposit_transition (
    id            bigserial     PRIMARY KEY,
    deposit_id    uuid          NOT NULL REFERENCES deposit (id) ON DELETE CASCADE,
    from_state    varchar(24),
    to_state      varchar(24)   NOT NULL,
    actor_id      uuid,
    note          text,
    at            timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX deposit_transition_deposit_idx ON deposit_transition (deposit_id, id);

CREATE FUNCTION deposit_record_transition() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state THEN
        INSERT INTO deposit_transition (deposit_id, from_state, to_state, actor_id, note)
        VALUES (NEW.id,
                CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.state END,
                NEW.state,
                NULLIF(current_setting('facsimile.actor', true), '')::uuid,
                NULLIF(current_setting('facsimile.note', true), ''));
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER deposit_transition_record
    AFTER INSERT OR UPDATE OF state ON deposit
    FOR EACH ROW EXECUTE FUNCTION deposit_record_transition();

-- The states so far, for deposits made before this migration.
INSERT INTO deposit_transition (deposit_id, from_state, to_state, at)
SELECT id, NULL, state, updated_at FROM deposit;

-- An admin may publish despite a failed privacy verdict, for that synthesis only, with a reason.
ALTER TABLE synthesis_job
    ADD COLUMN privacy_override_by      uuid REFERENCES account (id),
    ADD COLUMN privacy_override_at      timestamptz,
    ADD COLUMN privacy_override_reason  text;

-- Right to erasure: after publication the private input can be erased; the record of what it
-- was (name, size, checksum) stays as provenance.
ALTER TABLE deposit_file ADD COLUMN erased_at timestamptz;
