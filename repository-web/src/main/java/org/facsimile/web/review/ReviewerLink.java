package org.facsimile.web.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.platform.Page;

/**
 * A private link to an unpublished deposit's preview (the would-be landing page, the report's
 * summary, the synthetic tables) for people without an account, a journal's reviewers say. Only
 * the SHA-256 of its secret is kept; the secret is shown to the depositor once. It ends at its
 * expiry or when the depositor revokes it, and is kept after that for the deposit's history.
 */
@Entity
@Table(name = "reviewer_link")
public class ReviewerLink {

    /** How a reviewer link's secret begins, so that a leaked one is recognised (API tokens: fcsm_). */
    public static final String PREFIX = "fcsmrl_";

    /** The longest a link may be given to live. */
    public static final int MAX_DAYS = 365;

    @Id
    private UUID id;

    @Column(name = "deposit_id", nullable = false)
    private UUID depositId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private UUID revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "uses", nullable = false)
    private int uses;

    protected ReviewerLink() {}

    /** A link made by {@code account} now, living {@code days} days (1 to {@link #MAX_DAYS}). */
    public ReviewerLink(UUID depositId, String tokenHash, String label, UUID account, Instant now, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a reviewer link lives 1 to " + MAX_DAYS + " days");
        }
        this.id = UUID.randomUUID();
        this.depositId = depositId;
        this.tokenHash = tokenHash;
        this.label = label;
        this.createdBy = account;
        this.createdAt = now;
        this.expiresAt = now.plus(Duration.ofDays(days));
    }

    /**
     * Why the link no longer opens at {@code now}, in words for whoever holds it ("it was revoked on
     * 5 Mar 2026 14:05 UTC"), or null while it does.
     */
    public String endedAt(Instant now) {
        if (revokedAt != null) {
            return "it was revoked by the depositor on " + Page.DATE.format(revokedAt);
        }
        if (!now.isBefore(expiresAt)) {
            return "it expired on " + Page.DATE.format(expiresAt);
        }
        return null;
    }

    /** Whether it still opens at {@code now}. */
    public boolean opensAt(Instant now) {
        return endedAt(now) == null;
    }

    /** Ends the link for good; revoking it again changes nothing. */
    public void revoke(UUID account, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = account;
        }
    }

    /** Counts an opening of the link (its page or a table). */
    public void used(Instant now) {
        uses++;
        lastUsedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID depositId() {
        return depositId;
    }

    public String label() {
        return label;
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

    public int uses() {
        return uses;
    }
}
