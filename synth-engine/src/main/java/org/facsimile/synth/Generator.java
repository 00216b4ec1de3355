package org.facsimile.synth;

import java.util.function.Consumer;

/** A trained generator: produces synthetic rows in the column order of the table it learnt. */
public interface Generator {

    /**
     * Generates {@code rows} rows and hands each to {@code sink} as it is made, so memory stays flat
     * in the number of rows. Values are formatted as in the input; missing values are {@code null}.
     */
    void generate(long rows, long seed, Consumer<String[]> sink);
}
