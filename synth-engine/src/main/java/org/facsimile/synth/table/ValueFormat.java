package org.facsimile.synth.table;

/**
 * How a column writes its values when not in its kind's canonical form: a date picture ({@link
 * TemporalFormat}) or a boolean's two spellings ({@link BooleanFormat}). Inside the engine values
 * are canonical; {@link CsvTables} reads and writes the picture at the edge.
 */
public interface ValueFormat {

    /** The CSVW format picture, as declared or detected. */
    String picture();

    /** A written value in its canonical form, or null when the picture does not read it. */
    String toCanonical(String written);

    /**
     * A canonical value as the column writes it.
     *
     * @throws IllegalArgumentException when the value is not a canonical value of the column's kind
     */
    String toWritten(String canonical);
}
