package org.facsimile.web.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A browser session after sign-in. The cookie holds a random secret and every unsafe request must
 * also send the session's CSRF token in a header; both are stored only as SHA-256 hashes. Sessions
 * end on sign-out, after 30 idle minutes, and 12 hours after sign-in at the latest.
 */
@Entity
@Table(name = "web_session")
public class WebSession {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(name = "csrf_hash", nullable = false, length = 64)
    private String csrfHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "remote_address", length = 100)
    private String remoteAddress;

    protected WebSession() {}

    WebSession(Account account, String secretHash, String csrfHash, Instant now, String remoteAddress) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.secretHash = secretHash;
        this.csrfHash = csrfHash;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(ABSOLUTE);
        this.remoteAddress = remoteAddress == null || remoteAddress.length() <= 100 ? remoteAddress : null;
    }

    public UUID id() {
        return id;
    }

    public Account account() {
        return account;
    }

    boolean isLiveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(IDLE));
    }

    boolean acceptsCsrf(String token) {
        return token != null
                && token.length() <= 200
                && MessageDigest.isEqual(
                        csrfHash.getBytes(StandardCharsets.US_ASCII),
                        Tokens.hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    void seenAt(Instant now) {
        lastSeenAt = now;
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }
}
