package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.datacite.DataCiteJson;
import org.facsimile.web.platform.OutboxHandler;
import org.facsimile.web.publishing.doi.DataCiteClient;
import org.facsimile.web.publishing.doi.DataCiteRegistrar;

/** Tells DataCite, from the outbox, what the DataCite registrar recorded. */
@ApplicationScoped
public class DataCiteOutbox implements OutboxHandler {

    /** The state change alone: "hide" makes a findable DOI registered (resolving, not listed). */
    private static final String HIDE_DOCUMENT =
            "{\"data\":{\"type\":\"dois\",\"id\":\"{doi}\",\"attributes\":{\"event\":\"hide\"}}}";

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    DataCiteClient dataCite;

    @Inject
    PublicDatasets datasets;

    @Override
    public Set<String> topics() {
        return Set.of(DataCiteRegistrar.DRAFT, DataCiteRegistrar.PUBLISH, DataCiteRegistrar.HIDE);
    }

    @Override
    public void apply(String topic, UUID aggregate) throws Exception {
        if (DataCiteRegistrar.DRAFT.equals(topic)) {
            // creating a draft that exists is fine, so the deposit's DOIs can all be sent again
            for (String doi : em.createQuery(
                            "SELECT d.doi FROM DoiRecord d WHERE d.depositId = :id ORDER BY d.createdAt", String.class)
                    .setParameter("id", aggregate)
                    .getResultList()) {
                dataCite.draft(doi);
            }
            return;
        }
        if (DataCiteRegistrar.HIDE.equals(topic)) {
            List<String> dois = new ArrayList<>(
                    em.createQuery("SELECT v.doi FROM DatasetVersion v WHERE v.dataset.id = :id", String.class)
                            .setParameter("id", aggregate)
                            .getResultList());
            dois.addAll(em.createQuery("SELECT d.conceptDoi FROM Dataset d WHERE d.id = :id", String.class)
                    .setParameter("id", aggregate)
                    .getResultList());
            for (String doi : dois) {
                if (!dataCite.exists(doi)) {
                    continue; // never sent to DataCite (another registrar minted it): nothing to hide
                }
                dataCite.update(doi, HIDE_DOCUMENT.replace("{doi}", doi));
            }
            return;
        }
        Optional<PublicDatasets.PublicVersion> version = datasets.version(aggregate);
        if (version.isEmpty()) {
            return; // withdrawn before DataCite heard of it: the DOI stays a draft, never findable
        }
        PublicDatasets.PublicVersion p = version.get();
        DatasetDescription d = p.describe();
        dataCite.update(d.doi(), DataCiteJson.request(d, p.page(), "publish"));
        // the version before now says which version replaced it (a metadata update, no state change)
        Optional<PublicDatasets.PublicVersion> before =
                p.numbered(p.number() - 1).flatMap(r -> datasets.version(r.id()));
        if (before.isPresent()) {
            PublicDatasets.PublicVersion b = before.get();
            dataCite.update(b.version().doi(), DataCiteJson.request(b.describe(), b.page(), null));
        }
        // the concept follows the latest version; an event replayed after a newer one leaves it be
        if (!p.superseded()) {
            DatasetDescription concept = p.describeConcept();
            dataCite.update(
                    concept.doi(), DataCiteJson.request(concept, PublicDatasets.landingPage(p.datasetId()), "publish"));
        }
    }
}
