package org.facsimile.vocab.terms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The subjects a dataset can be filed under: the EU Publications Office's Data Theme authority
 * table, which DCAT-AP names for {@code dcat:theme} and European portals facet on. Harvesters get
 * the same subject as {@code dcat:theme}, as a DataCite subject with its scheme, and as
 * {@code dc:subject}; OAI-PMH offers a set per theme.
 */
public enum DataTheme {
    AGRI("Agriculture, fisheries, forestry and food"),
    ECON("Economy and finance"),
    EDUC("Education, culture and sport"),
    ENER("Energy"),
    ENVI("Environment"),
    GOVE("Government and public sector"),
    HEAL("Health"),
    INTR("International issues"),
    JUST("Justice, legal system and public safety"),
    REGI("Regions and cities"),
    SOCI("Population and society"),
    TECH("Science and technology"),
    TRAN("Transport");

    /** The authority table (a {@code skos:ConceptScheme}). */
    public static final String SCHEME = "http://publications.europa.eu/resource/authority/data-theme";

    /** The scheme's name, as DataCite's {@code subjectScheme}. */
    public static final String SCHEME_NAME = "EU Data Theme";

    private final String label;

    DataTheme(String label) {
        this.label = label;
    }

    /** The English preferred label. */
    public String label() {
        return label;
    }

    /** The concept's URI. */
    public String uri() {
        return SCHEME + "/" + name();
    }

    /** The theme of a code ({@code HEAL}), in any case. */
    public static Optional<DataTheme> ofCode(String code) {
        return Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(code))
                .findFirst();
    }
}
