package org.facsimile.web.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in through the OpenID provider under way: kept in the database (not in one node's
 * memory) so the provider may send the browser back to any web node. Used once.
 */
@Entity
@Table(name = "oidc_sign_in")
public class OidcSignIn {

    /** How long the browser has to come back from the provider. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @Column(name = "nonce", nullable = false, length = 128)
    private String nonce;

    @Column(name = "code_verifier", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "return_to", nullable = false, length = 500)
    private String returnTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OidcSignIn() {}

    OidcSignIn(String stateHash, String nonce, String codeVerifier, String returnTo, Instant now) {
        this.stateHash = stateHash;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.returnTo = returnTo;
        this.createdAt = now;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    String returnTo() {
        return returnTo;
    }

    boolean isLiveAt(Instant now) {
        return now.isBefore(createdAt.plus(LIFETIME));
    }
}
