-- Access to the restricted original of a published twin, as Dataverse's and InvenioRDM's access
-- requests allow. A depositor who takes requests sets the terms on the deposit whose input is the
-- original: the data use agreement a requester accepts, who decides (the depositor, the curators,
-- or either) and how long a grant lasts. A signed-in reader asks with a purpose; a decider grants
-- or refuses with a reason; a grant lets that reader download the original until it expires or is
-- revoked. Rows are never deleted: the history of requests is the record of who saw the original.
CREATE TABLE access_terms (
    deposit_id  uuid          PRIMARY KEY REFERENCES deposit (id),
    agreement   text          NOT NULL CHECK (length(agreement) BETWEEN 20 AND 20000),
    deciders    varchar(16)   NOT NULL CHECK (deciders IN ('DEPOSITOR', 'CURATORS', 'EITHER')),
    grant_days  integer       NOT NULL CHECK (grant_days BETWEEN 1 AND 3650),
    updated_at  timestamptz   NOT NULL
);

CREATE TABLE access_request (
    id               uuid          PRIMARY KEY,
    deposit_id       uuid          NOT NULL REFERENCES deposit (id),
    dataset_id       uuid          NOT NULL REFERENCES dataset (id),
    version_number   integer       NOT NULL,
    requester_id     uuid          NOT NULL REFERENCES account (id),
    purpose          text          NOT NULL,
    agreement_sha256 varchar(64)   NOT NULL,
    -- the terms when it was asked, which govern it whatever they become later
    deciders         varchar(16)   NOT NULL CHECK (deciders IN ('DEPOSITOR', 'CURATORS', 'EITHER')),
    grant_days       integer       NOT NULL CHECK (grant_days BETWEEN 1 AND 3650),
    state            varchar(12)   NOT NULL CHECK (state IN ('PENDING', 'GRANTED', 'REFUSED', 'REVOKED', 'WITHDRAWN')),
    requested_at     timestamptz   NOT NULL,
    decided_at       timestamptz,
    decided_by       uuid          REFERENCES account (id),
    reason           text,
    expires_at       timestamptz,
    CHECK (state <> 'GRANTED' OR expires_at IS NOT NULL)
);
CREATE INDEX access_request_deposit_idx ON access_request (deposit_id, requested_at);
CREATE INDEX access_request_requester_idx ON access_request (requester_id, requested_at);
CREATE INDEX access_request_pending_idx ON access_request (requested_at) WHERE state = 'PENDING';
