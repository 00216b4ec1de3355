package org.facsimile.web.publishing;

import de.siegmar.fastcsv.reader.CsvParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.Provenance;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.synthesis.JobSettings;
import org.facsimile.web.synthesis.SynthesisJob;

/** The public read model: published versions only, with their files, and their public description. */
@ApplicationScoped
public class PublicDatasets {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** One version in a dataset's version list. */
    public record VersionRef(UUID id, int number, String doi, Instant published) {}

    /**
     * A published version with everything a public page or API needs, detached from the database.
     *
     * @param conceptDoi the DOI of the dataset as a whole
     * @param versions all versions of the dataset, oldest first
     */
    public record PublicVersion(
            UUID datasetId,
            DatasetVersion version,
            List<Distribution> files,
            String conceptDoi,
            List<VersionRef> versions) {

        public PublicVersion {
            files = List.copyOf(files);
            versions = List.copyOf(versions);
        }

        public int number() {
            return version.versionNumber();
        }

        /** The latest version, which the dataset's URL and concept DOI lead to. */
        public VersionRef latest() {
            return versions.get(versions.size() - 1);
        }

        /** A later version replaced this one. */
        public boolean superseded() {
            return latest().number() > number();
        }

        /** The version {@code number}, if there is one. */
        public Optional<VersionRef> numbered(int number) {
            return versions.stream().filter(r -> r.number() == number).findFirst();
        }

        PublishedFields fields() {
            return PublishedFields.of(
                    datasetId,
                    version,
                    files,
                    conceptDoi,
                    numbered(number() - 1).map(VersionRef::doi).orElse(null),
                    numbered(number() + 1).map(VersionRef::doi).orElse(null));
        }

        /** The description harvesters and renderers get: metadata plus files, no private detail. */
        public DatasetDescription describe() {
            return fields().describe(Setting.BASE_URL.get(), Setting.REPOSITORY_NAME.get());
        }

        /** The description the concept DOI is registered with (this must be the latest version). */
        public DatasetDescription describeConcept() {
            return fields().describeConcept(
                            Setting.BASE_URL.get(),
                            Setting.REPOSITORY_NAME.get(),
                            versions.stream().map(VersionRef::doi).toList());
        }

        /** The embargo that keeps this version's data files closed today (UTC), or null. */
        public Embargo closedNow() {
            return PublishedFields.closedOn(version.embargo(), LocalDate.now(ZoneOffset.UTC));
        }

        /**
         * Refuses (403 embargoed) to serve {@code fileName} while an embargo holds and the file is
         * data ({@link PublishedFields#isData}); null for all the version's files at once.
         */
        public void requireOpen(String fileName) {
            Embargo closed = closedNow();
            if (closed != null && (fileName == null || PublishedFields.isData(fileName))) {
                throw new ProblemException(
                        403,
                        "embargoed",
                        "Embargoed",
                        closed.inWords() + "; the description and the table metadata are open now");
            }
        }

        /** This version's own page. */
        public String page() {
            return versionPage(datasetId, number());
        }

        /** The download URL of one of this version's files. */
        public String download(String fileName) {
            return PublishedFields.download(Setting.BASE_URL.get(), datasetId, number(), fileName);
        }

        /** The download URL of all this version's files in one zip, with their SHA-256 manifest. */
        public String downloadAll() {
            return PublishedFields.downloadAll(Setting.BASE_URL.get(), datasetId, number());
        }
    }

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BlobStore blobs;

    /**
     * The first {@code rows} records of a published CSV file, its header first: what a landing page
     * shows of it. Published files are synthetic (or public reference data), so nothing private.
     */
    public List<String[]> preview(Distribution file, int rows) throws IOException {
        try (InputStream in = blobs.open(BlobStore.Area.PUBLIC, file.storageKey());
                Stream<String[]> records = CsvTables.records(in)) {
            return records.limit(rows + 1L).toList();
        } catch (CsvParseException e) {
            throw new IOException("the published file " + file.fileName() + " does not read as CSV", e);
        }
    }

    /**
     * A version's tables as its published CSVW metadata describes them (a public file, as public as
     * the tables); none when it has no such file.
     */
    public List<CsvwTable> tables(PublicVersion p) throws IOException {
        for (Distribution f : p.files()) {
            if ("application/csvm+json".equals(f.mediaType())) {
                try (InputStream in = blobs.open(BlobStore.Area.PUBLIC, f.storageKey())) {
                    return CsvwJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (CsvwProblem e) {
                    throw new IOException(
                            "the published CSVW of version " + p.version().id() + " does not read", e);
                }
            }
        }
        return List.of();
    }

    /** The synthesis run that made a published version, as its provenance says it. */
    @Transactional
    public Provenance provenance(PublicVersion p) {
        SynthesisJob job = em.find(DatasetVersion.class, p.version().id()).job();
        return new Provenance(
                "Facsimile synth-engine",
                JSONB.fromJson(job.settings(), JobSettings.class).inWords(),
                job.startedAt(),
                job.finishedAt());
    }

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
        UUID datasetId = ProblemException.uuidOrNotFound(id, "dataset");
        withdrawal(datasetId).ifPresent(w -> {
            throw new ProblemException(
                    410,
                    "withdrawn",
                    "Withdrawn",
                    "the dataset was withdrawn on "
                            + w.withdrawnAt().atOffset(ZoneOffset.UTC).toLocalDate() + ": " + w.reason());
        });
        return latest(datasetId).orElseThrow(() -> ProblemException.notFound("dataset " + id));
    }

