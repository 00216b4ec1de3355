package org.facsimile.web.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token, stored only as the SHA-256 of its secret; the secret is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Column(name = "scopes", nullable = false, length = 200)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {}

    public ApiToken(Account account, String tokenHash, String label, String scopes, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.tokenHash = tokenHash;
        this.label = label;
        this.scopes = scopes;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String label() {
        return label;
    }

    /** The scopes it was made with (what it may do is these within the account's role). */
    public Set<Scope> scopes() {
        return Scope.parse(scopes);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** True when the token may be used at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void usedAt(Instant now) {
        this.lastUsedAt = now;
    }
}
