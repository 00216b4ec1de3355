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
 * @param constraints rules every row obeys ({@code dob < dod}, {@code fixed(city, province)}),
 *     as the schema's {@code https://w3id.org/facsimile/ns#constraints}; read by the engine
 * @param nestedShape for the records' table of a nested JSON deposit, how its tables are put back
 *     into a document ({@code https://w3id.org/facsimile/ns#nestedShape}, the engine's {@code
 *     NestedShape} as JSON text); null for any other table
 * @param publishedAsDeposited declared public reference data, published as deposited rather than
 *     synthesized ({@code https://w3id.org/facsimile/ns#publishedAsDeposited} on the table)
 */
public record CsvwTable(
        String url,
        List<CsvwColumn> columns,
        List<String> primaryKey,
        List<CsvwForeignKey> foreignKeys,
        List<String> constraints,
        String nestedShape,
        boolean publishedAsDeposited) {

    public CsvwTable {
        Objects.requireNonNull(url, "url");
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A table to be synthesized. */
    public CsvwTable(
            String url,
            List<CsvwColumn> columns,
            List<String> primaryKey,
            List<CsvwForeignKey> foreignKeys,
            List<String> constraints,
            String nestedShape) {
        this(url, columns, primaryKey, foreignKeys, constraints, nestedShape, false);
    }

    /** A table not taken out of a nested document. */
    public CsvwTable(
            String url,
            List<CsvwColumn> columns,
            List<String> primaryKey,
            List<CsvwForeignKey> foreignKeys,
            List<String> constraints) {
        this(url, columns, primaryKey, foreignKeys, constraints, null);
    }

    /** A table without declared constraints. */
    public CsvwTable(String url, List<CsvwColumn> columns, List<String> primaryKey, List<CsvwForeignKey> foreignKeys) {
        this(url, columns, primaryKey, foreignKeys, List.of());
    }

    /** This table with other columns, its keys and constraints kept. */
    public CsvwTable withColumns(List<CsvwColumn> columns) {
        return new CsvwTable(url, columns, primaryKey, foreignKeys, constraints, nestedShape, publishedAsDeposited);
    }

    /** This table as the records' table of a nested document of this shape. */
    public CsvwTable withNestedShape(String shape) {
        return new CsvwTable(url, columns, primaryKey, foreignKeys, constraints, shape, publishedAsDeposited);
    }

    /** This table declared public reference data (published as deposited), or not. */
    public CsvwTable withPublishedAsDeposited(boolean deposited) {
        return new CsvwTable(url, columns, primaryKey, foreignKeys, constraints, nestedShape, deposited);
    }

    /** A table that references no other. */
    public CsvwTable(String url, List<CsvwColumn> columns, List<String> primaryKey) {
        this(url, columns, primaryKey, List.of());
    }

    public List<String> columnNames() {
        return columns.stream().map(CsvwColumn::name).toList();
    }
}
