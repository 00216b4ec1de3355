package org.facsimile.web.synthesis;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.web.platform.DatabaseOutage;
import org.facsimile.web.platform.Redacted;

/**
 * One worker thread: claims jobs from the {@link JobQueue}, keeps their lease alive by heartbeat,
 * and runs them through a {@link JobHandler}. A worker that is killed simply stops renewing its
 * lease; the job is claimed again by another worker once the lease runs out.
 */
public final class SynthesisWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(SynthesisWorker.class.getName());

    /** What a job does. Implementations call {@code progress} at every step. */
    @FunctionalInterface
    public interface JobHandler {
        Outcome run(JobQueue.Claim claim, Progress progress) throws Exception;
    }

    /** Records a step; throws {@link LeaseLostException} when the job is no longer this worker's. */
    @FunctionalInterface
    public interface Progress {

        /** Records how far the job has come in {@code step} ({@code done} 0 to 1, or null for its start). */
        void step(JobStep step, String message, Double done);

        /** Records that the job entered {@code step}. */
        default void step(JobStep step, String message) {
            step(step, message, null);
        }

        /** The engine's progress, told here, each message after {@code prefix} (a table's name, or ""). */
        default ProgressListener engine(String prefix) {
            return new ProgressListener() {
                @Override
                public void stepStarted(Step step, String message) {
                    step(JobStep.of(step), prefix + message, null);
                }

                @Override
                public void stepAdvanced(Step step, double done, String message) {
                    step(JobStep.of(step), prefix + message, done);
                }
            };
        }
    }

    /** A finished job: where its output is and its report (JSON). */
    public record Outcome(String resultKey, String report) {}

    /** A job failure whose message is safe to show the depositor (it names no data). */
    public static final class JobFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public JobFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The job was taken by another worker; this run's results are discarded. */
    public static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("lease lost");
        }
    }

    private final JobQueue queue;
    private final JobHandler handler;
    private final String name;
    private final Duration poll;
    private final ScheduledExecutorService heartbeats;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** When the loop last came round to the queue (System.nanoTime), for the liveness check. */
    private volatile long lastPoll = System.nanoTime();
    /** Whether a job is running now (the loop does not come round meanwhile). */
    private volatile boolean busy;

    public SynthesisWorker(
            JobQueue queue, JobHandler handler, String name, Duration poll, ScheduledExecutorService heartbeats) {
        this.queue = queue;
        this.handler = handler;
        this.name = name;
        this.poll = poll;
        this.heartbeats = heartbeats;
    }

    /** Asks the worker to stop after its current job. */
    public void stop() {
        stopped.set(true);
    }

    /** Whether a job is running on this worker now. */
    public boolean busy() {
        return busy;
    }

    /** Seconds since the worker last came round to the queue (while idle it does every poll). */
    public double secondsSincePoll() {
        return (System.nanoTime() - lastPoll) / 1e9;
    }

    @Override
    public void run() {
        while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
            lastPoll = System.nanoTime();
            try {
                if (!runOne()) {
                    Thread.sleep(poll.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "worker " + name + ": queue unavailable, retrying", e);
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Claims and runs one job; false when there was none. */
    public boolean runOne() throws Exception {
        Optional<JobQueue.Claim> next = queue.claim(name);
        if (next.isEmpty()) {
            return false;
        }
        JobQueue.Claim claim = next.get();
        busy = true;
        // which node ran which attempt: an operator's first question when nodes are many
        LOG.info("job " + claim.jobId() + " attempt " + claim.attempt() + " taken by " + name);
        AtomicBoolean lost = new AtomicBoolean();
        long period = Math.max(100, queue.lease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(
                () -> {
                    try {
                        if (!queue.heartbeat(claim)) {
                            lost.set(true);
                        }
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "heartbeat of job " + claim.jobId() + " failed", e);
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
        try {
            Progress progress = (step, message, done) -> {
                try {
                    if (lost.get() || !queue.step(claim, step, message, done)) {
                        throw new LeaseLostException();
                    }
                } catch (SQLException e) {
                    if (DatabaseOutage.isCause(e)) {
                        // without the database the lease cannot be held: stop, and let the job be
                        // taken over when the lease has ended and the database is back
                        throw new LeaseLostException();
                    }
                    throw new IllegalStateException("could not record progress", e);
                }
            };
            Outcome outcome = handler.run(claim, progress);
            if (!queue.succeed(claim, outcome.resultKey(), outcome.report())) {
                LOG.info("job " + claim.jobId() + " attempt " + claim.attempt()
                        + " finished after its lease was lost; result discarded");
            }
        } catch (LeaseLostException e) {
            LOG.info("job " + claim.jobId() + " attempt " + claim.attempt() + " lost its lease; stopped");
        } catch (JobFailure e) {
            queue.fail(claim, e.getMessage());
        } catch (Exception | Error e) {
            // an Error too (out of memory in training, a missing native library): the job fails
            // with an incident and the worker goes on; uncaught, it would end this worker thread
            // with nothing in the log and the job retried until its attempts ran out
            if (DatabaseOutage.isCause(e)) {
                LOG.warning("job " + claim.jobId() + " attempt " + claim.attempt()
                        + " stopped: the database cannot be reached; it is taken over when its lease ends");
                return true;
            }
            if (DatabaseOutage.isTransient(e)) {
                // the lease runs out and the job is claimed again, as a new attempt (the queue's
                // maximum still bounds a failure that keeps coming back)
                LOG.log(
                        Level.WARNING,
                        "job " + claim.jobId() + " attempt " + claim.attempt()
                                + " stopped by a transient database error; it is tried again when its lease ends",
                        Redacted.of(e));
                return true;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "job " + claim.jobId() + " failed, incident " + incident, Redacted.of(e));
            queue.fail(claim, "synthesis failed unexpectedly (incident " + incident + ")");
        } finally {
            heartbeat.cancel(false);
            // the poll time first: between the two, liveness must not see an idle worker whose
            // last poll was before the job began
            lastPoll = System.nanoTime();
            busy = false;
        }
        return true;
    }
}
