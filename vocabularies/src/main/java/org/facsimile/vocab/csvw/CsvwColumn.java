package org.facsimile.vocab.csvw;

import java.util.List;
import java.util.Objects;

/**
 * One column of a CSVW table schema.
 *
 * @param name the column's name (its header)
 * @param datatype the base datatype name (string, integer, decimal, date, dateTime, boolean, ...)
 * @param nullMarkers the strings that mean "missing"
 * @param description a human description, or null
 * @param format the datatype's format picture ({@code M/d/yyyy}, {@code #,##0.0}), or null for the
 *     datatype's canonical lexical form; kept and written back, but values under a picture are not
 *     checked against it
 * @param personalData the kind of direct identifier the column holds ({@code email}, {@code
 *     person-name}, ...), {@code none} when declared to hold none, or null when nothing is said
 * @param lang the language of the column's values (CSVW {@code lang}), or null
 */
public record CsvwColumn(
        String name,
        String datatype,
        List<String> nullMarkers,
        String description,
        String format,
        String personalData,
        String lang) {

    public CsvwColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        nullMarkers = nullMarkers == null ? List.of("") : List.copyOf(nullMarkers);
    }

    /** A column whose values take their datatype's canonical form. */
    public CsvwColumn(String name, String datatype, List<String> nullMarkers, String description) {
        this(name, datatype, nullMarkers, description, null);
    }

    /** A column that says nothing of personal data or language. */
    public CsvwColumn(String name, String datatype, List<String> nullMarkers, String description, String format) {
        this(name, datatype, nullMarkers, description, format, null, null);
    }

    /** This column with another personal-data declaration (null: none said). */
    public CsvwColumn withPersonalData(String kind) {
        return new CsvwColumn(name, datatype, nullMarkers, description, format, kind, lang);
    }
}
