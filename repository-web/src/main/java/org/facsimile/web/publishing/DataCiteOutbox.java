package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.datacite.DataCiteJson;
import org.facsimile.web.platform.OutboxHandler;

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
            List<String> doi = em.createQuery("SELECT d.doi FROM DoiRecord d WHERE d.depositId = :id", String.class)
                    .setParameter("id", aggregate)
                    .getResultList();
            if (!doi.isEmpty()) {
                dataCite.draft(doi.get(0));
            }
            return;
        }
        if (DataCiteRegistrar.HIDE.equals(topic)) {
            for (String doi : em.createQuery(
                            "SELECT v.doi FROM DatasetVersion v WHERE v.dataset.id = :id", String.class)
                    .setParameter("id", aggregate)
                    .getResultList()) {
                dataCite.update(doi, HIDE_DOCUMENT.replace("{doi}", doi));
            }
            return;
        }
        Optional<PublicDatasets.PublicVersion> version = datasets.version(aggregate);
        if (version.isEmpty()) {
            return; // withdrawn before DataCite heard of it: the DOI stays a draft, never findable
        }
        PublicDatasets.PublicVersion p = version.get();
        DatasetDescription d = PublicDatasets.describe(p.datasetId(), p.version(), p.files());
        dataCite.update(d.doi(), DataCiteJson.request(d, PublicDatasets.landingPage(p.datasetId()), "publish"));
    }
}
