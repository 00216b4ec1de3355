package org.facsimile.web.deposit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.facsimile.web.platform.DatabaseFigures;
import org.facsimile.web.platform.Startup;

/**
 * Deposits' metrics: a gauge of the deposits in each state (from the database, so every node
 * says the same) and a counter of the bytes this node received in uploads.
 */
@ApplicationScoped
public class DepositMetrics {

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private Counter uploadBytes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        DatabaseFigures figures = new DatabaseFigures(dataSource, "SELECT state, count(*) FROM deposit GROUP BY state");
        Metadata deposits = Metadata.builder()
                .withName("facsimile.deposits")
                .withDescription("Deposits in each state")
                .build();
        for (DepositState state : DepositState.values()) {
            registry.gauge(
                    deposits,
                    () -> figures.get(state.name()),
                    new Tag("state", state.name().toLowerCase(Locale.ROOT)));
        }
        uploadBytes = registry.counter(Metadata.builder()
                .withName("facsimile.upload")
                .withDescription("Bytes received in uploads on this node")
                .withUnit(MetricUnits.BYTES)
                .build());
    }

    /** Counts the bytes of an upload this node stored. */
    void uploaded(long bytes) {
        if (uploadBytes != null) {
            uploadBytes.inc(bytes);
        }
    }
}
