package org.facsimile.synth.nested;

/**
 * A nested document that cannot be taken apart into tables: what was wrong and where.
 *
 * <p>The message never quotes a value of the document; it names the file, the record and the
 * member path only, so it can be shown and logged without leaking the private data.
 */
public final class NestedProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;

    /**
     * @param file the document's file name
     * @param location where in it: a line and a member path such as {@code $.items[2].price}
     * @param message what was wrong
     */
    public NestedProblem(String file, String location, String message) {
        super(message);
        this.file = file;
        this.location = location;
    }

    public String file() {
        return file;
    }

    /** Where in the document, or null for the document as a whole. */
    public String location() {
        return location;
    }

    /** File, place and message in one line. */
    public String describe() {
        return file + (location == null ? "" : ", " + location) + ": " + getMessage();
    }
}
