package org.facsimile.synth.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * Measures how close synthetic rows are to the training rows, against a holdout of real rows the
 * model never saw as the reference for "as close as any stranger".
 */
public final class PrivacyEvaluator {

    /** Synthetic rows measured at most; enough for the share to be known to about ±1.5 points. */
    static final int SAMPLE = 2_000;
    /** Training and holdout rows compared against at most (each). */
    static final int REFERENCE = 10_000;

    private final PrivacyReport.Thresholds limits;

    public PrivacyEvaluator() {
        this(PrivacyReport.Thresholds.defaults());
    }

    public PrivacyEvaluator(PrivacyReport.Thresholds limits) {
        this.limits = limits;
    }

    public PrivacyReport evaluate(TableSpec spec, Table training, Table holdout, Table synthetic, long seed) {
        double identical = identicalShare(training, synthetic, spec);
        double holdoutIdentical = holdout.rowCount() == 0 ? 0 : identicalShare(training, holdout, spec);
        if (holdout.rowCount() == 0 || synthetic.rowCount() == 0 || training.rowCount() == 0) {
            List<String> reasons =
                    List.of("no holdout rows to compare with: the table is too small to measure privacy");
            return new PrivacyReport(
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    identical,
                    holdoutIdentical,
                    limits.identicalMatchLimit(holdoutIdentical, holdout.rowCount()),
                    limits,
                    false,
                    reasons);
        }
        Random random = new Random(seed);
        RowDistance distance = new RowDistance(spec, training);
        int reference = Math.min(REFERENCE, Math.min(training.rowCount(), holdout.rowCount()));
        double[][] train = encode(distance, sample(training, reference, random));
        double[][] hold = encode(distance, sample(holdout, reference, random));
        double[][] synth = encode(distance, sample(synthetic, Math.min(SAMPLE, synthetic.rowCount()), random));

        double closerToTraining = 0;
        double[] dcrTraining = new double[synth.length];
        double[] dcrHoldout = new double[synth.length];
        double[] nndr = new double[synth.length];
        for (int i = 0; i < synth.length; i++) {
            double[] nearest = twoNearest(distance, synth[i], train);
            dcrTraining[i] = nearest[0];
            dcrHoldout[i] = twoNearest(distance, synth[i], hold)[0];
            nndr[i] = ratio(nearest);
            closerToTraining += dcrTraining[i] < dcrHoldout[i] ? 1 : dcrTraining[i] == dcrHoldout[i] ? 0.5 : 0;
        }
        int holdoutSample = Math.min(SAMPLE, hold.length);
        double[] holdoutNndr = new double[holdoutSample];
        for (int i = 0; i < holdoutSample; i++) {
            holdoutNndr[i] = ratio(twoNearest(distance, hold[i], train));
        }
        double dcrShare = closerToTraining / synth.length;
        double dcrLimit = limits.dcrShareLimit(Math.min(synth.length, reference));

        List<String> reasons = new ArrayList<>();
        if (dcrShare > dcrLimit) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "%.1f%% of synthetic rows are closer to a training row than to any holdout row (limit %.1f%%)",
                    dcrShare * 100,
                    dcrLimit * 100));
        }
        double identicalLimit = limits.identicalMatchLimit(holdoutIdentical, holdout.rowCount());
        if (identical > identicalLimit) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "%.2f%% of synthetic rows copy a training row (limit %.2f%%: %.2f%% of real unseen rows do)",
                    identical * 100,
                    identicalLimit * 100,
                    holdoutIdentical * 100));
        }
        return new PrivacyReport(
                synth.length,
                reference,
                dcrShare,
                dcrLimit,
                median(dcrTraining),
                median(dcrHoldout),
                median(nndr),
                median(holdoutNndr),
                identical,
                holdoutIdentical,
                identicalLimit,
                limits,
                reasons.isEmpty(),
                List.copyOf(reasons));
    }

    private static double[] twoNearest(RowDistance distance, double[] row, double[][] candidates) {
        double first = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (double[] candidate : candidates) {
            double d = distance.distance(row, candidate);
            if (d < first) {
                second = first;
                first = d;
            } else if (d < second) {
                second = d;
            }
        }
        return new double[] {first, second};
    }

    private static double ratio(double[] nearest) {
        if (nearest[1] == 0) {
            return nearest[0] == 0 ? 1 : 0;
        }
        return Double.isInfinite(nearest[1]) ? 1 : nearest[0] / nearest[1];
    }

    private static List<String[]> sample(Table table, int size, Random random) {
        List<String[]> rows = new ArrayList<>(table.rows());
        Collections.shuffle(rows, random);
        return rows.subList(0, Math.min(size, rows.size()));
    }

    private static double[][] encode(RowDistance distance, List<String[]> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = distance.encode(rows.get(i));
        }
        return out;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Share of {@code candidates} rows equal to a training row on every column that is not a key. */
    static double identicalShare(Table training, Table candidates, TableSpec spec) {
        if (candidates.rowCount() == 0) {
            return 0;
        }
        boolean[] compared = compared(spec);
        Set<List<String>> seen = new HashSet<>();
        for (String[] row : training.rows()) {
            seen.add(key(row, compared));
        }
        long matches = 0;
        for (String[] row : candidates.rows()) {
            if (seen.contains(key(row, compared))) {
                matches++;
            }
        }
        return matches / (double) candidates.rowCount();
    }

    /** The columns two rows are compared on: all but keys, identifiers and direct identifiers. */
    static boolean[] compared(TableSpec spec) {
        boolean[] compared = new boolean[spec.columns().size()];
        for (int c = 0; c < compared.length; c++) {
            compared[c] = !spec.primaryKey().contains(spec.column(c).name())
                    && spec.column(c).kind() != org.facsimile.synth.table.ColumnKind.IDENTIFIER
                    && spec.column(c).personal() == null;
        }
        return compared;
    }

    private static List<String> key(String[] row, boolean[] compared) {
        String[] key = new String[row.length];
        for (int c = 0; c < row.length; c++) {
            key[c] = compared[c] ? row[c] : "";
        }
        return Arrays.asList(key);
    }
}
