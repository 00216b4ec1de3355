package org.facsimile.web.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Whether a failure is the database being unreachable (refused or lost connections, a server
 * shutting down or starting up, a pool that cannot allocate a connection) rather than a fault of
 * this node: a request is answered 503 with Retry-After, not an incident, and a synthesis
 * stops without failing its job, which is taken over once its lease ends and the database is back.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /** Whether {@code e}, or anything that caused it, is the database being away. */
    public static boolean isCause(Throwable e) {
        int depth = 0;
        for (Throwable c = e; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof ConnectException
                    || c instanceof SQLTransientConnectionException
                    || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 08: connection exception; 57P01-03: shut down by an administrator, crashed,
                // or not yet accepting connections; 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
            String name = c.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("jakarta.resource.spi.ResourceAllocationException")
                    || String.valueOf(c.getMessage()).contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e}, or anything that caused it, is a failure of the moment that the same work
     * can expect to pass when tried again: a transaction rolled back by the database (SQLSTATE class
     * 40: serialization failure, deadlock), a statement timed out, or a connection's statement or
     * result set closed under the caller (pgjdbc's 55000, seen once right after another node
     * restarted). A synthesis that meets one is tried again, not failed.
     */
    public static boolean isTransient(Throwable e) {
        int depth = 0;
        for (Throwable c = e; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof SQLTransientException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("40") || state.equals("57014")) {
                    return true;
                }
                if (state.equals("55000") && c.getClass().getName().equals("org.postgresql.util.PSQLException")) {
                    return true;
                }
            }
        }
        return false;
    }
}
