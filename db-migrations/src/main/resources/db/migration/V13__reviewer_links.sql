-- Private links to an unpublished deposit's would-be landing page, its report summary and its
-- synthetic tables, for people without an account (a journal's reviewers). The secret is in the
-- link alone: only its SHA-256 is kept, as for API tokens. A link ends at its expiry or when its
-- depositor revokes it; rows are kept after that, so the deposit's history can say who shared
-- what and how often it was opened.
CREATE TABLE reviewer_link (
    id            uuid          PRIMARY KEY,
    deposit_id    uuid          NOT NULL REFERENCES deposit (id),
    token_hash    varchar(64)   NOT NULL UNIQUE,
    label         varchar(200)  NOT NULL,
    created_by    uuid          NOT NULL REFERENCES account (id),
    created_at    timestamptz   NOT NULL,
    expires_at    timestamptz   NOT NULL,
    revoked_at    timestamptz,
    revoked_by    uuid          REFERENCES account (id),
    last_used_at  timestamptz,
    uses          integer       NOT NULL DEFAULT 0 CHECK (uses >= 0),
    CHECK (expires_at > created_at),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX reviewer_link_deposit_idx ON reviewer_link (deposit_id, created_at);
