package org.facsimile.web.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account's identity at an OpenID Connect provider: the issuer and the subject it vouches for. */
@Entity
@Table(name = "account_identity")
public class AccountIdentity {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "issuer", nullable = false, length = 500)
    private String issuer;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    protected AccountIdentity() {}

    AccountIdentity(Account account, String issuer, String subject, Instant now) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.issuer = issuer;
        this.subject = subject;
        this.createdAt = now;
        this.lastUsedAt = now;
    }

    public Account account() {
        return account;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }
}
