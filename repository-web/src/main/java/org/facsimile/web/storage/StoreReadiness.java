package org.facsimile.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}, "store": the blob store takes a write now. A node whose store is full or
 * read-only would accept an upload only to refuse it at the end; it leaves service instead.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    BlobStore store;

    @Override
    public HealthCheckResponse call() {
        try {
            store.probe();
            return HealthCheckResponse.named("store").up().build();
        } catch (IOException e) {
            // the exception's class, never its message: a path is no business of a load balancer
            return HealthCheckResponse.named("store")
                    .down()
                    .withData("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
