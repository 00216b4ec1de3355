package org.facsimile.vocab.csvw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks CSV files against their CSVW description, as a CSVW validator must: the header names the
 * described columns in order, every row has as many cells, every non-null cell is a valid value of
 * its column's datatype (read through its format picture for dates and times), primary keys are unique, and every foreign key of a row references exactly
 * one row of the referenced table. All mismatches are listed (up to a limit), each with its table,
 * row and column, so a depositor can fix them in one go.
 *
 * <p>Each table is read once, and a table that references others a second time; memory holds the
 * keys of the referenced columns and of primary keys, not the rows.
 */
public final class CsvwValidator {

    /**
     * One mismatch.
     *
     * @param table the table's url
     * @param row the data row, from 1 (as {@code csvw:rownum}); 0 for the header
     * @param column the column's name, or null for the whole row
     * @param message what is wrong; it never quotes a cell's value, since the data may be private
     */
    public record Finding(String table, long row, String column, String message) {}

    /** The rows of a table's CSV file: the header first, then the data rows; closed after reading. */
    @FunctionalInterface
    public interface Rows {
        Stream<String[]> open(CsvwTable table) throws IOException;
    }

    private final List<CsvwTable> tables;
    private final Rows rows;
    private final int limit;
    private final List<Finding> findings = new ArrayList<>();
    /** Tables whose header does not match: their rows are not read, nor references into them checked. */
    private final Set<String> unread = new HashSet<>();

    private long more;

    private CsvwValidator(List<CsvwTable> tables, Rows rows, int limit) {
        this.tables = tables;
        this.rows = rows;
        this.limit = limit;
    }

    /**
     * Validates a table group.
     *
     * @param limit at most this many findings are listed; {@link Result#notListed} counts the rest
     */
    public static Result validate(List<CsvwTable> tables, Rows rows, int limit) throws IOException {
        CsvwValidator validator = new CsvwValidator(tables, rows, limit);
        validator.run();
        return new Result(List.copyOf(validator.findings), validator.more);
    }

    /** The findings, and how many more there were beyond the limit. */
    public record Result(List<Finding> findings, long notListed) {
        public boolean valid() {
            return findings.isEmpty();
        }
    }

    private void run() throws IOException {
        // the column combinations other tables reference, per referenced table: key -> rows holding it
        Map<String, Map<List<String>, Map<List<String>, Integer>>> referenced = new HashMap<>();
        for (CsvwTable table : tables) {
            for (CsvwForeignKey key : table.foreignKeys()) {
                referenced
                        .computeIfAbsent(key.resource(), r -> new LinkedHashMap<>())
                        .put(key.referencedColumns(), new HashMap<>());
            }
        }
        for (CsvwTable table : tables) {
            firstPass(table, referenced.getOrDefault(table.url(), Map.of()));
        }
        for (CsvwTable table : tables) {
            if (!table.foreignKeys().isEmpty()) {
                references(table, referenced);
            }
        }
    }

    /** Header, cells, datatypes and the primary key; collects the keys that others reference. */
    private void firstPass(CsvwTable table, Map<List<String>, Map<List<String>, Integer>> wanted) throws IOException {
        try (Stream<String[]> stream = rows.open(table)) {
            firstPass(table, wanted, stream.iterator());
        }
    }

