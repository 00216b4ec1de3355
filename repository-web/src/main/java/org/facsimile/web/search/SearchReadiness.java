package org.facsimile.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}, "search": always up, saying whether Elasticsearch answers and, when it
 * does not, what that means. Deposits, publishing, landing pages and harvesting work without it
 * (the outbox catches the index up later), so search being away leaves the node degraded, not
 * out of service.
 */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    /** What readiness says while search is away. */
    static final String DEGRADED = "searching answers 503 until Elasticsearch is back;"
            + " depositing, publishing and harvesting go on and the index catches up";

    @Inject
    SearchIndex index;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = index.reachable();
        HealthCheckResponseBuilder answer =
                HealthCheckResponse.named("search").up().withData("reachable", reachable);
        return (reachable ? answer : answer.withData("degraded", DEGRADED)).build();
    }
}
