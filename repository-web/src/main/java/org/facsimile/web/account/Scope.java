package org.facsimile.web.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a credential may be used for. A token carries the scopes it was made with; what it can do
 * is those scopes within its account's role, so a token never outgrows a demoted account.
 */
public enum Scope {
    /** Read one's own private deposits, jobs and reports. */
    READ,
    /** Create, change, submit and publish one's own deposits. */
    DEPOSIT,
    /** Review deposits awaiting a curator. */
    CURATE,
    /** Administer accounts, datasets and the store. */
    ADMIN,
    /**
     * Make and revoke the account's own API tokens. Apart from the others, so that a token given to
     * a script (a harvester with read, say) cannot make itself a longer-lived twin or revoke the
     * owner's other tokens.
     */
    TOKENS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope ofCode(String code) {
        for (Scope scope : values()) {
            if (scope.code().equals(code)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + code + "' (read, deposit, curate, admin, tokens)");
    }

    /** The scopes a role allows. */
    public static Set<Scope> allowedFor(Role role) {
        return switch (role) {
            case DEPOSITOR -> EnumSet.of(READ, DEPOSIT, TOKENS);
            case CURATOR -> EnumSet.of(READ, DEPOSIT, CURATE, TOKENS);
            case ADMIN -> EnumSet.allOf(Scope.class);
        };
    }

    /** Parses a space-separated list, as stored on tokens. */
    public static Set<Scope> parse(String codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : codes.trim().split("\\s+")) {
            if (!code.isEmpty()) {
                scopes.add(ofCode(code));
            }
        }
        return scopes;
    }

    public static String format(Set<Scope> scopes) {
        return String.join(" ", scopes.stream().sorted().map(Scope::code).toList());
    }
}