    private void firstPass(
            CsvwTable table, Map<List<String>, Map<List<String>, Integer>> wanted, Iterator<String[]> it) {
        List<CsvwColumn> columns = table.columns();
        if (!it.hasNext()) {
            add(table, 0, null, "the file is empty; a header row is expected");
            unread.add(table.url());
            return;
        }
        String[] header = it.next();
        boolean headerMatches = header.length == columns.size();
        for (int c = 0; c < Math.min(header.length, columns.size()); c++) {
            if (!header[c].equals(columns.get(c).name())) {
                add(table, 0, columns.get(c).name(), "header cell " + (c + 1) + " does not name this column");
                headerMatches = false;
            }
        }
        if (header.length != columns.size()) {
            add(
                    table,
                    0,
                    null,
                    "the header has " + header.length + " cells; the description has " + columns.size() + " columns");
        }
        if (!headerMatches) {
            unread.add(table.url());
            return;
        }
        int[] primary = indexes(table, table.primaryKey());
        Map<List<String>, Long> primaryKeys = new HashMap<>();
        Map<List<String>, int[]> wantedIndexes = new HashMap<>();
        wanted.keySet().forEach(cols -> wantedIndexes.put(cols, indexes(table, cols)));
        long row = 0;
        while (it.hasNext()) {
            String[] cells = it.next();
            row++;
            if (cells.length != columns.size()) {
                add(table, row, null, "the row has " + cells.length + " cells, not " + columns.size());
                continue;
            }
            for (int c = 0; c < cells.length; c++) {
                CsvwColumn column = columns.get(c);
                if (!isNull(column, cells[c])
                        && CsvwDatatypes.canonical(column.datatype(), column.format(), cells[c]) == null) {
                    add(
                            table,
                            row,
                            column.name(),
                            "the value is not a valid " + column.datatype()
                                    + (column.format() == null ? "" : " in the format " + column.format()));
                }
            }
            if (primary.length > 0) {
                List<String> key = key(cells, primary);
                Long first = primaryKeys.putIfAbsent(key, row);
                if (first != null) {
                    add(table, row, table.primaryKey().get(0), "the primary key repeats that of row " + first);
                }
            }
            for (Map.Entry<List<String>, int[]> e : wantedIndexes.entrySet()) {
                wanted.get(e.getKey()).merge(key(cells, e.getValue()), 1, Integer::sum);
            }
        }
    }

    /** Every row's foreign keys reference exactly one row. */
    private void references(CsvwTable table, Map<String, Map<List<String>, Map<List<String>, Integer>>> referenced)
            throws IOException {
        if (unread.contains(table.url())) {
            return;
        }
        try (Stream<String[]> stream = rows.open(table)) {
            references(table, referenced, stream.iterator());
        }
    }

    private void references(
            CsvwTable table,
            Map<String, Map<List<String>, Map<List<String>, Integer>>> referenced,
            Iterator<String[]> it) {
        it.next();
        List<int[]> indexes = new ArrayList<>();
        for (CsvwForeignKey key : table.foreignKeys()) {
            indexes.add(indexes(table, key.columns()));
        }
        long row = 0;
        while (it.hasNext()) {
            String[] cells = it.next();
            row++;
            if (cells.length != table.columns().size()) {
                continue; // already reported
            }
            for (int k = 0; k < table.foreignKeys().size(); k++) {
                CsvwForeignKey key = table.foreignKeys().get(k);
                int[] at = indexes.get(k);
                if (anyNull(table, cells, at) || unread.contains(key.resource())) {
                    continue; // a missing reference is not a broken one; an unread table was reported
                }
                int matches = referenced
                        .get(key.resource())
                        .get(key.referencedColumns())
                        .getOrDefault(key(cells, at), 0);
                if (matches == 0) {
                    add(
                            table,
                            row,
                            key.columns().get(0),
                            "references no row of " + key.resource() + " " + key.referencedColumns());
                } else if (matches > 1) {
                    add(
                            table,
                            row,
                            key.columns().get(0),
                            "references " + matches + " rows of " + key.resource() + " " + key.referencedColumns()
                                    + "; a reference must be to exactly one");
                }
            }
        }
    }

    private static boolean isNull(CsvwColumn column, String cell) {
        return column.nullMarkers().contains(cell);
    }

    private static boolean anyNull(CsvwTable table, String[] cells, int[] at) {
        for (int i : at) {
            if (isNull(table.columns().get(i), cells[i])) {
                return true;
            }
        }
        return false;
    }

    private static int[] indexes(CsvwTable table, List<String> names) {
        return names.stream().mapToInt(n -> table.columnNames().indexOf(n)).toArray();
    }

    private static List<String> key(String[] cells, int[] at) {
        List<String> key = new ArrayList<>(at.length);
        for (int i : at) {
            key.add(cells[i]);
        }
        return key;
    }

    private void add(CsvwTable table, long row, String column, String message) {
        if (findings.size() < limit) {
            findings.add(new Finding(table.url(), row, column, message));
        } else {
            more++;
        }
    }
}
