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
 */
public record CsvwColumn(String name, String datatype, List<String> nullMarkers, String description, String format) {

    public CsvwColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        nullMarkers = nullMarkers == null ? List.of("") : List.copyOf(nullMarkers);
    }

    /** A column whose values take their datatype's canonical form. */
    public CsvwColumn(String name, String datatype, List<String> nullMarkers, String description) {
        this(name, datatype, nullMarkers, description, null);
    }
}
