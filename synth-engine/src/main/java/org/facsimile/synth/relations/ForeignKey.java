package org.facsimile.synth.relations;

import java.util.List;
import java.util.Objects;

/**
 * A reference from columns of one table to columns of another (CSVW {@code foreignKeys}).
 *
 * @param columns the referencing columns of the child table
 * @param parent the referenced table's name
 * @param parentColumns the referenced columns, in the same order
 */
public record ForeignKey(List<String> columns, String parent, List<String> parentColumns) {

    public ForeignKey {
        columns = List.copyOf(columns);
        Objects.requireNonNull(parent, "parent");
        parentColumns = List.copyOf(parentColumns);
    }

    /** A single-column reference. */
    public static ForeignKey of(String column, String parent, String parentColumn) {
        return new ForeignKey(List.of(column), parent, List.of(parentColumn));
    }

    /** The referencing column of a single-column reference. */
    public String column() {
        return columns.get(0);
    }

    /** The referenced column of a single-column reference. */
    public String parentColumn() {
        return parentColumns.get(0);
    }
}
