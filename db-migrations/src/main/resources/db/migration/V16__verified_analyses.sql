-- Verified analyses: a reader declares an analysis of a published twin's table (counts, means,
-- quantiles, cross-tabulations, regressions); a worker runs it on the private original and, only
-- when the result passes the disclosure rules, releases it beside the same analysis on the twin.
-- A depositor who allows them sets the rules on the deposit: the minimum cell, the budget (how
-- many analyses the original answers in all, refusals included, since a refusal tells something
-- too) and, for a twin made under differential privacy, the epsilon each analysis spends.
CREATE TABLE analysis_terms (
    deposit_id  uuid              PRIMARY KEY REFERENCES deposit (id),
    min_cell    integer           NOT NULL CHECK (min_cell BETWEEN 5 AND 1000),
    budget      integer           NOT NULL CHECK (budget BETWEEN 1 AND 100000),
    epsilon     double precision  CHECK (epsilon IS NULL OR (epsilon > 0 AND epsilon <= 10)),
    updated_at  timestamptz       NOT NULL
);

-- Rows are never deleted: they are the record of what the original answered, and to whom. Only
-- what passed the rules is kept of the original (original_outcome); a refusal keeps its rule.
CREATE TABLE verified_analysis (
    id               uuid          PRIMARY KEY,
    deposit_id       uuid          NOT NULL REFERENCES deposit (id),
    dataset_id       uuid          NOT NULL REFERENCES dataset (id),
    version_number   integer       NOT NULL,
    requester_id     uuid          NOT NULL REFERENCES account (id),
    table_name       varchar(255)  NOT NULL,
    declared         text          NOT NULL,
    state            varchar(12)   NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'RELEASED', 'REFUSED', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0,
    lease_owner      varchar(200),
    lease_until      timestamptz,
    submitted_at     timestamptz   NOT NULL,
    finished_at      timestamptz,
    rule             varchar(40),
    original_outcome text,
    twin_outcome     text,
    failure_reason   text,
    CHECK (state <> 'REFUSED' OR rule IS NOT NULL)
);
CREATE INDEX verified_analysis_queue_idx ON verified_analysis (submitted_at) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX verified_analysis_requester_idx ON verified_analysis (requester_id, submitted_at);
CREATE INDEX verified_analysis_deposit_idx ON verified_analysis (deposit_id, submitted_at);
