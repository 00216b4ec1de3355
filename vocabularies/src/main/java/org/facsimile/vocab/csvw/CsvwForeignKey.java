package org.facsimile.vocab.csvw;

import java.util.List;

/**
 * A foreign key of a CSVW table schema: the cells of {@code columns} in a row must equal the cells
 * of {@code referencedColumns} in exactly one row of the table at {@code resource}.
 *
 * @param columns the referencing columns of this table, by name
 * @param resource the referenced table's url, as the metadata names it (it may be this table)
 * @param referencedColumns the referenced columns, by name, as many as {@code columns}
 */
public record CsvwForeignKey(List<String> columns, String resource, List<String> referencedColumns) {

    public CsvwForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException(
                    "a foreign key pairs one or more columns with as many referenced columns");
        }
    }
}
