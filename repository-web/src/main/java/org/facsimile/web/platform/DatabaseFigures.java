package org.facsimile.web.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Figures for gauges read from the database by one query of (name, number) rows, its answer kept
 * {@link #FRESH_NANOS} so that several scrapers every few seconds cost one query; NaN while the
 * database cannot be read (a gauge says it does not know rather than a stale or made-up figure).
 */
public final class DatabaseFigures {

    /** How long one answer serves. */
    static final long FRESH_NANOS = 5_000_000_000L;

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final String query;
    private Map<String, Double> figures = Map.of();
    private boolean readable;
    private long readAt;
    private boolean read;

    /**
     * @param query a query whose rows are a name (text) and a number
     */
    public DatabaseFigures(DataSource dataSource, String query) {
        this.dataSource = dataSource;
        this.query = query;
    }

    /** The figure named {@code name}: 0 when the query gave none, NaN when the database could not be read. */
    public synchronized double get(String name) {
        if (!read || System.nanoTime() - readAt > FRESH_NANOS) {
            refresh();
        }
        return readable ? figures.getOrDefault(name, 0.0) : Double.NaN;
    }

    private void refresh() {
        Map<String, Double> fresh = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    fresh.put(rs.getString(1), rs.getDouble(2));
                }
            }
            figures = fresh;
            readable = true;
        } catch (SQLException e) {
            readable = false;
        }
        read = true;
        readAt = System.nanoTime();
    }
}
