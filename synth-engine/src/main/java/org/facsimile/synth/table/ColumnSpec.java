package org.facsimile.synth.table;

import java.util.List;
import java.util.Objects;

/**
 * One column as the depositor declared it or the inspection inferred it.
 *
 * @param name the header name
 * @param kind what the column holds
 * @param nullMarkers the strings that mean "missing" in this column; the first is written for
 *     missing values in synthetic output
 */
public record ColumnSpec(String name, ColumnKind kind, List<String> nullMarkers) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        nullMarkers = nullMarkers == null || nullMarkers.isEmpty() ? List.of("") : List.copyOf(nullMarkers);
    }

    public boolean isMissing(String value) {
        return value == null || nullMarkers.contains(value);
    }

    /** The string written for a missing value. */
    public String missingMarker() {
        return nullMarkers.get(0);
    }
}
