package org.facsimile.vocab.csvw;

import java.util.List;
import java.util.Objects;

/**
 * One table of a CSVW table group.
 *
 * @param url the table's CSV file, relative to the metadata document
 * @param columns its columns, in file order
 * @param primaryKey the primary-key column names, empty if none
 * @param foreignKeys references from this table's columns to a table of the same group
 */
public record CsvwTable(
        String url, List<CsvwColumn> columns, List<String> primaryKey, List<CsvwForeignKey> foreignKeys) {

    public CsvwTable {
        Objects.requireNonNull(url, "url");
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    }

    /** A table that references no other. */
    public CsvwTable(String url, List<CsvwColumn> columns, List<String> primaryKey) {
        this(url, columns, primaryKey, List.of());
    }

    public List<String> columnNames() {
        return columns.stream().map(CsvwColumn::name).toList();
    }
}
