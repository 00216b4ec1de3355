package org.facsimile.web.synthesis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What a job's claim and end mean for its deposit, written in the queue's own transaction so a
 * job and its deposit never disagree after a crash. The deposit's side implements it by its state
 * table ({@code deposit.DepositJobStates}); synthesis knows deposits by id only.
 */
public interface DepositTransitions {

    /** A worker claimed the deposit's job (a first claim, or one taken over from a dead worker). */
    void synthesizing(Connection c, UUID depositId) throws SQLException;

    /** The deposit's job finished for good: succeeded, or failed. */
    void finished(Connection c, UUID depositId, boolean succeeded) throws SQLException;
}
