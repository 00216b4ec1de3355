package org.facsimile.web.synthesis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One synthesis run of a deposit. Created here; claimed, advanced and finished by the
 * {@link JobQueue} in plain SQL, so the lease logic is one place that also runs without a container.
 */
@Entity
@Table(name = "synthesis_job")
public class SynthesisJob {

    @Id
    private UUID id;

    /** The deposit whose tables it synthesizes (the deposit's side knows the deposit; a job its id). */
    @Column(name = "deposit_id", nullable = false)
    private UUID depositId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private JobState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "step", nullable = false, length = 16)
    private JobStep step;

    /** The engine settings, as JSON. */
    @Column(name = "settings", nullable = false)
    private String settings;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "failure_reason")
    private String failureReason;

    /** Private-area folder holding the synthetic tables of the successful attempt. */
    @Column(name = "result_key", length = 500)
    private String resultKey;

    /** The quality and privacy report, as JSON. */
    @Column(name = "report")
    private String report;

    @Column(name = "privacy_override_by")
    private UUID privacyOverrideBy;

    @Column(name = "privacy_override_at")
    private Instant privacyOverrideAt;

    @Column(name = "privacy_override_reason")
    private String privacyOverrideReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected SynthesisJob() {}

    /** The deposit's latest synthesis job (the one made last), if it was ever submitted. */
    public static Optional<SynthesisJob> latest(EntityManager em, UUID depositId) {
        List<SynthesisJob> jobs = em.createQuery(
                        "SELECT j FROM SynthesisJob j WHERE j.depositId = :d ORDER BY j.createdAt DESC",
                        SynthesisJob.class)
                .setParameter("d", depositId)
                .setMaxResults(1)
                .getResultList();
        return jobs.stream().findFirst();
    }

    public SynthesisJob(UUID depositId, String settings, int maxAttempts, Instant now) {
        this.id = UUID.randomUUID();
        this.depositId = depositId;
        this.state = JobState.QUEUED;
        this.step = JobStep.QUEUED;
        this.settings = settings;
        this.maxAttempts = maxAttempts;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID depositId() {
        return depositId;
    }

    public JobState state() {
        return state;
    }

    public JobStep step() {
        return step;
    }

    public String settings() {
        return settings;
    }

    public int attempts() {
        return attempts;
    }

    public String failureReason() {
        return failureReason;
    }

    public String resultKey() {
        return resultKey;
    }

    /** An admin lets this synthesis be published despite a failed privacy verdict. */
    public void overridePrivacy(UUID admin, String reason, Instant now) {
        this.privacyOverrideBy = admin;
        this.privacyOverrideAt = now;
        this.privacyOverrideReason = reason;
    }

    public boolean privacyOverridden() {
        return privacyOverrideAt != null;
    }

    public String report() {
        return report;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
