package org.facsimile.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /health/started}, "node": up once the database schema is migrated and validated and the
 * node's duties have begun (they begin just after the deployment ends).
 */
@org.eclipse.microprofile.health.Startup
@ApplicationScoped
public class NodeStarted implements HealthCheck {

    @Inject
    NodeState state;

    @Override
    public HealthCheckResponse call() {
        String schema = state.schemaVersion();
        return HealthCheckResponse.named("node")
                .status(schema != null && state.hasBegunDuties())
                .withData("schema", schema == null ? "not migrated yet" : "V" + schema)
                .withData("duties", state.hasBegunDuties() ? "begun" : "not begun yet")
                .build();
    }
}
