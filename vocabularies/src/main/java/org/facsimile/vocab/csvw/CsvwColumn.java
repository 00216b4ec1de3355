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
 */
public record CsvwColumn(String name, String datatype, List<String> nullMarkers, String description) {

    public CsvwColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        nullMarkers = nullMarkers == null ? List.of("") : List.copyOf(nullMarkers);
    }
}
