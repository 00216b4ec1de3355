package org.facsimile.web.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's periodic duties (the outbox relay, the search index check, job heartbeats, progress
 * streams), each on threads of its own.
 *
 * <p>Why not the container's default {@code ManagedScheduledExecutorService}: Payara Micro
 * configures it with {@code core-pool-size="0"}, and a {@link ScheduledThreadPoolExecutor} of core
 * size 0 runs every task of the application on <em>one</em> thread. A relay call waiting on
 * Elasticsearch then delayed the heartbeats that hold a job's lease, and a progress stream stuck
 * sending to a gone client delayed the relay. The threads here still come from the container's
 * {@link ManagedThreadFactory}, so they carry the application's context (class loader, naming)
 * and may start transactions.
 *
 * <p>Why every task is {@linkplain #guarded guarded}: a periodic task that throws is never run
 * again, and the executor keeps the throwable in a future nobody reads. The search index check
 * died that way once at start-up (no index until the node restarted, no line in the log).
 *
 * <p>Why duties begin only {@linkplain #afterDeployment after deployment}: at the end of a
 * deployment Payara closes the jar files it opened while deploying, and a class loaded from
 * another thread at that moment fails with "zip file closed". The JVM remembers a failed link, so
 * the caller stays broken for the life of the node: the index check that died at start-up failed
 * with a {@code BootstrapMethodError} in the Elasticsearch client on every later try.
 */
@ApplicationScoped
public class BackgroundDuties {

    private static final Logger LOG = Logger.getLogger(BackgroundDuties.class.getName());

    @Resource
    ManagedThreadFactory threads;

    private final List<ScheduledExecutorService> started = new ArrayList<>();

    /**
     * How long after the node's start-up code its duties begin. A deployment ends within a fraction
     * of a second of that code (0.1 to 0.3 s in the integration tests' logs); the margin is for a
     * loaded machine.
     */
    static final long DEPLOYMENT_GRACE_MILLIS = 5_000;

    /** Runs {@code start} once the deployment has ended; cancel the future to call it off. */
    public ScheduledFuture<?> afterDeployment(Runnable start) {
        ScheduledExecutorService once = scheduler("start", 1);
        ScheduledFuture<?> planned = once.schedule(
                guarded("starting the node's duties", start), DEPLOYMENT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        once.shutdown(); // the planned start still runs; then the thread ends
        return planned;
    }

    /** A scheduler of its own for one duty, with {@code size} threads named after it. */
    public synchronized ScheduledExecutorService scheduler(String duty, int size) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(size, named(threads, duty));
        executor.setRemoveOnCancelPolicy(true); // a cancelled stream's task does not wait out its delay
        started.add(executor);
        return executor;
    }

    @PreDestroy
    synchronized void stopAll() {
        started.forEach(ScheduledExecutorService::shutdownNow);
        started.clear();
    }

    /**
     * The task, made safe to repeat: whatever it throws is logged under the duty's name and the
     * next run comes as planned. The first failure of a kind is a warning with its stack; the same
     * failure again is logged at {@code FINE}, so an outage of minutes does not flood the log.
     */
    public static Runnable guarded(String duty, Runnable task) {
        return new Runnable() {
            private String lastFailure;

            @Override
            public void run() {
                try {
                    task.run();
                    lastFailure = null;
                } catch (Throwable e) { // an Error too: the executor would keep it and never run the task again
                    String kind = e.getClass().getName();
                    boolean again = kind.equals(lastFailure);
                    lastFailure = kind;
                    LOG.log(
                            again ? Level.FINE : Level.WARNING,
                            duty + " failed; it runs again as planned",
                            Redacted.of(e));
                }
            }
        };
    }

    static ThreadFactory named(ThreadFactory factory, String duty) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = factory.newThread(r);
            t.setName("facsimile-" + duty + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
