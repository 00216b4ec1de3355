package org.facsimile.web.publishing.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.Setting;

/**
 * The default registrar: DOIs under a configured prefix (10.5072, DataCite's test prefix, unless
 * set), kept in the doi table and resolved by this repository's own {@code /doi/...} resolver.
 * The DataCite registrar keeps its records here too. Injected as {@link DoiRegistrar} through
 * {@link DoiRegistrars}, which picks by configuration.
 */
@ApplicationScoped
@Typed(LocalDoiRegistrar.class)
public class LocalDoiRegistrar implements DoiRegistrar {

    /** Crockford base32: no I, L, O, U, so a DOI read aloud or retyped stays right. */
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public String mint() {
        StringBuilder suffix = new StringBuilder("fcsm.");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                suffix.append('-');
            }
            suffix.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return Setting.DOI_PREFIX.get().trim() + "/" + suffix;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(String doi, UUID depositId) {
        reserve(doi, depositId, "local");
    }

    /** Records a reserved DOI, naming the registrar that holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(String doi, UUID depositId, String registrar) {
        em.persist(new DoiRecord(doi, registrar, depositId, clock.now()));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(String doi, UUID versionId, String targetUrl) {
        DoiRecord record = em.find(DoiRecord.class, doi);
        if (record == null) {
            throw new IllegalStateException("DOI " + doi + " was never reserved");
        }
        record.registered(versionId, targetUrl, clock.now());
    }

    @Override
    @Transactional
    public Optional<String> resolve(String doi) {
        // DOI names are case-insensitive
        return em.createQuery("SELECT d FROM DoiRecord d WHERE lower(d.doi) = :doi", DoiRecord.class)
                .setParameter("doi", doi.toLowerCase(Locale.ROOT))
                .getResultStream()
                .filter(d -> DoiRecord.FINDABLE.equals(d.state()))
                .map(DoiRecord::targetUrl)
                .findFirst();
    }
}
