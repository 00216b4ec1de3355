package org.facsimile.web.deposit;

/** Where a deposit is in its life. */
public enum DepositState {
    /** Editable: files and metadata can change. */
    DRAFT,
    /** Frozen, its synthesis job queued. */
    SUBMITTED,
    /** A worker is synthesizing it. */
    SYNTHESIZING,
    /** Synthesis finished: the depositor reviews the report and publishes or not. */
    READY_FOR_REVIEW,
    PUBLISHED,
    /** Synthesis failed; the reason is on the job. */
    FAILED,
    WITHDRAWN
}