    /**
     * One version of a dataset as a public answer: 404 for an unknown dataset or version number
     * (saying which versions there are), 410 for a withdrawn dataset.
     */
    @Transactional
    public PublicVersion published(String id, String number) {
        PublicVersion latest = published(id);
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            n = -1;
        }
        int wanted = n;
        if (latest.number() == n) {
            return latest;
        }
        VersionRef ref = latest.numbered(n)
                .orElseThrow(() -> ProblemException.notFound(
                        "version " + (wanted > 0 ? Integer.toString(wanted) : "'" + safe(number) + "'") + " of dataset "
                                + id + " (it has versions 1 to " + latest.number() + ")"));
        DatasetVersion v = em.find(DatasetVersion.class, ref.id());
        // the same dataset: its concept DOI and version list are the latest's
        return new PublicVersion(latest.datasetId(), v, v.distributions(), latest.conceptDoi(), latest.versions());
    }

    private static String safe(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[^A-Za-z0-9._ -]", "?");
    }

    /** The deposit a published version was made from (whose input is its original). */
    @Transactional
    public UUID depositOf(UUID versionId) {
        return em.createQuery("SELECT v.job.depositId FROM DatasetVersion v WHERE v.id = :id", UUID.class)
                .setParameter("id", versionId)
                .getSingleResult();
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
        return loadAll(em.createQuery(
                        "SELECT v FROM DatasetVersion v WHERE" + LATEST + "AND" + NOT_WITHDRAWN
                                + "ORDER BY v.publishedAt, v.id",
                        DatasetVersion.class)
                .setFirstResult((int) Math.min(offset, Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList());
    }

    /** Latest versions published at or after {@code since} (what a rebuilt index must catch up on). */
    @Transactional
    public List<PublicVersion> publishedSince(Instant since) {
        return loadAll(em.createQuery(
                        "SELECT v FROM DatasetVersion v WHERE v.publishedAt >= :since AND" + LATEST + "AND"
                                + NOT_WITHDRAWN + "ORDER BY v.publishedAt, v.id",
                        DatasetVersion.class)
                .setParameter("since", since)
                .getResultList());
    }

    /** Datasets withdrawn at or after {@code since}. */
    @Transactional
    public List<UUID> withdrawnSince(Instant since) {
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
        return loadAll(List.of(v)).get(0);
    }

    /** Versions with their datasets' concept DOIs and version lists, in one query however many. */
    private List<PublicVersion> loadAll(List<DatasetVersion> found) {
        Map<UUID, Listing> listings =
                listings(found.stream().map(v -> v.dataset().id()).distinct().toList());
        return found.stream()
                .map(v -> {
                    Listing l = listings.get(v.dataset().id());
                    return new PublicVersion(v.dataset().id(), v, v.distributions(), l.conceptDoi(), l.versions());
                })
                .toList();
    }

    /** A dataset's versions, oldest first (in the caller's transaction); none yet for a new one. */
    List<VersionRef> versions(Dataset dataset) {
        Listing listing = listings(List.of(dataset.id())).get(dataset.id());
        return listing == null ? List.of() : listing.versions();
    }

    /** A dataset's concept DOI and its versions, oldest first. */
    private record Listing(String conceptDoi, List<VersionRef> versions) {}

    /** The listings of some datasets (those with at least one version). */
    private Map<UUID, Listing> listings(List<UUID> datasetIds) {
        Map<UUID, Listing> listings = new HashMap<>();
        if (datasetIds.isEmpty()) {
            return listings;
        }
        em.createQuery(
                        "SELECT d.id, d.conceptDoi, u.id, u.versionNumber, u.doi, u.publishedAt"
                                + " FROM DatasetVersion u JOIN u.dataset d WHERE d.id IN :ids ORDER BY u.versionNumber",
                        Object[].class)
                .setParameter("ids", datasetIds)
                .getResultStream()
                .forEach(r -> listings.computeIfAbsent((UUID) r[0], k -> new Listing((String) r[1], new ArrayList<>()))
                        .versions()
                        .add(new VersionRef((UUID) r[2], (Integer) r[3], (String) r[4], (Instant) r[5])));
        return listings;
    }

    /** The public URL of a dataset's landing page. */
    public static String landingPage(UUID datasetId) {
        return PublishedFields.landingPage(Setting.BASE_URL.get(), datasetId);
    }

    /** The public URL of one version's page. */
    public static String versionPage(UUID datasetId, int version) {
        return PublishedFields.versionPage(Setting.BASE_URL.get(), datasetId, version);
    }
}
