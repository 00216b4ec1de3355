package org.facsimile.web.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a table as a page shows them before one downloads it: at most {@link #ROWS}
 * rows of {@link #COLUMNS} columns, each cell cut at {@link #CHARS} characters. The landing page
 * shows a published table's, the deposit page a finished synthesis' tables' to their depositor.
 *
 * @param header the shown columns' names
 * @param rows the shown rows, empty when the file did not read
 * @param moreColumns how many columns the preview leaves out
 */
public record TablePreview(List<String> header, List<List<String>> rows, int moreColumns) {

    /** Rows shown. */
    public static final int ROWS = 10;

    /** Columns shown; a table's column list has them all. */
    public static final int COLUMNS = 30;

    /** Characters shown of a cell. */
    public static final int CHARS = 80;

    /** Nothing to show (the file did not read). */
    public static final TablePreview NONE = new TablePreview(List.of(), List.of(), 0);

    public TablePreview {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The preview of a file's first records, its header first (more records than shown are ignored). */
    public static TablePreview of(List<String[]> records) {
        if (records.isEmpty()) {
            return NONE;
        }
        String[] names = records.get(0);
        int shown = Math.min(names.length, COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (String[] record : records.subList(1, Math.min(records.size(), ROWS + 1))) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < shown; c++) {
                String cell = c < record.length ? record[c] : "";
                cells.add(cell.length() > CHARS ? cell.substring(0, CHARS) + "\u2026" : cell);
            }
            rows.add(cells);
        }
        return new TablePreview(List.of(names).subList(0, shown), rows, names.length - shown);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
