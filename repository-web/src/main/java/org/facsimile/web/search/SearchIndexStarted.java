package org.facsimile.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * {@code /health/started}, "search index": up once this node's index check has found the index
 * current (rebuilding it if need be) or found Elasticsearch away (the node starts degraded and
 * checks again every 10 s); down before the first check and while the index is rebuilt, so no
 * traffic reaches a node whose search would answer from half an index.
 */
@Startup
@ApplicationScoped
public class SearchIndexStarted implements HealthCheck {

    @Inject
    SearchMaintenance maintenance;

    @Override
    public HealthCheckResponse call() {
        SearchMaintenance.IndexCheck check = maintenance.indexCheck();
        return HealthCheckResponse.named("search index")
                .status(check == SearchMaintenance.IndexCheck.CURRENT
                        || check == SearchMaintenance.IndexCheck.UNREACHABLE)
                .withData("index", check.name().toLowerCase(Locale.ROOT))
                .build();
    }
}
