package org.facsimile.web.synthesis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The synthesis job queue, in plain SQL on PostgreSQL. A worker claims the oldest queued job, or
 * a running job whose lease expired (its worker died), with {@code FOR UPDATE SKIP LOCKED}, so
 * any number of workers on any number of nodes share one queue without taking the same job. Every
 * later write is guarded by the lease: a worker that lost its lease can no longer change the job,
 * so a job finishes once even when two workers ran it.
 */
public final class JobQueue {

    /** A job as its worker holds it. */
    public record Claim(UUID jobId, UUID depositId, int attempt, String settings, String worker) {}

    private final DataSource dataSource;
    private final Duration lease;
    private final DepositTransitions deposits;

    /** @param deposits moves each job's deposit along, in the queue's transactions */
    public JobQueue(DataSource dataSource, Duration lease, DepositTransitions deposits) {
        this.dataSource = dataSource;
        this.lease = lease;
        this.deposits = deposits;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * Claims the next job for {@code worker}, or nothing when there is none. Jobs whose worker died
     * too often are failed on the way.
     */
    public Optional<Claim> claim(String worker) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                failExhausted(c);
                Optional<Claim> claim;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE synthesis_job SET state = 'RUNNING', attempts = attempts + 1, lease_owner = ?, "
                                + "lease_until = now() + make_interval(secs => ?), started_at = COALESCE(started_at, now()) "
                                + "WHERE id = (SELECT id FROM synthesis_job "
                                + "  WHERE (state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < now())) AND attempts < max_attempts "
                                + "  ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1) "
                                + "RETURNING id, deposit_id, attempts, settings")) {
                    ps.setString(1, worker);
                    ps.setDouble(2, lease.toMillis() / 1000.0);
                    try (ResultSet rs = ps.executeQuery()) {
                        claim = rs.next()
                                ? Optional.of(new Claim(
                                        rs.getObject(1, UUID.class),
                                        rs.getObject(2, UUID.class),
                                        rs.getInt(3),
                                        rs.getString(4),
                                        worker))
                                : Optional.empty();
                    }
                }
                if (claim.isPresent()) {
                    deposits.synthesizing(c, claim.get().depositId());
                }
                c.commit();
                return claim;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Extends the lease; false when the lease was lost (the job was taken by another worker). */
    public boolean heartbeat(Claim claim) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE synthesis_job SET lease_until = now() + make_interval(secs => ?) "
                                + "WHERE id = ? AND lease_owner = ? AND attempts = ? AND state = 'RUNNING'")) {
            ps.setDouble(1, lease.toMillis() / 1000.0);
            ps.setObject(2, claim.jobId());
            ps.setString(3, claim.worker());
            ps.setInt(4, claim.attempt());
            return ps.executeUpdate() == 1;
        }
    }

    /** Records that the job entered {@code step}; false when the lease was lost. */
    public boolean step(Claim claim, JobStep step, String message) throws SQLException {
        return step(claim, step, message, null);
    }

    /**
     * Records how far the job has come in {@code step} ({@code done} 0 to 1, or null for its start);
     * false when the lease was lost.
     */
    public boolean step(Claim claim, JobStep step, String message, Double done) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean held;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE synthesis_job SET step = ? WHERE id = ? AND lease_owner = ? AND attempts = ? AND state = 'RUNNING'")) {
                    ps.setString(1, step.name());
                    ps.setObject(2, claim.jobId());
                    ps.setString(3, claim.worker());
                    ps.setInt(4, claim.attempt());
                    held = ps.executeUpdate() == 1;
                }
                if (held) {
                    event(c, claim.jobId(), claim.attempt(), step, message, done);
                }
                c.commit();
                return held;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Finishes the job successfully; false (and nothing changed) when the lease was lost. */
    public boolean succeed(Claim claim, String resultKey, String report) throws SQLException {
        return finish(claim, JobState.SUCCEEDED, JobStep.DONE, resultKey, report, null);
    }

    /** Finishes the job as failed for good; false when the lease was lost. */
    public boolean fail(Claim claim, String reason) throws SQLException {
        return finish(claim, JobState.FAILED, JobStep.FAILED, null, null, reason);
    }

    private boolean finish(Claim claim, JobState state, JobStep step, String resultKey, String report, String reason)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean held;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE synthesis_job SET state = ?, step = ?, result_key = ?, report = ?, failure_reason = ?, "
                                + "finished_at = now(), lease_owner = NULL, lease_until = NULL "
                                + "WHERE id = ? AND lease_owner = ? AND attempts = ? AND state = 'RUNNING'")) {
                    ps.setString(1, state.name());
                    ps.setString(2, step.name());
                    ps.setString(3, resultKey);
                    ps.setString(4, report);
                    ps.setString(5, reason);
                    ps.setObject(6, claim.jobId());
                    ps.setString(7, claim.worker());
                    ps.setInt(8, claim.attempt());
                    held = ps.executeUpdate() == 1;
                }
                if (held) {
                    event(c, claim.jobId(), claim.attempt(), step, reason, null);
                    deposits.finished(c, claim.depositId(), state == JobState.SUCCEEDED);
                }
                c.commit();
                return held;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Running jobs whose lease expired after their last allowed attempt: their workers kept dying. */
    private void failExhausted(Connection c) throws SQLException {
        List<UUID> failed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE synthesis_job SET state = 'FAILED', step = 'FAILED', finished_at = now(), "
                                + "failure_reason = 'the worker stopped during every one of ' || attempts || ' attempts', lease_owner = NULL, lease_until = NULL "
                                + "WHERE state = 'RUNNING' AND lease_until < now() AND attempts >= max_attempts RETURNING deposit_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                failed.add(rs.getObject(1, UUID.class));
            }
        }
        for (UUID deposit : failed) {
            deposits.finished(c, deposit, false);
        }
    }

    private static void event(Connection c, UUID jobId, int attempt, JobStep step, String message, Double done)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO synthesis_job_event (job_id, attempt, step, message, at, done) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, jobId);
            ps.setInt(2, attempt);
            ps.setString(3, step.name());
            ps.setString(4, message);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            if (done == null) {
                ps.setNull(6, Types.DOUBLE);
            } else {
                ps.setDouble(6, Math.max(0, Math.min(1, done)));
            }
            ps.executeUpdate();
        }
    }
}
