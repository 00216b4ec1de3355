package org.facsimile.web.publishing.landing;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.publishing.DatasetVersion;
import org.facsimile.web.publishing.PublicDatasets;
import org.facsimile.web.publishing.PublishedFields;
import org.facsimile.web.publishing.UsageCounts;
import org.facsimile.web.schema.TablePreview;
import org.facsimile.web.synthesis.QualitySummary;

/**
 * What a dataset version's landing page shows ({@code landing.jte}), in the words and forms the
 * page uses; built from the published version alone, so it holds nothing private.
 *
 * @param title the title
 * @param creators the creators, each with their ORCID iD when they gave one
 * @param superseded whether a newer version exists
 * @param number this version's number
 * @param latest the latest version's number
 * @param latestPage the dataset's page (always the latest version)
 * @param doiUrl this version's DOI as a link
 * @param conceptDoiUrl the DOI of all versions as a link
 * @param publishedOn the day this version was published
 * @param usage how often the dataset was viewed and downloaded
 * @param licence the licence's URI
 * @param licenceName the licence's short name
 * @param keywords the keywords, joined, or null
 * @param subjects the subjects (themes)
 * @param period the time covered, or null
 * @param place the place covered, or null
 * @param sourceUrl the public dataset it is a twin of, or null (a private one)
 * @param description the description, or null
 * @param quality the quality and privacy summary, or null when the version has none
 * @param files the files
 * @param versions every version, newest first
 * @param exports the metadata exports
 * @param citation the citation
 * @param asDeposited the tables (CSV files) the depositor declared public reference data,
 *     published as deposited: the only rows of the version that are not synthetic
 * @param tables each table: its columns as its CSVW describes them and its first rows
 * @param downloadAll all files in one zip with their checksums
 * @param embargo why and until when the data files are closed, in words, or null when they are open
 * @param original whether and how the restricted original can be requested, in words, or null
 * @param requestAccess where a signed-in reader asks for the original, or null when it cannot be asked
 * @param analyses under which rules the original answers verified analyses, in words, or null
 *     when it answers none
 * @param analyse where a signed-in reader declares a verified analysis, or null
 */
