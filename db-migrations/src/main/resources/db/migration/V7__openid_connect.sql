-- Sign-in through an OpenID Connect provider (an institution's single sign-on), when configured.

-- An account's identity at a provider: the (issuer, subject) pair the provider vouches for in its
-- ID tokens. Accounts are found by this pair only, never by e-mail address (a provider that lets
-- users set their address would otherwise hand out other people's accounts).
CREATE TABLE account_identity (
    id            uuid          PRIMARY KEY,
    account_id    uuid          NOT NULL REFERENCES account (id),
    issuer        varchar(500)  NOT NULL,
    subject       varchar(255)  NOT NULL,
    created_at    timestamptz   NOT NULL,
    last_used_at  timestamptz   NOT NULL,
    UNIQUE (issuer, subject)
);
CREATE INDEX account_identity_account_idx ON account_identity (account_id);

-- A sign-in under way, between the redirect to the provider and its return: the state (stored
-- hashed, used once), the nonce the ID token must carry, the PKCE verifier of the code challenge
-- sent, and where to go afterwards. Rows older than ten minutes are worthless and are deleted.
CREATE TABLE oidc_sign_in (
    state_hash     varchar(64)   PRIMARY KEY,
    nonce          varchar(128)  NOT NULL,
    code_verifier  varchar(128)  NOT NULL,
    return_to      varchar(500)  NOT NULL,
    created_at     timestamptz   NOT NULL
);
CREATE INDEX oidc_sign_in_created_idx ON oidc_sign_in (created_at);
