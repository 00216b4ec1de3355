package org.facsimile.web.deposit;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a deposit is in its life, and the one table of the moves between states: {@link Deposit}
 * makes the depositor's and curators' moves, {@link DepositJobStates} the synthesis queue's, both
 * by this table.
 */
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
    WITHDRAWN;

    /**
     * The moves. A synthesis can be re-run (with other settings) until the deposit is published; a
     * worker that takes over a dead worker's job moves a synthesizing deposit to synthesizing; a
     * running synthesis cannot be withdrawn (the worker would finish it), a published deposit is
     * withdrawn as a dataset, by an administrator.
     */
    private static final Map<DepositState, Set<DepositState>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(SYNTHESIZING),
            SYNTHESIZING, EnumSet.of(SYNTHESIZING, READY_FOR_REVIEW, FAILED),
            READY_FOR_REVIEW, EnumSet.of(SUBMITTED, IN_REVIEW, PUBLISHED, WITHDRAWN),
            IN_REVIEW, EnumSet.of(REJECTED, PUBLISHED, WITHDRAWN),
            REJECTED, EnumSet.of(SUBMITTED, WITHDRAWN),
            FAILED, EnumSet.of(SUBMITTED, WITHDRAWN),
            PUBLISHED, EnumSet.noneOf(DepositState.class),
            WITHDRAWN, EnumSet.noneOf(DepositState.class));

    /** Whether a deposit in this state may move to {@code next}. */
    public boolean mayBecome(DepositState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states a deposit may move to {@code next} from. */
    public static Set<DepositState> before(DepositState next) {
        Set<DepositState> before = EnumSet.noneOf(DepositState.class);
        NEXT.forEach((from, to) -> {
            if (to.contains(next)) {
                before.add(from);
            }
        });
        return before;
    }
}
