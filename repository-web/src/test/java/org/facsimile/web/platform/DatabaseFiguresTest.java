package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.facsimile.web.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

/** Gauges' figures from the database: read by one query, kept a few seconds, NaN when unreadable. */
class DatabaseFiguresTest {

    /** A data source whose every connection fails, as while PostgreSQL is away. */
    private static final class Away implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused", "08001");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void figuresAreNamedRowsAndAbsentOnesAreZero() {
        DataSource db = EmbeddedDatabase.migrated();
        DatabaseFigures figures = new DatabaseFigures(db, "SELECT 'queued', 3 UNION ALL SELECT 'lag:search', 2.5");
        assertEquals(3, figures.get("queued"));
        assertEquals(2.5, figures.get("lag:search"));
        assertEquals(0, figures.get("running"), "a state with no rows is 0, not missing");
    }

    @Test
    void anUnreadableDatabaseGivesNaNNotAStaleFigure() {
        DatabaseFigures figures = new DatabaseFigures(new Away(), "SELECT 'queued', 3");
        assertTrue(Double.isNaN(figures.get("queued")));
    }
}
