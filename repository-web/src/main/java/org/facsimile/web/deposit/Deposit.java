package org.facsimile.web.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.account.Account;
import org.facsimile.web.platform.ProblemException;

/** A depositor's private submission: tables, their schemas and the dataset's metadata. */
@Entity
@Table(name = "deposit")
public class Deposit {

    /** CC BY 4.0, the default licence of published synthetic data. */
    public static final String DEFAULT_LICENCE = DescriptiveMetadata.DEFAULT_LICENCE;

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private Account owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 24)
    private DepositState state;

    @Embedded
    private DescriptiveMetadata described;

    @Column(name = "doi", nullable = false, unique = true, length = 200)
    private String doi;

    /** The published dataset this deposit makes a new version of; null for a new dataset. */
    @Column(name = "version_of")
    private UUID versionOf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Deposit() {}

    public Deposit(Account owner, DepositMetadata metadata, String reservedDoi, Instant now) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.state = DepositState.DRAFT;
        this.doi = reservedDoi;
        this.createdAt = now;
        describe(metadata, now);
    }

    /** A deposit for the next version of the published dataset {@code datasetId}. */
    public static Deposit nextVersion(
            Account owner, DepositMetadata metadata, String reservedDoi, UUID datasetId, Instant now) {
        Deposit deposit = new Deposit(owner, metadata, reservedDoi, now);
        deposit.versionOf = datasetId;
        return deposit;
    }

    /** Replaces the descriptive metadata; only a draft can change. */
    public void describe(DepositMetadata metadata, Instant now) {
        requireDraft();
        this.described = DescriptiveMetadata.of(metadata);
        this.updatedAt = now;
    }

    /**
     * Freezes the deposit for synthesis; a finished, failed or rejected synthesis can be re-run
     * (with other settings) before publishing.
     */
    public void submit(Instant now) {
        if (!state.mayBecome(DepositState.SUBMITTED)) {
            throw ProblemException.conflict("the deposit is " + state + " and cannot be submitted now");
        }
        this.state = DepositState.SUBMITTED;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    /** The depositor asks to publish and a curator must review first. */
    public void toReview(Instant now) {
        if (!state.mayBecome(DepositState.IN_REVIEW)) {
            throw ProblemException.conflict(
                    "only a deposit whose synthesis finished can go to review; this one is " + state);
        }
        this.state = DepositState.IN_REVIEW;
        this.updatedAt = now;
    }

    /** A curator declines it. */
    public void rejected(Instant now) {
        if (!state.mayBecome(DepositState.REJECTED)) {
            throw ProblemException.conflict("only a deposit in review can be rejected; this one is " + state);
        }
        this.state = DepositState.REJECTED;
        this.updatedAt = now;
    }

    public void published(Instant now) {
        if (!state.mayBecome(DepositState.PUBLISHED)) {
            throw ProblemException.conflict(
                    "only a deposit whose synthesis finished can be published; this one is " + state);
        }
        this.state = DepositState.PUBLISHED;
        this.updatedAt = now;
    }

    /**
     * The depositor takes the deposit back before it is published: it is closed, nothing of it is
     * published, and its private input may then be erased. Not while its synthesis runs (the
     * worker would finish it), and not once published (a published dataset is withdrawn by an
     * administrator and leaves a tombstone).
     */
    public void withdraw(Instant now) {
        if (state.mayBecome(DepositState.WITHDRAWN)) {
            this.state = DepositState.WITHDRAWN;
            this.updatedAt = now;
            return;
        }
        throw ProblemException.conflict(
                switch (state) {
                    case SUBMITTED, SYNTHESIZING ->
                        "the synthesis of this deposit is running; withdraw it when the synthesis has finished";
                    case PUBLISHED ->
                        "the deposit is published; a published dataset is"
                                + " withdrawn by an administrator, leaving a tombstone at its DOI";
                    default -> "the deposit is already withdrawn";
                });
    }

    public void requireDraft() {
        if (state != null && state != DepositState.DRAFT) {
            throw ProblemException.conflict("the deposit is " + state + " and can no longer change");
        }
    }

    public boolean isOwnedBy(Account account) {
        return owner.id().equals(account.id());
    }

    public UUID id() {
        return id;
    }

    /** The published dataset this deposit makes a new version of, or null. */
    public UUID versionOf() {
        return versionOf;
    }

    public Account owner() {
        return owner;
    }

    public DepositState state() {
        return state;
    }

    public String doi() {
        return doi;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public DepositMetadata metadata() {
        return described.metadata();
    }
}
