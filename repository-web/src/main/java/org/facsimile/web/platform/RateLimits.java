package org.facsimile.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * {@link SharedWindow}s on the repository's database, each call in a transaction of its own: a
 * limit is checked and counted at once, whatever the caller's transaction does after (a failed
 * sign-in is counted even though the sign-in rolls back).
 */
@ApplicationScoped
public class RateLimits {

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    /** For CDI. */
    public RateLimits() {}

    /** On a data source of one's own (a test's), each call in the connection's own transaction. */
    public RateLimits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** When {@code key} may act again under {@code window}, or null when it may now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant blockedUntil(SharedWindow window, String key, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return window.blockedUntil(c, key, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rate limit " + window.bucket(), e);
        }
    }

    /** Counts an event of {@code key}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SharedWindow window, String key, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            window.record(c, key, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count for the rate limit " + window.bucket(), e);
        }
    }

    /** Counts an event of {@code key} if under the limit; otherwise says until when it is not. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant tryRecord(SharedWindow window, String key, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return window.tryRecord(c, key, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count for the rate limit " + window.bucket(), e);
        }
    }
}
