package org.facsimile.synth.analysis;

/**
 * A declared analysis that cannot run on the table's schema: what is wrong and where, as a JSON
 * path into the declaration ({@code $.filters[1].op}). It names columns of the schema, which is
 * public with the twin, never a value of the data.
 */
public final class AnalysisProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;

    public AnalysisProblem(String path, String message) {
        super(message);
        this.path = path;
    }

    /** Where in the declaration. */
    public String path() {
        return path;
    }
}
