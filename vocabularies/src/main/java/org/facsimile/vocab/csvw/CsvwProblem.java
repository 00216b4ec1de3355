package org.facsimile.vocab.csvw;

/** CSVW metadata that cannot be accepted, with the JSON path of the problem. */
public final class CsvwProblem extends Exception {

    private static final long serialVersionUID = 1L;
    private final String path;

    public CsvwProblem(String path, String message) {
        super(message);
        this.path = path;
    }

    /** Where in the document, as a JSON path ({@code $.tables[0].tableSchema.columns[2]}). */
    public String path() {
        return path;
    }
}