public record LandingPage(
        String title,
        List<Creator> creators,
        boolean superseded,
        int number,
        int latest,
        String latestPage,
        String doiUrl,
        String conceptDoiUrl,
        String publishedOn,
        String usage,
        String licence,
        String licenceName,
        String keywords,
        List<Link> subjects,
        String period,
        String place,
        String sourceUrl,
        String description,
        QualitySummary quality,
        List<File> files,
        List<Version> versions,
        List<Link> exports,
        Citation citation,
        List<String> asDeposited,
        List<Table> tables,
        String downloadAll,
        String embargo,
        String original,
        String requestAccess,
        String analyses,
        String analyse) {

    /**
     * The same page saying whether and how the original can be requested, and whether it answers
     * verified analyses.
     */
    LandingPage withOriginal(String words, String requestHref, String analysesWords, String analyseHref) {
        return new LandingPage(
                title,
                creators,
                superseded,
                number,
                latest,
                latestPage,
                doiUrl,
                conceptDoiUrl,
                publishedOn,
                usage,
                licence,
                licenceName,
                keywords,
                subjects,
                period,
                place,
                sourceUrl,
                description,
                quality,
                files,
                versions,
                exports,
                citation,
                asDeposited,
                tables,
                downloadAll,
                embargo,
                words,
                requestHref,
                analysesWords,
                analyseHref);
    }

    /**
     * A table of the version as a reader meets it before downloading.
     *
     * @param name the CSV file
     * @param rows how many rows it has, in words ("1,234 rows")
     * @param columns its columns: name, type in words, description
     * @param preview its first rows
     * @param asDeposited public reference data, published as deposited
     */
    public record Table(String name, String rows, List<Column> columns, TablePreview preview, boolean asDeposited) {}

    /** A column as the table's CSVW describes it. */
    public record Column(String name, String type, String description) {}

    /** CSVW datatypes in a reader's words. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("string", "text"),
            Map.entry("integer", "whole number"),
            Map.entry("decimal", "number"),
            Map.entry("double", "number"),
            Map.entry("number", "number"),
            Map.entry("boolean", "yes or no"),
            Map.entry("date", "date"),
            Map.entry("dateTime", "date and time"),
            Map.entry("time", "time"));

    /**
     * A table's view from its CSVW description and the first records of its file (header first;
     * none when the file did not read).
     */
    static Table table(CsvwTable described, String rowCount, List<String[]> records, boolean asDeposited) {
        return table(described, rowCount, TablePreview.of(records), asDeposited);
    }

    /** A table's view from its CSVW description and the preview of its first rows. */
    public static Table table(CsvwTable described, String rowCount, TablePreview preview, boolean asDeposited) {
        List<Column> columns = described.columns().stream()
                .map(c -> new Column(c.name(), TYPES.getOrDefault(c.datatype(), c.datatype()), c.description()))
                .toList();
        return new Table(described.url(), rowCount, columns, preview, asDeposited);
    }

    /** A link: where it goes and its text. */
    public record Link(String href, String text, String type) {}

    /**
     * A file of the version, with the figures a reader checks before downloading; {@code
     * asDeposited} for a public reference table published as deposited, not synthetic; {@code
     * opens} the day a data file under embargo opens (it has no link until then), or null.
     */
    public record File(
            String href,
            String name,
            String mediaType,
            String size,
            String rows,
            String sha256,
            boolean asDeposited,
            String opens) {}

    /** A version in the list of versions. */
    public record Version(String page, int number, boolean here, boolean latest, String publishedOn, String doi) {}

    /** The citation as the page suggests it. */
    public record Citation(String authors, int year, String title, int version, String repository, String doiUrl) {}

    /**
     * @param tables the version's tables as its published CSVW describes them (empty when it does
     *     not read: then no table is marked as deposited)
     * @param tableViews each table's columns and first rows
     */
    static LandingPage of(
            PublicDatasets.PublicVersion p,
            UsageCounts.Usage used,
            List<Link> exports,
            List<CsvwTable> tables,
            List<Table> tableViews) {
        DatasetVersion v = p.version();
        List<String> asDeposited = tables.stream()
                .filter(CsvwTable::publishedAsDeposited)
                .map(CsvwTable::url)
                .toList();
        String doiUrl = "https://doi.org/" + v.doi();
        List<Link> subjects =
                v.themes().stream().map(t -> new Link(t.uri(), t.label(), null)).toList();
        Embargo closed = p.closedNow();
        List<File> files = p.files().stream()
                .map(f -> new File(
                        p.download(f.fileName()),
                        f.fileName(),
                        f.mediaType(),
                        String.format(Locale.ROOT, "%,d bytes", f.byteSize()),
                        f.rowCount() == null ? "" : String.format(Locale.ROOT, "%,d", f.rowCount()),
                        f.sha256(),
                        asDeposited.contains(f.fileName()),
                        closed != null && PublishedFields.isData(f.fileName())
                                ? closed.until().toString()
                                : null))
                .toList();
        List<Version> versions = new ArrayList<>();
        for (PublicDatasets.VersionRef r : p.versions()) {
            versions.add(new Version(
                    PublicDatasets.versionPage(p.datasetId(), r.number()),
                    r.number(),
                    r.number() == p.number(),
                    r.number() == p.latest().number(),
                    r.published().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    r.doi()));
        }
        Collections.reverse(versions);
        Citation citation = new Citation(
                String.join(
                        "; ",
                        v.creators().stream().map(c -> Creator.parse(c).name()).toList()),
                v.publishedAt().atOffset(ZoneOffset.UTC).getYear(),
                v.title(),
                v.versionNumber(),
                Setting.REPOSITORY_NAME.get(),
                doiUrl);
        return new LandingPage(
                v.title(),
                v.creators().stream().map(Creator::parse).toList(),
                p.superseded(),
                p.number(),
                p.latest().number(),
                PublicDatasets.landingPage(p.datasetId()),
                doiUrl,
                "https://doi.org/" + p.conceptDoi(),
                v.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                UsageCounts.describe(used),
                v.licence(),
                DepositMetadata.licenceName(v.licence()),
                v.keywords().isEmpty() ? null : String.join(", ", v.keywords()),
                subjects,
                DepositMetadata.periodInWords(v.coverage()),
                v.coverage().place(),
                v.sourceUrl(),
                v.description(),
                QualitySummary.of(v.qualitySummary()),
                files,
                versions,
                exports,
                citation,
                asDeposited,
                tableViews,
                p.downloadAll(),
                closed == null ? null : closed.inWords(),
                null,
                null,
                null,
                null);
    }
}
