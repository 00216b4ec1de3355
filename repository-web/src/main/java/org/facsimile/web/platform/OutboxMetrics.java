package org.facsimile.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox's gauges, per topic of every handler: events not yet carried out, and the age of the
 * oldest of them (the lag of the search index or of DataCite behind the database).
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String QUERY = "SELECT 'pending:' || topic, count(*) FROM outbox WHERE done_at IS NULL GROUP BY topic"
            + " UNION ALL SELECT 'lag:' || topic, EXTRACT(EPOCH FROM now() - min(created_at))"
            + " FROM outbox WHERE done_at IS NULL GROUP BY topic";

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    @Inject
    @Any
    Instance<OutboxHandler> handlers;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        DatabaseFigures figures = new DatabaseFigures(dataSource, QUERY);
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        for (String topic : topics) {
            Tag tag = new Tag("topic", topic);
            registry.gauge(
                    Metadata.builder()
                            .withName("facsimile.outbox.pending")
                            .withDescription("Outbox events not yet carried out")
                            .build(),
                    () -> figures.get("pending:" + topic),
                    tag);
            registry.gauge(
                    Metadata.builder()
                            .withName("facsimile.outbox.lag")
                            .withDescription("Age of the oldest outbox event not yet carried out (0 when none)")
                            .withUnit(MetricUnits.SECONDS)
                            .build(),
                    () -> figures.get("lag:" + topic),
                    tag);
        }
    }
}
