-- A published dataset taken out of circulation (a legal request, a mistake found after release).
-- Its files are no longer served and it leaves the catalogue and the search index; harvesters see
-- a deleted record dated by the withdrawal (OAI-PMH persistent tombstones), and its landing page
-- and DOI answer 410 Gone with the reason. The dataset and its versions stay: provenance is never
-- erased, and a withdrawal is not undone (one row per dataset, never deleted).
CREATE TABLE dataset_withdrawal (
    dataset_id     uuid           PRIMARY KEY REFERENCES dataset (id),
    withdrawn_at   timestamptz    NOT NULL,
    withdrawn_by   uuid           NOT NULL REFERENCES account (id),
    reason         varchar(2000)  NOT NULL CHECK (length(btrim(reason)) > 0)
);

-- OAI-PMH lists tombstones by date with the published records
CREATE INDEX dataset_withdrawal_at_idx ON dataset_withdrawal (withdrawn_at);

CREATE FUNCTION dataset_withdrawal_is_final() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a withdrawal is final: dataset_withdrawal is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dataset_withdrawal_final
    BEFORE UPDATE OR DELETE ON dataset_withdrawal
    FOR EACH ROW EXECUTE FUNCTION dataset_withdrawal_is_final();
