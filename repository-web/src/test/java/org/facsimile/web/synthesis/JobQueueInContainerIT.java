package org.facsimile.web.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.facsimile.web.InContainer;
import org.facsimile.web.deposit.DepositJobStates;
import org.facsimile.web.platform.Startup;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The job queue inside the node, on its own data source and deposit transitions (the node runs no
 * worker threads of its own, so these tests' workers are the only ones): one claim per job, and a
 * dead worker's job finishes once.
 */
@ExtendWith(ArquillianExtension.class)
class JobQueueInContainerIT {

    @Deployment
    static WebArchive node() {
        return InContainer.war();
    }

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource db;

    @Inject
    DepositJobStates deposits;

    /** Heartbeats run on the container's threads, as the node's own workers' do. */
    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService heartbeats() {
        return Executors.newSingleThreadScheduledExecutor(threads);
    }

    private UUID queuedJob(int maxAttempts) throws SQLException {
        UUID account = UUID.randomUUID();
        UUID deposit = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            exec(
                    c,
                    "INSERT INTO account (id, username, display_name, role, created_at) VALUES (?, ?, 'Test', 'DEPOSITOR', now())",
                    account,
                    "u-" + account);
            exec(
                    c,
                    "INSERT INTO deposit (id, owner_id, state, title, licence, doi, created_at, updated_at) "
                            + "VALUES (?, ?, 'SUBMITTED', 't', 'https://creativecommons.org/licenses/by/4.0/', ?, now(), now())",
                    deposit,
                    account,
                    "10.5072/t." + deposit);
            // created_at in the past, so this test's job is the oldest and claimed first
            exec(
                    c,
                    "INSERT INTO synthesis_job (id, deposit_id, state, step, settings, max_attempts, created_at) "
                            + "VALUES (?, ?, 'QUEUED', 'QUEUED', '{}', " + maxAttempts + ", now() - interval '1 hour')",
                    job,
                    deposit);
        }
        return job;
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private String query(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void drainOtherJobs(JobQueue queue) throws SQLException {
        // jobs left by other tests of this JVM must not be claimed here
        try (Connection c = db.getConnection()) {
            exec(c, "UPDATE synthesis_job SET state = 'FAILED', step = 'FAILED' WHERE state IN ('QUEUED', 'RUNNING')");
        }
    }

    @Test
    void twoWorkersNeverClaimTheSameJob() throws Exception {
        JobQueue queue = new JobQueue(db, Duration.ofSeconds(30), deposits);
        drainOtherJobs(queue);
        UUID job = queuedJob(3);
        Optional<JobQueue.Claim> first = queue.claim("worker-a");
        Optional<JobQueue.Claim> second = queue.claim("worker-b");
        assertTrue(first.isPresent());
        assertEquals(job, first.get().jobId());
        assertTrue(second.isEmpty(), "a running job with a live lease is not claimed again");
        assertEquals(
                "SYNTHESIZING",
                query("SELECT d.state FROM deposit d JOIN synthesis_job j ON j.deposit_id = d.id WHERE j.id = ?", job));
    }

    @Test
    void aWorkerKilledMidJobIsReplacedAndTheJobFinishesOnce() throws Exception {
        JobQueue queue = new JobQueue(db, Duration.ofMillis(1500), deposits);
        drainOtherJobs(queue);
        UUID job = queuedJob(3);
        ScheduledExecutorService heartbeatsA = heartbeats();
        ScheduledExecutorService heartbeatsB = heartbeats();
        CountDownLatch aInTraining = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        AtomicInteger completions = new AtomicInteger();
        List<String> ranBy = new ArrayList<>();

        SynthesisWorker.JobHandler slow = (claim, progress) -> {
            ranBy.add(claim.worker());
            progress.step(JobStep.PROFILING, "profiling");
            progress.step(JobStep.TRAINING, "training");
            if (claim.worker().equals("worker-a")) {
                aInTraining.countDown();
                releaseA.await(30, TimeUnit.SECONDS);
                progress.step(JobStep.GENERATING, "generating"); // the lease is gone by now: this throws
            }
            progress.step(JobStep.GENERATING, "generating");
            progress.step(JobStep.EVALUATING, "evaluating");
            completions.incrementAndGet();
            return new SynthesisWorker.Outcome(
                    "jobs/" + claim.jobId() + "/attempt-" + claim.attempt(), "{\"ok\":true}");
        };

        SynthesisWorker a = new SynthesisWorker(queue, slow, "worker-a", Duration.ofMillis(100), heartbeatsA);
        Thread threadA = threads.newThread(() -> {
            try {
                a.runOne();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        threadA.start();
        assertTrue(aInTraining.await(10, TimeUnit.SECONDS));

        // Kill worker A: its heartbeats stop, as when its process dies.
        heartbeatsA.shutdownNow();
        Thread.sleep(2000); // past the lease

        SynthesisWorker b = new SynthesisWorker(queue, slow, "worker-b", Duration.ofMillis(100), heartbeatsB);
        assertTrue(b.runOne(), "the replacement worker takes the job over");
        assertEquals("SUCCEEDED", query("SELECT state FROM synthesis_job WHERE id = ?", job));
        assertEquals("2", query("SELECT attempts FROM synthesis_job WHERE id = ?", job));
        assertEquals("jobs/" + job + "/attempt-2", query("SELECT result_key FROM synthesis_job WHERE id = ?", job));
        assertEquals(
                "READY_FOR_REVIEW",
                query("SELECT d.state FROM deposit d JOIN synthesis_job j ON j.deposit_id = d.id WHERE j.id = ?", job));

        // The old worker wakes up: it must not finish the job a second time.
        releaseA.countDown();
        threadA.join(10_000);
        assertFalse(threadA.isAlive());
        assertEquals(1, completions.get(), "the job completed once");
        assertEquals(List.of("worker-a", "worker-b"), ranBy);
        assertEquals("1", query("SELECT count(*) FROM synthesis_job_event WHERE job_id = ? AND step = 'DONE'", job));
        assertEquals("2", query("SELECT max(attempt) FROM synthesis_job_event WHERE job_id = ?", job));
        assertEquals("jobs/" + job + "/attempt-2", query("SELECT result_key FROM synthesis_job WHERE id = ?", job));
        assertFalse(queue.heartbeat(new JobQueue.Claim(job, null, 1, "{}", "worker-a")));
        heartbeatsB.shutdownNow();
    }

    @Test
    void aJobWhoseWorkersKeepDyingFailsWithAReason() throws Exception {
        JobQueue queue = new JobQueue(db, Duration.ofMillis(300), deposits);
        drainOtherJobs(queue);
        UUID job = queuedJob(1);
        assertTrue(queue.claim("worker-a").isPresent());
        Thread.sleep(600);
        assertTrue(queue.claim("worker-b").isEmpty());
        assertEquals("FAILED", query("SELECT state FROM synthesis_job WHERE id = ?", job));
        assertTrue(query("SELECT failure_reason FROM synthesis_job WHERE id = ?", job)
                .contains("1 attempts"));
        assertEquals(
                "FAILED",
                query("SELECT d.state FROM deposit d JOIN synthesis_job j ON j.deposit_id = d.id WHERE j.id = ?", job));
    }

    @Test
    void anErrorInAJobFailsThatJobAndTheWorkerGoesOn() throws Exception {
        JobQueue queue = new JobQueue(db, Duration.ofSeconds(30), deposits);
        drainOtherJobs(queue);
        UUID broken = queuedJob(3);
        ScheduledExecutorService heartbeats = heartbeats();
        SynthesisWorker.JobHandler outOfMemory = (claim, progress) -> {
            progress.step(JobStep.TRAINING, "training");
            throw new OutOfMemoryError("Java heap space");
        };
        SynthesisWorker worker =
                new SynthesisWorker(queue, outOfMemory, "worker-a", Duration.ofMillis(100), heartbeats);
        assertTrue(worker.runOne(), "the Error ends the job, not the worker's loop");
        assertEquals("FAILED", query("SELECT state FROM synthesis_job WHERE id = ?", broken));
        String reason = query("SELECT failure_reason FROM synthesis_job WHERE id = ?", broken);
        assertTrue(reason.contains("incident"), reason);
        assertFalse(reason.contains("heap"), "the depositor reads an incident, not the Error: " + reason);
        UUID next = queuedJob(3);
        assertTrue(worker.runOne(), "the same worker claims the next job");
        assertEquals("FAILED", query("SELECT state FROM synthesis_job WHERE id = ?", next));
        heartbeats.shutdownNow();
    }

    @Test
    void aTransientDatabaseErrorStopsTheAttemptAndTheJobIsTriedAgain() throws Exception {
        JobQueue queue = new JobQueue(db, Duration.ofMillis(400), deposits);
        drainOtherJobs(queue);
        UUID job = queuedJob(3);
        ScheduledExecutorService heartbeats = heartbeats();
        AtomicInteger tries = new AtomicInteger();
        SynthesisWorker.JobHandler flaky = (claim, progress) -> {
            progress.step(JobStep.PROFILING, "reading the input");
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException(
                        "reading the input",
                        new PSQLException("This ResultSet is closed.", PSQLState.OBJECT_NOT_IN_STATE));
            }
            return new SynthesisWorker.Outcome("jobs/" + claim.jobId() + "/attempt-" + claim.attempt(), "{}");
        };
        SynthesisWorker worker = new SynthesisWorker(queue, flaky, "worker-a", Duration.ofMillis(100), heartbeats);
        assertTrue(worker.runOne());
        assertEquals("RUNNING", query("SELECT state FROM synthesis_job WHERE id = ?", job), "not failed");
        Thread.sleep(800); // past the lease
        assertTrue(worker.runOne(), "claimed again once the lease ended");
        assertEquals("SUCCEEDED", query("SELECT state FROM synthesis_job WHERE id = ?", job));
        assertEquals("2", query("SELECT attempts FROM synthesis_job WHERE id = ?", job));
        heartbeats.shutdownNow();
    }
}
