package org.facsimile.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}, "threads": no threads deadlocked on each other's locks, the one state of
 * the JVM a restart cures and waiting does not. An away database or search cluster is not a
 * reason to restart a node (readiness says so instead).
 */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        return HealthCheckResponse.named("threads")
                .status(deadlocked == null)
                .withData("live", threads.getThreadCount())
                .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length)
                .build();
    }
}
