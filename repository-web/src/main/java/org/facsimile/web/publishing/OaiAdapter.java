package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.harvest.port.OaiItem;
import org.facsimile.harvest.port.OaiRepository;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.platform.Setting;

/**
 * The repository as OAI-PMH sees it: each dataset is a record (its latest version), dated by its
 * publication to the second, in the set {@code synthetic} and in a set per licence.
 */
@ApplicationScoped
public class OaiAdapter implements OaiRepository {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    PublicDatasets datasets;

    @Override
    public String repositoryName() {
        return Setting.REPOSITORY_NAME.get();
    }

    @Override
    public String baseUrl() {
        return Setting.BASE_URL.get() + "/api/oai";
    }

    @Override
    public String adminEmail() {
        return Setting.ADMIN_EMAIL.get();
    }

    @Override
    public String repositoryIdentifier() {
        return Setting.OAI_REPOSITORY_IDENTIFIER.get();
    }

    @Override
    @Transactional
    public Instant earliestDatestamp() {
        Instant first = em.createQuery("SELECT min(v.publishedAt) FROM DatasetVersion v", Instant.class)
                .getSingleResult();
        return first == null ? Instant.EPOCH : first.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public List<OaiSet> sets() {
        List<OaiSet> sets = new ArrayList<>();
        sets.add(new OaiSet("synthetic", "Synthetic data"));
        sets.add(new OaiSet(licenceSet(DepositMetadata.LICENCES.get(0)), "Licence: CC BY 4.0"));
        sets.add(new OaiSet(licenceSet(DepositMetadata.LICENCES.get(1)), "Licence: CC0 1.0"));
        return sets;
    }

    @Override
    @Transactional
    public Optional<OaiItem> item(String localId) {
        try {
            return datasets.latest(UUID.fromString(localId)).map(OaiAdapter::item);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public List<OaiItem> items(
            Instant from, Instant until, String set, Instant afterDatestamp, String afterId, int limit) {
        // ordered by exactly the resumption key: the datestamp to the second, then the id
        String sql = "SELECT v.id FROM dataset_version v WHERE v.version_number = "
                + "(SELECT max(w.version_number) FROM dataset_version w WHERE w.dataset_id = v.dataset_id)"
                + (from == null ? "" : " AND v.published_at >= :from")
                + " AND v.published_at < :untilExclusive"
                + (set == null || set.equals("synthetic") ? "" : " AND v.licence = :licence")
                + (afterDatestamp == null
                        ? ""
                        : " AND (date_trunc('second', v.published_at) > :after OR (date_trunc('second', v.published_at) = :after"
                                + " AND v.dataset_id::text > :afterId))")
                + " ORDER BY date_trunc('second', v.published_at), v.dataset_id LIMIT :limit";
        jakarta.persistence.Query query = em.createNativeQuery(sql, UUID.class);
        if (from != null) {
            query.setParameter("from", from);
        }
        query.setParameter(
                "untilExclusive", until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        if (set != null && !set.equals("synthetic")) {
            query.setParameter("licence", licenceOfSet(set));
        }
        if (afterDatestamp != null) {
            query.setParameter("after", afterDatestamp).setParameter("afterId", afterId);
        }
        query.setParameter("limit", limit);
        List<OaiItem> items = new ArrayList<>();
        for (Object id : query.getResultList()) {
            items.add(item(datasets.version((UUID) id).orElseThrow()));
        }
        return items;
    }

    @Override
    @Transactional
    public long count(Instant from, Instant until, String set) {
        TypedQuery<Long> query =
                em.createQuery("SELECT count(v) FROM DatasetVersion v WHERE " + LATEST + window(from, set), Long.class);
        bind(query, from, until, set);
        return query.getSingleResult();
    }

    private static final String LATEST =
            "v.versionNumber = (SELECT max(w.versionNumber) FROM DatasetVersion w WHERE w.dataset = v.dataset)";

    private static String window(Instant from, String set) {
        String licence = set == null || set.equals("synthetic") ? "" : " AND v.licence = :licence";
        return (from == null ? "" : " AND v.publishedAt >= :from") + " AND v.publishedAt < :untilExclusive" + licence;
    }

    private static void bind(TypedQuery<?> query, Instant from, Instant until, String set) {
        if (from != null) {
            query.setParameter("from", from);
        }
        // datestamps are seconds: until takes in the whole of its last second
        query.setParameter(
                "untilExclusive", until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        if (set != null && !set.equals("synthetic")) {
            query.setParameter("licence", licenceOfSet(set));
        }
    }

    static String licenceSet(String licence) {
        return licence.contains("/by/4.0")
                ? "licence:cc-by-4.0"
                : licence.contains("/zero/1.0") ? "licence:cc0-1.0" : "licence:other";
    }

    private static String licenceOfSet(String set) {
        return switch (set) {
            case "licence:cc-by-4.0" -> DepositMetadata.LICENCES.get(0);
            case "licence:cc0-1.0" -> DepositMetadata.LICENCES.get(1);
            default -> "(none)";
        };
    }

    private static OaiItem item(PublicDatasets.PublicVersion p) {
        DatasetVersion v = p.version();
        return new OaiItem(
                p.datasetId().toString(),
                v.publishedAt().truncatedTo(ChronoUnit.SECONDS),
                List.of("synthetic", licenceSet(v.licence())),
                false,
                PublicDatasets.describe(p.datasetId(), v, p.files()));
    }
}
