package org.facsimile.synth.relations;

import java.util.Comparator;
import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.TableSpec;

/**
 * The column by which a child table's rows follow one another within each parent, found in the
 * real data: a date, time or number that never goes down from one sibling to the next in nearly
 * every real family (a transaction's date, a visit's number). Synthetic families are put in its
 * order, and the report measures how many families are in it.
 *
 * @param column the column's index in the table's learnt columns
 * @param name the column's name
 */
record SequenceOrder(int column, String name) {

    /** The share of real families (of two or more) that must be in a column's order for it to be the order. */
    static final double ORDERED_SHARE = 0.95;

    /** The share of those families whose values must also rise somewhere, so a column fixed per family is no order. */
    private static final double RISING_SHARE = 0.5;

    /**
     * The order the real families follow, or null when none: the candidate column (date, date-time,
     * time, number; not a key or reference) with the highest share of ordered families, if that
     * share is at least {@link #ORDERED_SHARE}.
     *
     * @param families per family, its real rows (in the table's learnt columns) in file order
     * @param keyOrReference per column, whether it is a key or reference (renumbered, never an order)
     */
    static SequenceOrder find(TableSpec spec, List<List<String[]>> families, boolean[] keyOrReference) {
        SequenceOrder best = null;
        double bestShare = 0;
        for (int c = 0; c < keyOrReference.length; c++) {
            if (keyOrReference[c] || !spec.column(c).kind().isNumeric()) {
                continue;
            }
            Tally tally = tally(spec.column(c).kind(), c, families);
            double share = tally.orderedShare();
            if (tally.rising() >= RISING_SHARE * tally.judged()
                    && share >= ORDERED_SHARE
                    && (best == null || share > bestShare)) {
                best = new SequenceOrder(c, spec.column(c).name());
                bestShare = share;
            }
        }
        return best;
    }

    /**
     * Of the families with two values or more in a column ({@code judged}), how many never go down
     * ({@code ordered}) and how many of those rise somewhere ({@code rising}).
     */
    private record Tally(int judged, int ordered, int rising) {

        /** The share of judged families in order; NaN when none is judged. */
        double orderedShare() {
            return judged == 0 ? Double.NaN : (double) ordered / judged;
        }
    }

    private static Tally tally(ColumnKind kind, int c, List<List<String[]>> families) {
        int judged = 0;
        int ordered = 0;
        int rising = 0;
        for (List<String[]> family : families) {
            Step step = steps(kind, c, family);
            judged += step == Step.NONE ? 0 : 1;
            ordered += step == Step.FLAT || step == Step.RISING ? 1 : 0;
            rising += step == Step.RISING ? 1 : 0;
        }
        return new Tally(judged, ordered, rising);
    }

    /** How a family's values go from one row to the next, missing values skipped. */
    enum Step {
        /** Fewer than two values: nothing to judge. */
        NONE,
        /** Never down, never up. */
        FLAT,
        /** Never down, up at least once. */
        RISING,
        /** Down at least once. */
        DOWN
    }

    static Step steps(ColumnKind kind, int c, List<String[]> family) {
        double last = Double.NaN;
        int values = 0;
        boolean up = false;
        for (String[] row : family) {
            double v = kind.toNumber(row[c]);
            if (Double.isNaN(v)) {
                continue;
            }
            if (values++ > 0) {
                if (v < last) {
                    return Step.DOWN;
                }
                up |= v > last;
            }
            last = v;
        }
        return values < 2 ? Step.NONE : up ? Step.RISING : Step.FLAT;
    }

    /** Whether the family's rows are in this order (a family of fewer than two values is). */
    boolean inOrder(TableSpec spec, List<String[]> family) {
        return steps(spec.column(column).kind(), column, family) != Step.DOWN;
    }

    /** The share of families of two or more values that are in this order; NaN when there is none. */
    double orderedShare(TableSpec spec, List<List<String[]>> families) {
        return tally(spec.column(column).kind(), column, families).orderedShare();
    }

    /** Puts a family's rows in this order, stably; rows missing the value keep after those that have it. */
    void sort(TableSpec spec, List<String[]> family) {
        ColumnKind kind = spec.column(column).kind();
        family.sort(Comparator.comparingDouble(row -> {
            double v = kind.toNumber(row[column]);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }));
    }
}
