package org.facsimile.vocab;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.facsimile.vocab.terms.DataTheme;

/**
 * What is said publicly about one published dataset version, independent of any rendering.
 *
 * @param uri the dataset version's URI (its landing page)
 * @param doi the DOI, without "https://doi.org/" (e.g. {@code 10.5072/fcsm.abc})
 * @param title the title
 * @param description the description, or null
 * @param creators the creators' names, in citation order
 * @param keywords free keywords
 * @param subjects the subjects from the EU Data Theme table
 * @param licence the licence URI
 * @param issued when the version was published
 * @param version the version number (1, 2, ...)
 * @param publisher the repository's name
 * @param synthetic true for a synthetic twin (every dataset Facsimile publishes is one)
 * @param derivedFrom the URL of the input dataset where it is public, else null
 * @param distributions the downloadable files
 * @param versioning the concept and neighbouring versions
 * @param coverage the time and place the data covers ({@link Coverage#NONE} when not said)
 * @param embargo the embargo that keeps the data files closed now, or null when they are open
 */
public record DatasetDescription(
        String uri,
        String doi,
        String title,
        String description,
        List<String> creators,
        List<String> keywords,
        List<DataTheme> subjects,
        String licence,
        Instant issued,
        int version,
        String publisher,
        boolean synthetic,
        String derivedFrom,
        List<DistributionDescription> distributions,
        Versioning versioning,
        Coverage coverage,
        Embargo embargo) {

    /** A description that says nothing of time or place covered. */
    public DatasetDescription(
            String uri,
            String doi,
            String title,
            String description,
            List<String> creators,
            List<String> keywords,
            List<DataTheme> subjects,
            String licence,
            Instant issued,
            int version,
            String publisher,
            boolean synthetic,
            String derivedFrom,
            List<DistributionDescription> distributions,
            Versioning versioning) {
        this(
                uri,
                doi,
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                issued,
                version,
                publisher,
                synthetic,
                derivedFrom,
                distributions,
                versioning,
                Coverage.NONE,
                null);
    }

    /** A description without version relations. */
    public DatasetDescription(
            String uri,
            String doi,
            String title,
            String description,
            List<String> creators,
            List<String> keywords,
            List<DataTheme> subjects,
            String licence,
            Instant issued,
            int version,
            String publisher,
            boolean synthetic,
            String derivedFrom,
            List<DistributionDescription> distributions) {
        this(
                uri,
                doi,
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                issued,
                version,
                publisher,
                synthetic,
                derivedFrom,
                distributions,
                Versioning.NONE);
    }

    public DatasetDescription {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(issued, "issued");
        creators = List.copyOf(creators);
        keywords = List.copyOf(keywords);
        subjects = List.copyOf(subjects);
        distributions = List.copyOf(distributions);
        versioning = versioning == null ? Versioning.NONE : versioning;
        coverage = coverage == null ? Coverage.NONE : coverage;
    }

    /** This description with the time and place covered. */
    public DatasetDescription withCoverage(Coverage covered) {
        return with(covered, embargo);
    }

    /** This description with the embargo that keeps its data files closed now (null: none). */
    public DatasetDescription withEmbargo(Embargo closed) {
        return with(coverage, closed);
    }

    private DatasetDescription with(Coverage covered, Embargo closed) {
        return new DatasetDescription(
                uri,
                doi,
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                issued,
                version,
                publisher,
                synthetic,
                derivedFrom,
                distributions,
                versioning,
                covered,
                closed);
    }

    /** The DataCite related identifiers: the source it was derived from (where public), then versions. */
    public List<Versioning.Related> related() {
        List<Versioning.Related> related = new java.util.ArrayList<>();
        if (derivedFrom != null) {
            related.add(new Versioning.Related(derivedFrom, "URL", "IsDerivedFrom"));
        }
        related.addAll(versioning.related());
        return related;
    }

    /** The DOI as a resolvable URL. */
    /** The creators with their ORCID iDs taken apart from their names ({@link Creator}). */
    public List<Creator> people() {
        return creators.stream().map(Creator::parse).toList();
    }

    /** The creators' names, without ORCID iDs. */
    public List<String> creatorNames() {
        return creators.stream().map(c -> Creator.parse(c).name()).toList();
    }

    public String doiUrl() {
        return "https://doi.org/" + doi;
    }
}
