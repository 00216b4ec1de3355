package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import org.facsimile.web.platform.ProblemException;

/** The account behind the current request, set by {@link TokenAuthenticationFilter}. */
@RequestScoped
public class Caller {

    private Account account;
    private String remoteAddress;

    void authenticated(Account account) {
        this.account = account;
    }

    void from(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    /** The caller's account; a 401 when the request carried no valid token. */
    public Account account() {
        if (account == null) {
            throw new ProblemException(
                    401,
                    "unauthenticated",
                    "Unauthorized",
                    "a valid API token is required (Authorization: Bearer <token>)");
        }
        return account;
    }

    public boolean isAuthenticated() {
        return account != null;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
