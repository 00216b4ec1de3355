package org.facsimile.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A trained generator: produces synthetic rows in the column order of the table it learnt. It
 * holds model parameters only, never training rows, and can be written out and read back (by
 * {@link Synthesizer#read}) to generate more later.
 */
public interface Generator {

    /** Writes the generator's parameters; {@link Synthesizer#read} of the same synthesizer reads them. */
    void write(OutputStream out) throws IOException;

    /**
     * Generates {@code rows} rows and hands each to {@code sink} as it is made, so memory stays flat
     * in the number of rows. Values are formatted as in the input; missing values are {@code null}.
     */
    void generate(long rows, long seed, Consumer<String[]> sink);
}
