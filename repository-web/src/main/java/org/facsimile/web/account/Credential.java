package org.facsimile.web.account;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and what they may do: the account, the scopes in force (the credential's scopes
 * within the account's role), and the session when the call came from a signed-in browser.
 */
public record Credential(Account account, Set<Scope> scopes, UUID sessionId) {

    public Credential {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
