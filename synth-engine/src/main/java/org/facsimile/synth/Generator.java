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

    /**
     * Generates one row per seed: the row takes the seed's values in the columns it gives (non-null
     * entries, by column index), and its other columns are drawn given them: seeded, or
     * conditional, generation.
     *
     * @throws UnsupportedOperationException when this model cannot draw columns given others
     */
    default void generateSeeded(java.util.List<String[]> seeds, long seed, Consumer<String[]> sink) {
        throw new UnsupportedOperationException(
                "this synthesizer cannot generate rows given some of their values; the argn synthesizer can");
    }

    /**
     * Generates one row per context row for a generator fitted by {@link Synthesizer#fitGiven}:
     * the first {@code given} columns are set as given (null there is a given missing value, not a
     * value to draw), the others are drawn given them.
     *
     * @throws UnsupportedOperationException when this model cannot draw columns given others
     */
    default void generateGiven(java.util.List<String[]> contexts, int given, long seed, Consumer<String[]> sink) {
        throw new UnsupportedOperationException("this synthesizer cannot generate rows given others");
    }

    /**
     * What a differentially private fit spent of its budget; null when the fit was not private.
     */
    default org.facsimile.synth.dp.PrivacySpent privacySpent() {
        return null;
    }

    /**
     * This generator with other sampling controls, for models that sample from learnt
     * probabilities. Others accept only the neutral setting.
     *
     * @param temperature probabilities are sharpened (below 1) or flattened (above 1); 1 = as learnt
     * @param topP only the likeliest values that together reach this probability are drawn; 1 = all
     * @throws UnsupportedOperationException when this generator has no such controls
     */
    default Generator withSampling(double temperature, double topP) {
        if (temperature == 1 && topP == 1) {
            return this;
        }
        throw new UnsupportedOperationException("this model has no sampling temperature or top-p");
    }
}
