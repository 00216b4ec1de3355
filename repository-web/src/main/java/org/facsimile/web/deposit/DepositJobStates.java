package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.facsimile.web.synthesis.DepositTransitions;

/**
 * The synthesis queue's moves of a deposit, in the queue's transaction and by the deposit's state
 * table: a deposit moves only from a state {@link DepositState} allows, so a finished job never
 * reopens a deposit that has moved on.
 */
@ApplicationScoped
public class DepositJobStates implements DepositTransitions {

    @Override
    public void synthesizing(Connection c, UUID depositId) throws SQLException {
        move(c, depositId, DepositState.SYNTHESIZING);
    }

    @Override
    public void finished(Connection c, UUID depositId, boolean succeeded) throws SQLException {
        move(c, depositId, succeeded ? DepositState.READY_FOR_REVIEW : DepositState.FAILED);
    }

    private static void move(Connection c, UUID depositId, DepositState next) throws SQLException {
        Array from = c.createArrayOf(
                "text", DepositState.before(next).stream().map(Enum::name).toArray());
        try (PreparedStatement ps = c.prepareStatement("UPDATE deposit SET state = ?, updated_at = now(),"
                + " row_version = row_version + 1 WHERE id = ? AND state = ANY(?)")) {
            ps.setString(1, next.name());
            ps.setObject(2, depositId);
            ps.setArray(3, from);
            ps.executeUpdate();
        } finally {
            from.free();
        }
    }
}
