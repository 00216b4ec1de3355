-- Events counted against a limit over a sliding window (failed sign-ins per address, uploads per
-- account), kept here so that a limit holds whichever web node is asked. The key is stored only
-- as a SHA-256 hash: no address and no account id. Events older than their window are deleted as
-- new ones of the same kind arrive.
CREATE TABLE rate_event (
    bucket    varchar(40)  NOT NULL,
    key_hash  char(64)     NOT NULL,
    at        timestamptz  NOT NULL
);
CREATE INDEX rate_event_key_idx ON rate_event (bucket, key_hash, at);
CREATE INDEX rate_event_age_idx ON rate_event (bucket, at);
