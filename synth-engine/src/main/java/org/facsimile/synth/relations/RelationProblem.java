package org.facsimile.synth.relations;

/**
 * Tables whose relations cannot be synthesized as declared: a composite or dangling key, a
 * reference to something that is not a primary key. Names the table and column it is about.
 */
public final class RelationProblem extends IllegalArgumentException {

    private final String table;
    private final String column;

    public RelationProblem(String table, String column, String message) {
        super(message);
        this.table = table;
        this.column = column;
    }

    /** The table the problem is in. */
    public String table() {
        return table;
    }

    /** The column the problem is about, or null. */
    public String column() {
        return column;
    }
}
