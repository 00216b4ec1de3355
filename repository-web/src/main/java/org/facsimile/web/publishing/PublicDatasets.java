package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.web.platform.Setting;

/** The public read model: published versions only, with their files, and their public description. */
@ApplicationScoped
public class PublicDatasets {

    /** A published version with everything a public page or API needs, detached from the database. */
    public record PublicVersion(UUID datasetId, DatasetVersion version, List<Distribution> files) {}

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    /** The latest version of its dataset. */
    private static final String LATEST =
            " v.versionNumber = (SELECT max(u.versionNumber) FROM DatasetVersion u WHERE u.dataset = v.dataset) ";

    /** Versions of datasets that have not been withdrawn. */
    private static final String NOT_WITHDRAWN =
            " NOT EXISTS (SELECT w FROM DatasetWithdrawal w WHERE w.datasetId = v.dataset.id) ";

    /** The latest version of a dataset; empty when there is none or the dataset was withdrawn. */
    @Transactional
    public Optional<PublicVersion> latest(UUID datasetId) {
        List<DatasetVersion> versions = em.createQuery(
                        "SELECT v FROM DatasetVersion v WHERE v.dataset.id = :id AND" + NOT_WITHDRAWN
                                + "ORDER BY v.versionNumber DESC",
                        DatasetVersion.class)
                .setParameter("id", datasetId)
                .setMaxResults(1)
                .getResultList();
        return versions.stream().findFirst().map(this::load);
    }

    /**
     * The latest version of a dataset as a public answer: 404 for an unknown id, 410 (when and why)
     * for a withdrawn dataset.
     */
    @Transactional
    public PublicVersion published(String id) {
        UUID datasetId = org.facsimile.web.platform.ProblemException.uuidOrNotFound(id, "dataset");
        withdrawal(datasetId).ifPresent(w -> {
            throw new org.facsimile.web.platform.ProblemException(
                    410,
                    "withdrawn",
                    "Withdrawn",
                    "the dataset was withdrawn on "
                            + w.withdrawnAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate() + ": " + w.reason());
        });
        return latest(datasetId)
                .orElseThrow(() -> org.facsimile.web.platform.ProblemException.notFound("dataset " + id));
    }

    /** A version by id, whatever dataset it belongs to; empty when its dataset was withdrawn. */
    @Transactional
    public Optional<PublicVersion> version(UUID versionId) {
        return Optional.ofNullable(em.find(DatasetVersion.class, versionId))
                .filter(v -> em.find(DatasetWithdrawal.class, v.dataset().id()) == null)
                .map(this::load);
    }

    /** The tombstone of a withdrawn dataset. */
    @Transactional
    public Optional<DatasetWithdrawal> withdrawal(UUID datasetId) {
        return Optional.ofNullable(em.find(DatasetWithdrawal.class, datasetId));
    }

    /** Latest versions, oldest publication first (a stable order for paging). */
    @Transactional
    public List<PublicVersion> page(long offset, int limit) {
        return em
                .createQuery(
                        "SELECT v FROM DatasetVersion v WHERE" + LATEST + "AND" + NOT_WITHDRAWN
                                + "ORDER BY v.publishedAt, v.id",
                        DatasetVersion.class)
                .setFirstResult((int) Math.min(offset, Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(this::load)
                .toList();
    }

    /** Latest versions published at or after {@code since} (what a rebuilt index must catch up on). */
    @Transactional
    public List<PublicVersion> publishedSince(java.time.Instant since) {
        return em
                .createQuery(
                        "SELECT v FROM DatasetVersion v WHERE v.publishedAt >= :since AND" + LATEST + "AND"
                                + NOT_WITHDRAWN + "ORDER BY v.publishedAt, v.id",
                        DatasetVersion.class)
                .setParameter("since", since)
                .getResultList()
                .stream()
                .map(this::load)
                .toList();
    }

    /** Datasets withdrawn at or after {@code since}. */
    @Transactional
    public List<UUID> withdrawnSince(java.time.Instant since) {
        return em.createQuery("SELECT w.datasetId FROM DatasetWithdrawal w WHERE w.withdrawnAt >= :since", UUID.class)
                .setParameter("since", since)
                .getResultList();
    }

    @Transactional
    public long count() {
        return em.createQuery(
                        "SELECT count(d) FROM Dataset d WHERE NOT EXISTS "
                                + "(SELECT w FROM DatasetWithdrawal w WHERE w.datasetId = d.id)",
                        Long.class)
                .getSingleResult();
    }

    private PublicVersion load(DatasetVersion v) {
        UUID datasetId = v.dataset().id();
        List<Distribution> files = v.distributions();
        return new PublicVersion(datasetId, v, files);
    }

    /** The public URL of a dataset's landing page. */
    public static String landingPage(UUID datasetId) {
        return PublishedFields.landingPage(Setting.BASE_URL.get(), datasetId);
    }

    /** The public download URL of one of a dataset's files. */
    public static String download(UUID datasetId, String fileName) {
        return PublishedFields.download(Setting.BASE_URL.get(), datasetId, fileName);
    }

    /** The description harvesters and renderers get: metadata plus files, no private detail. */
    public static DatasetDescription describe(UUID datasetId, DatasetVersion v, List<Distribution> files) {
        return PublishedFields.of(datasetId, v, files).describe(Setting.BASE_URL.get(), Setting.REPOSITORY_NAME.get());
    }
}
