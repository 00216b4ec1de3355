package org.facsimile.web.deposit;

/** Where a deposit is in its life. */
public enum DepositState {
    /** Editable: files and metadata can change. */
    DRAFT,
    /** Frozen, its synthesis job queued. */
    SUBMITTED,
    /** A worker is synthesizing it. */
    SYNTHESIZING,
    /** Synthesis finished: the depositor reviews the report and publishes, re-runs, or not. */
    READY_FOR_REVIEW,
    /** The depositor asked to publish; a curator reviews it (when the repository requires one). */
    IN_REVIEW,
    PUBLISHED,
    /** A curator declined to publish it; the depositor may re-run synthesis and ask again. */
    REJECTED,
    /** Synthesis failed; the reason is on the job. */
    FAILED,
    WITHDRAWN
}
