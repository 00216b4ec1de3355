package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which failures are the database being away (503, retry) rather than a fault here (500, incident). */
class DatabaseOutageTest {

    @Test
    void aRefusedOrLostConnectionIsTheDatabaseAway() {
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(
                "transaction failed", new RuntimeException(new ConnectException("Connection refused")))));
        assertTrue(DatabaseOutage.isCause(
                new RuntimeException(new SQLException("The connection attempt failed.", "08001"))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated"))));
        assertTrue(DatabaseOutage.isCause(new SQLTransientConnectionException("gone")));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseOutage.isCause(
                new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
    }

    @Test
    void otherFailuresAreIncidents() {
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.isCause(new RuntimeException(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseOutage.isCause(new NullPointerException()));
    }

    @Test
    void aRolledBackTransactionOrAStatementClosedUnderUsIsWorthAnotherTry() throws Exception {
        assertTrue(DatabaseOutage.isTransient(new SQLTransactionRollbackException("deadlock")));
        assertTrue(DatabaseOutage.isTransient(
                new RuntimeException(new SQLException("could not serialize access", "40001"))));
        assertTrue(DatabaseOutage.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(
                DatabaseOutage.isTransient(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(DatabaseOutage.isTransient(new IllegalStateException(
                "reading the input", new PSQLException("This ResultSet is closed.", PSQLState.OBJECT_NOT_IN_STATE))));
    }

    @Test
    void aFaultOfTheDataOrTheCodeIsNotTriedAgain() {
        assertFalse(DatabaseOutage.isTransient(new RuntimeException(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseOutage.isTransient(new SQLException("invalid input syntax for type uuid", "22P02")));
        assertFalse(
                DatabaseOutage.isTransient(new SQLException("object not in prerequisite state", "55000")),
                "only pgjdbc's own closed statement or result set, not any server 55000");
        assertFalse(DatabaseOutage.isTransient(new IllegalStateException("a bug")));
    }
}
