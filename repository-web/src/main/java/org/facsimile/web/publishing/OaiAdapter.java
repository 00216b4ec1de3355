package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * publication to the second, in the set {@code synthetic} and in a set per licence. A withdrawn
 * dataset stays as a persistent tombstone: a deleted record dated by its withdrawal, so an
 * incremental harvest learns of it once.
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
        UUID datasetId;
        try {
            datasetId = UUID.fromString(localId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<DatasetWithdrawal> withdrawn = datasets.withdrawal(datasetId);
        if (withdrawn.isPresent()) {
            return Optional.of(tombstone(datasetId, withdrawn.get().withdrawnAt(), licenceOf(datasetId)));
        }
        return datasets.latest(datasetId).map(OaiAdapter::item);
    }

    /**
     * Every record a harvester can see: the latest version of each dataset still published, dated
     * by its publication, and a tombstone for each withdrawn one, dated by its withdrawal; with the
     * licence for set selection and the datestamp to the second for the resumption key.
     */
    private static final String RECORDS = "SELECT v.dataset_id AS id, v.published_at AS at, v.licence AS licence,"
            + " false AS deleted FROM dataset_version v"
            + " WHERE v.version_number = (SELECT max(u.version_number) FROM dataset_version u"
            + " WHERE u.dataset_id = v.dataset_id)"
            + " AND NOT EXISTS (SELECT 1 FROM dataset_withdrawal w WHERE w.dataset_id = v.dataset_id)"
            + " UNION ALL SELECT w.dataset_id, w.withdrawn_at, v.licence, true FROM dataset_withdrawal w"
            + " JOIN dataset_version v ON v.dataset_id = w.dataset_id AND v.version_number ="
            + " (SELECT max(u.version_number) FROM dataset_version u WHERE u.dataset_id = w.dataset_id)";

    @Override
    @Transactional
    public List<OaiItem> items(
            Instant from, Instant until, String set, Instant afterDatestamp, String afterId, int limit) {
        // ordered by exactly the resumption key: the datestamp to the second, then the id
        String sql = "SELECT r.id, r.at, r.licence, r.deleted FROM (" + RECORDS + ") r WHERE " + window(from, set)
                + (afterDatestamp == null
                        ? ""
                        : " AND (date_trunc('second', r.at) > :after OR (date_trunc('second', r.at) = :after"
                                + " AND r.id::text > :afterId))")
                + " ORDER BY date_trunc('second', r.at), r.id LIMIT :limit";
        jakarta.persistence.Query query = em.createNativeQuery(sql);
        bind(query, from, until, set);
        if (afterDatestamp != null) {
            query.setParameter("after", afterDatestamp).setParameter("afterId", afterId);
        }
        query.setParameter("limit", limit);
        List<OaiItem> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[0];
            if ((Boolean) r[3]) {
                items.add(tombstone(id, instant(r[1]), (String) r[2]));
            } else {
                items.add(item(datasets.latest(id).orElseThrow()));
            }
        }
        return items;
    }

    @Override
    @Transactional
    public long count(Instant from, Instant until, String set) {
        jakarta.persistence.Query query =
                em.createNativeQuery("SELECT count(*) FROM (" + RECORDS + ") r WHERE " + window(from, set));
        bind(query, from, until, set);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String window(Instant from, String set) {
        String licence = set == null || set.equals("synthetic") ? "" : " AND r.licence = :licence";
        return (from == null ? "true" : "r.at >= :from") + " AND r.at < :untilExclusive" + licence;
    }

    private static void bind(jakarta.persistence.Query query, Instant from, Instant until, String set) {
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

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private String licenceOf(UUID datasetId) {
        return em.createQuery(
                        "SELECT v.licence FROM DatasetVersion v WHERE v.dataset.id = :id ORDER BY v.versionNumber DESC",
                        String.class)
                .setParameter("id", datasetId)
                .setMaxResults(1)
                .getSingleResult();
    }

    /** A withdrawn dataset as OAI-PMH keeps it: the header, marked deleted, in the sets it was in. */
    private static OaiItem tombstone(UUID datasetId, Instant withdrawnAt, String licence) {
        return new OaiItem(
                datasetId.toString(),
                withdrawnAt.truncatedTo(ChronoUnit.SECONDS),
                List.of("synthetic", licenceSet(licence)),
                true,
                null);
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
