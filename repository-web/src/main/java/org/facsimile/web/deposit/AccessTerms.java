package org.facsimile.web.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The terms on which the restricted original of a deposit (its private input) may be requested
 * once its twin is published: the data use agreement a requester accepts, who decides, and how
 * long a grant lasts. No terms: the depositor takes no requests.
 */
@Entity
@Table(name = "access_terms")
public class AccessTerms {

    /** Who decides a request. */
    public enum Deciders {
        /** The depositor alone. */
        DEPOSITOR,
        /** The repository's curators alone. */
        CURATORS,
        /** The depositor or any curator, whoever comes first. */
        EITHER
    }

    @Id
    @Column(name = "deposit_id")
    private UUID depositId;

    @Column(name = "agreement", nullable = false)
    private String agreement;

    @Enumerated(EnumType.STRING)
    @Column(name = "deciders", nullable = false, length = 16)
    private Deciders deciders;

    @Column(name = "grant_days", nullable = false)
    private int grantDays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccessTerms() {}

    public AccessTerms(UUID depositId, String agreement, Deciders deciders, int grantDays, Instant now) {
        this.depositId = depositId;
        change(agreement, deciders, grantDays, now);
    }

    public void change(String agreement, Deciders deciders, int grantDays, Instant now) {
        this.agreement = agreement;
        this.deciders = deciders;
        this.grantDays = grantDays;
        this.updatedAt = now;
    }

    public UUID depositId() {
        return depositId;
    }

    public String agreement() {
        return agreement;
    }

    /** The agreement's SHA-256: what a request records as accepted, so a later change is seen. */
    public String agreementSha256() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(agreement.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Deciders deciders() {
        return deciders;
    }

    public int grantDays() {
        return grantDays;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
