package org.facsimile.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.facsimile.web.platform.OutboxEvent;
import org.facsimile.web.platform.OutboxHandler;
import org.facsimile.web.publishing.PublicDatasets;

/** Keeps the search index in step with publications and withdrawals, from the outbox. */
@ApplicationScoped
public class SearchOutbox implements OutboxHandler {

    @Inject
    SearchIndex search;

    @Inject
    SearchDocuments documents;

    @Inject
    PublicDatasets datasets;

    @Override
    public Set<String> topics() {
        return Set.of(OutboxEvent.INDEX_VERSION, OutboxEvent.REMOVE_DATASET);
    }

    @Override
    public void apply(String topic, UUID aggregate) throws Exception {
        if (OutboxEvent.INDEX_VERSION.equals(topic)) {
            // the dataset's document is its latest version: an event for an older one, retried after a
            // newer one was indexed, must not bring the older one back
            Optional<PublicDatasets.PublicVersion> p = datasets.version(aggregate)
                    .flatMap(v -> v.superseded() ? datasets.latest(v.datasetId()) : Optional.of(v));
            if (p.isPresent()) {
                search.index(p.get().datasetId().toString(), documents.of(p.get()));
            }
            // else the dataset was withdrawn before its indexing came round: nothing to index
        } else {
            search.remove(aggregate.toString());
        }
    }
}
