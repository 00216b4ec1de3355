package org.facsimile.web.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Counts events per key over a sliding window in PostgreSQL ({@code rate_event}), for limits that
 * must hold across every node: failed sign-ins per address, uploads per account, a reader's
 * double-clicks. What one node
 * records the others see. A key is stored only as its SHA-256 hash. Each call runs on a connection
 * in a transaction of the caller's ({@link RateLimits} makes one); {@link #tryRecord} takes an
 * advisory lock on the key for the rest of it, so two nodes cannot both take the last place.
 *
 * @param bucket what is counted (its own namespace of keys)
 * @param limit events allowed in any window
 * @param window how far back events count
 */
public record SharedWindow(String bucket, int limit, Duration window) {

    public SharedWindow {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window holds at least one event over some time");
        }
    }

    /** When the key may act again, or null when it may now (fewer than the limit in the window). */
    public Instant blockedUntil(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT at FROM rate_event WHERE bucket = ? AND key_hash = ? AND at > ? ORDER BY at LIMIT ?")) {
            s.setString(1, bucket);
            s.setString(2, hash(key));
            s.setTimestamp(3, Timestamp.from(now.minus(window)));
            s.setInt(4, limit);
            Instant first = null;
            int count = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (count++ == 0) {
                        first = rs.getTimestamp(1).toInstant();
                    }
                }
            }
            return count >= limit ? first.plus(window) : null;
        }
    }

    /** Records an event of the key, and forgets this bucket's events older than the window. */
    public void record(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement forget = c.prepareStatement("DELETE FROM rate_event WHERE bucket = ? AND at <= ?");
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO rate_event (bucket, key_hash, at) VALUES (?, ?, ?)")) {
            forget.setString(1, bucket);
            forget.setTimestamp(2, Timestamp.from(now.minus(window)));
            forget.executeUpdate();
            insert.setString(1, bucket);
            insert.setString(2, hash(key));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** Records the event when the key is under the limit; otherwise says until when it is not. */
    public Instant tryRecord(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, bucket + "\n" + hash(key));
            lock.execute();
        }
        Instant blocked = blockedUntil(c, key, now);
        if (blocked == null) {
            record(c, key, now);
        }
        return blocked;
    }

    private static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((key == null ? "" : key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
