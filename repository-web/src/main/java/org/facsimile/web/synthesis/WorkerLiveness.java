package org.facsimile.web.synthesis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.facsimile.web.platform.Setting;

/**
 * {@code /health/live}, "workers": every idle worker thread comes round to the job queue (it
 * does every poll interval, and keeps doing so while the database is away); a thread that has
 * not for {@link #stalled} is stuck, and only a restart frees it (its job's lease then ends and
 * another node takes the job over). A worker running a job is alive by its heartbeats, which keep
 * its lease. A web-only node has no workers and is always up here.
 */
@Liveness
@ApplicationScoped
public class WorkerLiveness implements HealthCheck {

    /** The least time without a poll that counts as stuck, whatever the poll interval. */
    static final double MIN_STALL_SECONDS = 60;

    @Inject
    WorkerPool pool;

    /** Seconds without a poll after which an idle worker counts as stuck: 20 polls, at least a minute. */
    static double stalled(long pollMillis) {
        return Math.max(MIN_STALL_SECONDS, 20 * pollMillis / 1000.0);
    }

    @Override
    public HealthCheckResponse call() {
        List<SynthesisWorker> workers = pool.workers();
        double limit = stalled(Setting.WORKER_POLL_MILLIS.getLong());
        int busy = 0;
        double longest = 0;
        for (SynthesisWorker worker : workers) {
            if (worker.busy()) {
                busy++;
            } else {
                longest = Math.max(longest, worker.secondsSincePoll());
            }
        }
        return HealthCheckResponse.named("workers")
                .status(longest <= limit)
                .withData("threads", workers.size())
                .withData("busy", busy)
                .withData("longestIdleWithoutPollSeconds", String.format(Locale.ROOT, "%.1f", longest))
                .build();
    }
}
