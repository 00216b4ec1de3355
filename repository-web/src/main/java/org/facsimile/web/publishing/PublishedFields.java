package org.facsimile.web.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
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
        List<FileFields> files) {

    /** One public file of the version. */
    public record FileFields(String fileName, String title, String mediaType, long byteSize, String sha256) {}

    public PublishedFields {
        creators = List.copyOf(creators);
        keywords = List.copyOf(keywords);
        subjects = List.copyOf(subjects);
        files = List.copyOf(files);
    }

    static PublishedFields of(UUID datasetId, DatasetVersion v, List<Distribution> files) {
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
                        .toList());
    }

    /**
     * The description harvesters and renderers get: metadata plus files, no private detail.
     *
     * @param baseUrl the repository's public base URL
     * @param publisher the repository's name
     */
    public DatasetDescription describe(String baseUrl, String publisher) {
        List<DistributionDescription> distributions = files.stream()
                .map(f -> new DistributionDescription(
                        download(baseUrl, datasetId, f.fileName()),
                        f.title(),
                        f.mediaType(),
                        f.byteSize(),
                        f.sha256(),
                        conformsTo(f.fileName(), f.mediaType())))
                .toList();
        return new DatasetDescription(
                landingPage(baseUrl, datasetId),
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
                distributions);
    }

    static String landingPage(String baseUrl, UUID datasetId) {
        return baseUrl + "/datasets/" + datasetId;
    }

    static String download(String baseUrl, UUID datasetId, String fileName) {
        return baseUrl + "/api/datasets/" + datasetId + "/files/" + fileName;
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
