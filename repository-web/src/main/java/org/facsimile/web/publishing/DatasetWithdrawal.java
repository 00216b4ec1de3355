package org.facsimile.web.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The tombstone of a withdrawn dataset: when, by whom, why. Final once written. */
@Entity
@Table(name = "dataset_withdrawal")
public class DatasetWithdrawal {

    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;

    @Id
    @Column(name = "dataset_id", nullable = false)
    private UUID datasetId;

    @Column(name = "withdrawn_at", nullable = false)
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", nullable = false)
    private UUID withdrawnBy;

    @Column(name = "reason", nullable = false, length = MAX_REASON)
    private String reason;

    protected DatasetWithdrawal() {}

    public DatasetWithdrawal(UUID datasetId, Instant withdrawnAt, UUID withdrawnBy, String reason) {
        this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
        this.withdrawnAt = Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        this.withdrawnBy = Objects.requireNonNull(withdrawnBy, "withdrawnBy");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public UUID datasetId() {
        return datasetId;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public UUID withdrawnBy() {
        return withdrawnBy;
    }

    public String reason() {
        return reason;
    }
}
