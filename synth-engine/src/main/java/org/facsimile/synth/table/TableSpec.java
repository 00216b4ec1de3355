package org.facsimile.synth.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of one table, in file order, and its primary key.
 *
 * @param name the table's name (the file name without extension)
 * @param columns the columns in file order
 * @param primaryKey the names of the primary-key columns, empty if none
 */
public record TableSpec(String name, List<ColumnSpec> columns, List<String> primaryKey) {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        List<String> names = columnNames(columns);
        for (String key : primaryKey) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("primary key column '" + key + "' is not a column of " + name);
            }
        }
    }

    public List<String> columnNames() {
        return columnNames(columns);
    }

    public ColumnSpec column(int index) {
        return columns.get(index);
    }

    private static List<String> columnNames(List<ColumnSpec> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        return names;
    }
}
