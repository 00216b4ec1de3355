-- Sign-in: passwords (Argon2id, PHC string), brute-force counters, and web sessions.

ALTER TABLE account
    ADD COLUMN password_hash     varchar(200),
    ADD COLUMN failed_sign_ins   integer      NOT NULL DEFAULT 0,
    ADD COLUMN locked_until      timestamptz,
    ADD COLUMN disabled_at       timestamptz;

-- A browser session: the cookie's secret and the CSRF token are stored only as SHA-256 hashes.
CREATE TABLE web_session (
    id                uuid         PRIMARY KEY,
    account_id        uuid         NOT NULL REFERENCES account (id),
    secret_hash       varchar(64)  NOT NULL UNIQUE,
    csrf_hash         varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    last_seen_at      timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    ended_at          timestamptz,
    remote_address    varchar(100)
);
CREATE INDEX web_session_account_idx ON web_session (account_id);
