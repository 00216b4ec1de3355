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
     * @param location where in it: {@code line N} (JSON Lines) or {@code record N} (a JSON array),
     *     then maybe {@code , } and a member path such as {@code $.items[2].price}; null for the
     *     document as a whole
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

    /** The line (JSON Lines) or record (JSON array) number, or null for the whole document. */
    public Long number() {
        if (location == null) {
            return null;
        }
        String n = location.substring(location.indexOf(' ') + 1);
        int comma = n.indexOf(',');
        return Long.valueOf(comma < 0 ? n : n.substring(0, comma));
    }

    /** The member path in the record, such as {@code $.items[2].price}, or null. */
    public String path() {
        int comma = location == null ? -1 : location.indexOf(", ");
        return comma < 0 ? null : location.substring(comma + 2);
    }

    /** File, place and message in one line. */
    public String describe() {
        return file + (location == null ? "" : ", " + location) + ": " + getMessage();
    }
}
