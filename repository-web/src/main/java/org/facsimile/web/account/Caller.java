package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import org.facsimile.web.platform.ProblemException;

/** Who is behind the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class Caller {

    private Credential credential;
    private String remoteAddress;

    void authenticated(Credential credential) {
        this.credential = credential;
    }

    void from(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    /** The caller's account; a 401 when the request carried no valid credential. */
    public Account account() {
        return credential().account();
    }

    /** The caller's account and scopes; a 401 when the request carried no valid credential. */
    public Credential credential() {
        if (credential == null) {
            throw new ProblemException(
                    401,
                    "unauthenticated",
                    "Unauthorized",
                    "a valid API token is required (Authorization: Bearer <token>)");
        }
        return credential;
    }

    public boolean isAuthenticated() {
        return credential != null;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
