package org.facsimile.web.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.deposit.AccessTerms;
import org.facsimile.web.platform.Page;

/**
 * A signed-in reader's request to download the restricted original of a published twin, with its
 * purpose and the agreement accepted, and what became of it. The terms in force when it was made
 * (who decides, how long a grant lasts) govern it whatever they become later.
 */
@Entity
@Table(name = "access_request")
public class AccessRequest {

    /** Where a request is. */
    public enum State {
        PENDING,
        GRANTED,
        REFUSED,
        /** Granted, then ended by a decider before it expired. */
        REVOKED,
        /** Taken back by the requester before a decision. */
        WITHDRAWN
    }

    @Id
    private UUID id;

    @Column(name = "deposit_id", nullable = false)
    private UUID depositId;

    @Column(name = "dataset_id", nullable = false)
    private UUID datasetId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(name = "requester_id", nullable = false)
    private UUID requesterId;

    @Column(name = "purpose", nullable = false)
    private String purpose;

    @Column(name = "agreement_sha256", nullable = false, length = 64)
    private String agreementSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "deciders", nullable = false, length = 16)
    private AccessTerms.Deciders deciders;

    @Column(name = "grant_days", nullable = false)
    private int grantDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 12)
    private State state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "reason")
    private String reason;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected AccessRequest() {}

    AccessRequest(
            UUID depositId,
            UUID datasetId,
            int versionNumber,
            UUID requesterId,
            String purpose,
            AccessTerms terms,
            Instant now) {
        this.id = UUID.randomUUID();
        this.depositId = depositId;
        this.datasetId = datasetId;
        this.versionNumber = versionNumber;
        this.requesterId = requesterId;
        this.purpose = purpose;
        this.agreementSha256 = terms.agreementSha256();
        this.deciders = terms.deciders();
        this.grantDays = terms.grantDays();
        this.state = State.PENDING;
        this.requestedAt = now;
    }

    /** Grants it for the terms' days from now. */
    void grant(UUID decider, String note, Instant now) {
        decide(State.GRANTED, decider, note, now);
        expiresAt = now.plus(Duration.ofDays(grantDays));
    }

    void refuse(UUID decider, String why, Instant now) {
        decide(State.REFUSED, decider, why, now);
    }

    void revoke(UUID decider, String why, Instant now) {
        decide(State.REVOKED, decider, why, now);
    }

    void withdraw(Instant now) {
        state = State.WITHDRAWN;
        decidedAt = now;
    }

    private void decide(State to, UUID decider, String note, Instant now) {
        state = to;
        decidedBy = decider;
        decidedAt = now;
        reason = note;
    }

    /** Whether its requester may download the original at {@code now}. */
    public boolean opensAt(Instant now) {
        return state == State.GRANTED && now.isBefore(expiresAt);
    }

    /** Why the original does not open for its requester at {@code now}, in words; null when it does. */
    public String closedBecause(Instant now) {
        return switch (state) {
            case PENDING -> "the request has not been decided yet";
            case REFUSED -> "the request was refused";
            case WITHDRAWN -> "the request was withdrawn";
            case REVOKED -> "the grant was revoked on " + Page.DATE.format(decidedAt);
            case GRANTED -> now.isBefore(expiresAt) ? null : "the grant expired on " + Page.DATE.format(expiresAt);
        };
    }

    public UUID id() {
        return id;
    }

    public UUID depositId() {
        return depositId;
    }

    public UUID datasetId() {
        return datasetId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public UUID requesterId() {
        return requesterId;
    }

    public String purpose() {
        return purpose;
    }

    public String agreementSha256() {
        return agreementSha256;
    }

    public AccessTerms.Deciders deciders() {
        return deciders;
    }

    public State state() {
        return state;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
