package org.facsimile.synth.constraints;

/** A constraint that cannot be read or followed, with the column it concerns (null when none). */
public final class ConstraintProblem extends IllegalArgumentException {

    private final String column;

    public ConstraintProblem(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The column the problem is about, or null. */
    public String column() {
        return column;
    }
}
