package org.facsimile.web.publishing.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.OutboxEvent;

/**
 * DOIs registered with DataCite. The records are kept locally as by the local registrar, in the
 * caller's transaction; what DataCite must learn (a draft DOI when a deposit is made, the full
 * metadata and "publish" when a version is published) goes through the outbox, so DataCite being
 * slow or down never blocks a deposit or a publication: the relay retries until DataCite has it.
 */
@ApplicationScoped
@Typed(DataCiteRegistrar.class)
public class DataCiteRegistrar implements DoiRegistrar {

    /** Create the draft DOIs of a deposit at DataCite (its version's, and a new dataset's concept DOI); aggregate = the deposit. */
    public static final String DRAFT = "datacite.draft";
    /**
     * Send the version's metadata and make its DOI findable, update the version before it (now
     * superseded) and the concept DOI (now leading to it); aggregate = the version.
     */
    public static final String PUBLISH = "datacite.publish";
    /** Take a withdrawn dataset's DOIs out of DataCite's search (they still resolve); aggregate = the dataset. */
    public static final String HIDE = "datacite.hide";

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    LocalDoiRegistrar records;

    @Inject
    Clock clock;

    @Override
    public String mint() {
        return records.mint();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(String doi, UUID depositId) {
        records.reserve(doi, depositId, "datacite");
        em.persist(new OutboxEvent(DRAFT, depositId, clock.now()));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(String doi, UUID versionId, String targetUrl) {
        records.register(doi, versionId, targetUrl);
        em.persist(new OutboxEvent(PUBLISH, versionId, clock.now()));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void registerConcept(String conceptDoi, UUID latestVersionId, String targetUrl) {
        records.register(conceptDoi, latestVersionId, targetUrl); // DataCite learns it with the version
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void metadataChanged(UUID versionId) {
        // the publish event sends the version's metadata as it reads now (a findable DOI stays so)
        em.persist(new OutboxEvent(PUBLISH, versionId, clock.now()));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID datasetId) {
        em.persist(new OutboxEvent(HIDE, datasetId, clock.now()));
    }

    @Override
    public Optional<String> resolve(String doi) {
        return records.resolve(doi);
    }
}
