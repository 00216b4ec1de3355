package org.facsimile.web.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A verified analysis as it was declared and what came of it. Written once by the reader's
 * submission; its run (claim, lease, outcome) is written by {@link VerifiedAnalyses} in plain SQL
 * guarded by the lease, so this entity only reads those columns.
 */
@Entity
@Table(name = "verified_analysis")
public class VerifiedAnalysis {

    /** Where an analysis is. */
    public enum State {
        /** Waiting for a worker. */
        QUEUED,
        /** A worker is running it. */
        RUNNING,
        /** It passed the disclosure rules: the result on the original is the reader's. */
        RELEASED,
        /** It broke a rule: nothing of the original is released but the rule. */
        REFUSED,
        /** It could not run (a worker failed it: the original no longer reads, the attempts ran out). */
        FAILED
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

    @Column(name = "table_name", nullable = false, length = 255)
    private String tableName;

    /** The analysis as bound (JSON of the engine's {@code Analysis}). */
    @Column(name = "declared", nullable = false)
    private String declared;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 12, insertable = true, updatable = false)
    private State state;

    @Column(name = "attempts", nullable = false, updatable = false)
    private int attempts;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "finished_at", insertable = false, updatable = false)
    private Instant finishedAt;

    @Column(name = "rule", insertable = false, updatable = false, length = 40)
    private String rule;

    @Column(name = "original_outcome", insertable = false, updatable = false)
    private String originalOutcome;

    @Column(name = "twin_outcome", insertable = false, updatable = false)
    private String twinOutcome;

    @Column(name = "failure_reason", insertable = false, updatable = false)
    private String failureReason;

    protected VerifiedAnalysis() {}

    VerifiedAnalysis(
            UUID depositId,
            UUID datasetId,
            int versionNumber,
            UUID requesterId,
            String tableName,
            String declared,
            Instant now) {
        this.id = UUID.randomUUID();
        this.depositId = depositId;
        this.datasetId = datasetId;
        this.versionNumber = versionNumber;
        this.requesterId = requesterId;
        this.tableName = tableName;
        this.declared = declared;
        this.state = State.QUEUED;
        this.submittedAt = now;
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

    public String tableName() {
        return tableName;
    }

    public String declared() {
        return declared;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The disclosure rule a refused analysis broke, or null. */
    public String rule() {
        return rule;
    }

    /** The released (or refused) outcome on the original, JSON; null until it ran. */
    public String originalOutcome() {
        return originalOutcome;
    }

    /** The same analysis on the twin, JSON; null until it ran. */
    public String twinOutcome() {
        return twinOutcome;
    }

    public String failureReason() {
        return failureReason;
    }
}
