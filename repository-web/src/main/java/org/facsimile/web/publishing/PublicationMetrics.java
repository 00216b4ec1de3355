package org.facsimile.web.publishing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Publications made on this node, counted once their transaction has committed. */
@ApplicationScoped
public class PublicationMetrics {

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private Counter publications;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        publications = registry.counter(Metadata.builder()
                .withName("facsimile.publications")
                .withDescription("Dataset versions published on this node (first versions and new ones)")
                .build());
    }

    /** Counts a publication when the current transaction commits; a rolled-back one is not counted. */
    void published() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && publications != null) {
                    publications.inc();
                }
            }
        });
    }
}
