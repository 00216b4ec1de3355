package org.facsimile.web.synthesis;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.facsimile.web.platform.BackgroundDuties;
import org.facsimile.web.platform.NodeLifecycle;
import org.facsimile.web.platform.Setting;

/** This node's worker threads ({@code facsimile.worker.threads}; 0 = a web-only node). */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    BackgroundDuties duties;

    @Inject
    SynthesisJobHandler handler;

    @Inject
    DepositTransitions deposits;

    private final List<SynthesisWorker> workers = new ArrayList<>();

    void begin(@Observes NodeLifecycle.DutiesBegin begin) {
        start(begin.dataSource());
    }

    void end(@Observes NodeLifecycle.DutiesEnd end) {
        stop();
    }

    synchronized void start(DataSource dataSource) {
        int threads = Setting.WORKER_THREADS.getInt();
        JobQueue queue = new JobQueue(dataSource, Duration.ofSeconds(Setting.WORKER_LEASE_SECONDS.getLong()), deposits);
        Duration poll = Duration.ofMillis(Setting.WORKER_POLL_MILLIS.getLong());
        String node = nodeName();
        // heartbeats on threads of their own: a lease must not wait behind the outbox or a stream
        ScheduledExecutorService heartbeats = duties.scheduler("heartbeat", Math.max(1, threads));
        for (int i = 0; i < threads; i++) {
            SynthesisWorker worker = new SynthesisWorker(queue, handler, node + "/worker-" + i, poll, heartbeats);
            workers.add(worker);
            executor.submit(worker);
        }
        LOG.info("started " + threads + " synthesis worker thread(s) on " + node);
    }

    synchronized void stop() {
        workers.forEach(SynthesisWorker::stop);
        workers.clear();
    }

    /** This node's worker threads as they are now. */
    public synchronized List<SynthesisWorker> workers() {
        return List.copyOf(workers);
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        // unique per start, so a restarted node never mistakes an old lease for its own
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
