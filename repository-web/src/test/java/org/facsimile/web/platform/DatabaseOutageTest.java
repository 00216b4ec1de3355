package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

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
        assertTrue(DatabaseOutage.isCause(new java.sql.SQLTransientConnectionException("gone")));
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
}
