package org.facsimile.synth.table;

/**
 * A CSV file that cannot be accepted, with where the problem is. Messages never quote cell
 * values: the file may hold private data, and messages end up in responses and logs.
 */
public final class CsvProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long row;
    private final String column;

    /**
     * @param file the file name
     * @param row the 1-based line number in the file, or 0 when the problem is not on one line
     * @param column the column name (or "column N" when the header itself is wrong), or null
     */
    public CsvProblem(String file, long row, String column, String message) {
        super(message);
        this.file = file;
        this.row = row;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long row() {
        return row;
    }

    public String column() {
        return column;
    }
}
