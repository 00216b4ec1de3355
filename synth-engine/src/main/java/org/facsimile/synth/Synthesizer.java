package org.facsimile.synth;

import org.facsimile.synth.columns.DiscreteMarginal;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * Learns a table's joint distribution. The returned {@link Generator} holds everything needed to
 * generate more rows, and nothing of the training rows themselves.
 */
public interface Synthesizer {

    /**
     * Written in place of categories seen too rarely to publish (fewer than a handful of rows), so
     * no single person's rare value is reproduced.
     */
    String RARE_CATEGORY = DiscreteMarginal.RARE_TOKEN;

    /** A short, stable name of the method, recorded with each run ("baseline", ...). */
    String name();

    /**
     * Fits a generator to the training rows of {@code table}.
     *
     * @param table the real rows (missing values as {@code null})
     * @param spec what each column is (kind, missing-value markers, key)
     */
    Generator fit(Table table, TableSpec spec, SynthesisSettings settings, ProgressListener progress);

    /**
     * Fits a generator that draws the table's other columns given its first {@code given} ones:
     * the context a row is drawn in, such as a child row's parent and the sibling before it.
     * Those columns are always given to {@link Generator#generateGiven}, so the model learns the
     * rest given them and not the context's own distribution.
     *
     * @param groups per row, the group it belongs to (a parent's children): a model that checks
     *     itself on held-out rows holds out whole groups, so learning one family by heart shows;
     *     null when rows stand alone
     * @throws UnsupportedOperationException when this synthesizer cannot draw columns given others
     */
    default Generator fitGiven(
            Table table,
            TableSpec spec,
            int given,
            int[] groups,
            SynthesisSettings settings,
            ProgressListener progress) {
        throw new UnsupportedOperationException(
                "the " + name() + " synthesizer cannot learn rows given others (child rows given their parent)");
    }

    /** Reads a generator this synthesizer wrote with {@link Generator#write}. */
    Generator read(java.io.InputStream in) throws java.io.IOException;
}
