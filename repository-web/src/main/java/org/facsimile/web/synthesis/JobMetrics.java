package org.facsimile.web.synthesis;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.facsimile.web.platform.DatabaseFigures;
import org.facsimile.web.platform.Startup;

/**
 * The job queue's metrics: gauges of the jobs in each state and of the oldest queued job's age
 * (from the database, the same on every node: the queue is one), and a timer of the synthesis
 * time per 1,000 generated rows of each finished job, by synthesizer, on the node that ran it.
 */
@ApplicationScoped
public class JobMetrics {

    static final List<String> STATES = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED");

    static final String QUERY = "SELECT state, count(*) FROM synthesis_job GROUP BY state"
            + " UNION ALL SELECT 'oldest', COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)"
            + " FROM synthesis_job WHERE state = 'QUEUED'";

    static final Metadata PER_THOUSAND_ROWS = Metadata.builder()
            .withName("facsimile.synthesis.per.thousand.rows")
            .withDescription("Synthesis time (profiling, training, generating, evaluating) per 1,000 generated rows")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        DatabaseFigures figures = new DatabaseFigures(dataSource, QUERY);
        Metadata jobs = Metadata.builder()
                .withName("facsimile.jobs")
                .withDescription("Synthesis jobs in each state")
                .build();
        for (String state : STATES) {
            registry.gauge(jobs, () -> figures.get(state), new Tag("state", state.toLowerCase(Locale.ROOT)));
        }
        registry.gauge(
                Metadata.builder()
                        .withName("facsimile.jobs.oldest.queued")
                        .withDescription("Age of the oldest queued synthesis job (0 when none waits)")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                () -> figures.get("oldest"));
    }

    /** Records a finished job: {@code elapsed} for {@code rows} generated rows by {@code synthesizer}. */
    void finished(String synthesizer, Duration elapsed, long rows) {
        if (rows > 0) {
            registry.timer(PER_THOUSAND_ROWS, new Tag("synthesizer", synthesizer))
                    .update(elapsed.multipliedBy(1000).dividedBy(rows));
        }
    }
}
