package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.facsimile.web.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

/** A limit counted in PostgreSQL holds for every node, however many ask at once. */
class SharedWindowTest {

    private final DataSource db = EmbeddedDatabase.migrated();

    /** One call in a transaction of its own, as {@link RateLimits} runs it. */
    private interface Call<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Call<T> call) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = call.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Test
    void whatOneNodeCountsAnotherSees() throws SQLException {
        String bucket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SharedWindow onA = new SharedWindow(bucket, 3, Duration.ofMinutes(10));
        SharedWindow onB = new SharedWindow(bucket, 3, Duration.ofMinutes(10));
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        inTransaction(c -> {
            onA.record(c, "203.0.113.9", t0);
            return null;
        });
        inTransaction(c -> {
            onB.record(c, "203.0.113.9", t0.plusSeconds(60));
            return null;
        });
        assertNull(inTransaction(c -> onA.blockedUntil(c, "203.0.113.9", t0.plusSeconds(120))), "two of three");
        inTransaction(c -> {
            onA.record(c, "203.0.113.9", t0.plusSeconds(120));
            return null;
        });
        assertEquals(
                t0.plus(Duration.ofMinutes(10)),
                inTransaction(c -> onB.blockedUntil(c, "203.0.113.9", t0.plusSeconds(180))),
                "blocked until the first event leaves the window");
        assertNull(inTransaction(c -> onB.blockedUntil(c, "198.51.100.1", t0.plusSeconds(180))), "keys apart");
        assertNull(
                inTransaction(c -> onB.blockedUntil(c, "203.0.113.9", t0.plus(Duration.ofMinutes(10)))),
                "the first event has left the window");
    }

    @Test
    void manyNodesAskingAtOnceNeverPassTheLimit() throws Exception {
        String bucket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SharedWindow window = new SharedWindow(bucket, 20, Duration.ofHours(1));
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                attempts.add(() -> inTransaction(c -> window.tryRecord(c, "account-1", now)) == null);
            }
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                allowed += f.get() ? 1 : 0;
            }
            assertEquals(20, allowed, "exactly the limit, however the attempts interleave");
        } finally {
            pool.shutdown();
        }
        assertEquals(20, count(bucket), "and exactly the limit recorded");
    }

    @Test
    void keysAreKeptOnlyAsHashesAndOldEventsAreForgotten() throws SQLException {
        String bucket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SharedWindow window = new SharedWindow(bucket, 5, Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        inTransaction(c -> {
            window.record(c, "203.0.113.9", t0);
            window.record(c, "198.51.100.1", t0);
            window.record(c, "203.0.113.9", t0.plusSeconds(120));
            return null;
        });
        assertEquals(1, count(bucket), "the events older than the window were deleted");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_hash FROM rate_event WHERE bucket = '" + bucket + "'")) {
            rs.next();
            assertEquals(64, rs.getString(1).length());
            assertEquals(false, rs.getString(1).contains("203.0.113.9"));
        }
    }

    private long count(String bucket) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM rate_event WHERE bucket = '" + bucket + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
