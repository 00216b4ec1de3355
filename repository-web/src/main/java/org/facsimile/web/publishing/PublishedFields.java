package org.facsimile.web.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.Versioning;
import org.facsimile.vocab.terms.DataTheme;

/**
 * A published version's public fields as stored, whoever loaded them (the JPA read model or the
 * plain-SQL harvest reader), and the one mapping from them to the public description that every
 * rendering (DCAT-AP, DataCite, schema.org, OAI-PMH) starts from.
 */
public record PublishedFields(
        UUID datasetId,
        int version,
        String doi,
        String title,
        String description,
        List<String> creators,
        List<String> keywords,
        List<String> subjects,
        String licence,
        String sourceUrl,
        boolean synthetic,
        Instant publishedAt,
        List<FileFields> files,
        String conceptDoi,
        String previousDoi,
        String nextDoi,
        Coverage coverage,
        Embargo embargo) {

    /** One public file of the version. */
    public record FileFields(String fileName, String title, String mediaType, long byteSize, String sha256) {}

    public PublishedFields {
        creators = List.copyOf(creators);
        keywords = List.copyOf(keywords);
        subjects = List.copyOf(subjects);
        files = List.copyOf(files);
        coverage = coverage == null ? Coverage.NONE : coverage;
    }

    /** The same version with its files. */
    PublishedFields withFiles(List<FileFields> files) {
        return new PublishedFields(
                datasetId,
                version,
                doi,
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                sourceUrl,
                synthetic,
                publishedAt,
                files,
                conceptDoi,
                previousDoi,
                nextDoi,
                coverage,
                embargo);
    }

    static PublishedFields of(
            UUID datasetId,
            DatasetVersion v,
            List<Distribution> files,
            String conceptDoi,
            String previousDoi,
            String nextDoi) {
        return new PublishedFields(
                datasetId,
                v.versionNumber(),
                v.doi(),
                v.title(),
                v.description(),
                v.creators(),
                v.keywords(),
                v.subjects(),
                v.licence(),
                v.sourceUrl(),
                v.synthetic(),
                v.publishedAt(),
                files.stream()
                        .map(f -> new FileFields(f.fileName(), f.title(), f.mediaType(), f.byteSize(), f.sha256()))
                        .toList(),
                conceptDoi,
                previousDoi,
                nextDoi,
                v.coverage(),
                v.embargo());
    }

    /**
     * The description harvesters and renderers get: metadata plus files, no private detail.
     *
     * @param baseUrl the repository's public base URL
     * @param publisher the repository's name
     */
    public DatasetDescription describe(String baseUrl, String publisher) {
        Embargo closed = closedOn(LocalDate.now(ZoneOffset.UTC));
        List<DistributionDescription> distributions = files.stream()
                .map(f -> new DistributionDescription(
                        download(baseUrl, datasetId, version, f.fileName()),
                        f.title(),
                        f.mediaType(),
                        f.byteSize(),
                        f.sha256(),
                        conformsTo(f.fileName(), f.mediaType()),
                        closed != null && isData(f.fileName()) ? closed.until() : null))
                .toList();
        String concept = landingPage(baseUrl, datasetId);
        // a dataset published before versions existed has its first version's DOI as concept DOI
        boolean legacy = conceptDoi == null || conceptDoi.equalsIgnoreCase(doi);
        return new DatasetDescription(
                versionPage(baseUrl, datasetId, version),
                doi,
                title,
                description,
                creators,
                keywords,
                subjects.stream().flatMap(s -> DataTheme.ofCode(s).stream()).toList(),
                licence,
                publishedAt,
                version,
                publisher,
                synthetic,
                sourceUrl,
                distributions,
                new Versioning(
                        legacy ? null : concept,
                        legacy ? null : conceptDoi,
                        previousDoi == null ? null : versionPage(baseUrl, datasetId, version - 1),
                        previousDoi,
                        nextDoi == null ? null : versionPage(baseUrl, datasetId, version + 1),
                        nextDoi,
                        List.of()),
                coverage,
                closed);
    }

    /** The embargo that keeps the version's data files closed on {@code day}, or null. */
    public Embargo closedOn(LocalDate day) {
        return closedOn(embargo, day);
    }

    /** {@code embargo} when it keeps the data files closed on {@code day}; null when none or over. */
    static Embargo closedOn(Embargo embargo, LocalDate day) {
        return embargo != null && embargo.holdsOn(day) ? embargo : null;
    }

    /**
     * Whether a file of a version holds data (its tables, their RDF, a nested document), which an
     * embargo closes, rather than metadata about them (the CSVW description, the DCAT-AP record),
     * which is public at once.
     */
    public static boolean isData(String fileName) {
        return !fileName.equals("csv-metadata.json") && !fileName.equals("dataset.ttl");
    }

    /**
     * What the concept DOI is registered with: the latest version's description under the concept
     * DOI and the dataset's URL, naming every version.
     *
     * @param versionDois the DOIs of all versions, oldest first
     */
    public DatasetDescription describeConcept(String baseUrl, String publisher, List<String> versionDois) {
        DatasetDescription latest = describe(baseUrl, publisher);
        return new DatasetDescription(
                landingPage(baseUrl, datasetId),
                conceptDoi,
                latest.title(),
                latest.description(),
                latest.creators(),
                latest.keywords(),
                latest.subjects(),
                latest.licence(),
                latest.issued(),
                latest.version(),
                latest.publisher(),
                latest.synthetic(),
                latest.derivedFrom(),
                latest.distributions(),
                Versioning.concept(versionDois),
                latest.coverage(),
                latest.embargo());
    }

    /** The dataset's URL: its latest version's page. */
    static String landingPage(String baseUrl, UUID datasetId) {
        return baseUrl + "/datasets/" + datasetId;
    }

    /** One version's page, which stays that version's. */
    static String versionPage(String baseUrl, UUID datasetId, int version) {
        return landingPage(baseUrl, datasetId) + "/versions/" + version;
    }

    /** A file of one version; {@code /api/datasets/{id}/files/{name}} serves the latest version's. */
    static String download(String baseUrl, UUID datasetId, int version, String fileName) {
        return baseUrl + "/api/datasets/" + datasetId + "/versions/" + version + "/files/" + fileName;
    }

    /** All files of one version as a zip; {@code /api/datasets/{id}/files.zip} serves the latest version's. */
    static String downloadAll(String baseUrl, UUID datasetId, int version) {
        return baseUrl + "/api/datasets/" + datasetId + "/versions/" + version + "/files.zip";
    }

    /** The standard a file follows: by what it is, not only by its media type. */
    static String conformsTo(String fileName, String mediaType) {
        if (fileName.equals("dataset.ttl")) {
            return "http://data.europa.eu/r5r/";
        }
        return switch (mediaType) {
            case "text/csv" -> "https://www.rfc-editor.org/rfc/rfc4180";
            case "application/csvm+json" -> "http://www.w3.org/TR/tabular-metadata/";
            case "text/turtle" -> "http://www.w3.org/TR/csv2rdf/";
            default -> null;
        };
    }

    /** A licence's short code, as OAI-PMH sets and search facets name it ({@code cc-by-4.0}, {@code cc0-1.0}, else {@code other}). */
    public static String licenceCode(String licence) {
        return licence.contains("/by/4.0") ? "cc-by-4.0" : licence.contains("/zero/1.0") ? "cc0-1.0" : "other";
    }
}
