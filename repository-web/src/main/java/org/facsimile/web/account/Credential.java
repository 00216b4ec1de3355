package org.facsimile.web.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and what they may do: the account, the scopes in force (the credential's scopes
 * within the account's role), the session when the call came from a signed-in browser, and when an
 * API token's validity ends (null for a session or a token without an end), which no token it makes
 * may outlive.
 */
public record Credential(Account account, Set<Scope> scopes, UUID sessionId, Instant expiresAt) {

    public Credential {
        scopes = Set.copyOf(scopes);
    }

    /** A credential whose validity has no end of its own. */
    public Credential(Account account, Set<Scope> scopes, UUID sessionId) {
        this(account, scopes, sessionId, null);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
