package org.facsimile.synth.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A classifier trying to tell real rows from synthetic ones: logistic regression on one-hot
 * features of every column's bin and every pair's joint bin, trained on 70% of an equal mix and
 * scored on the rest. Its ROC AUC is 0.5 when it cannot tell them apart and 1.0 when it always can.
 */
final class Discriminator {

    /** Rows of each kind used at most. */
    static final int MAX_ROWS = 10_000;

    private static final int EPOCHS = 6;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-4;

    private Discriminator() {}

    /**
     * @param real binned real rows (one bin index per column)
     * @param synthetic binned synthetic rows
     * @param binCounts bins per column; columns with 0 are left out
     */
    static double auc(int[][] real, int[][] synthetic, int[] binCounts, long seed) {
        Random random = new Random(seed);
        int n = Math.min(MAX_ROWS, Math.min(real.length, synthetic.length));
        if (n < 20) {
            return Double.NaN;
        }
        List<int[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int[] row : sample(real, n, random)) {
            rows.add(row);
            labels.add(1);
        }
        for (int[] row : sample(synthetic, n, random)) {
            rows.add(row);
            labels.add(0);
        }
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Collections.shuffle(Arrays.asList(order), random);

        Features features = new Features(binCounts);
        double[] weights = new double[features.size()];
        double[] bias = {0};
        int train = (int) (order.length * 0.7);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = 0; i < train; i++) {
                int[] active = features.of(rows.get(order[i]));
                double p = sigmoid(score(weights, bias[0], active));
                double gradient = p - labels.get(order[i]);
                for (int f : active) {
                    weights[f] -= LEARNING_RATE * (gradient + L2 * weights[f]);
                }
                bias[0] -= LEARNING_RATE * gradient;
            }
        }
        int test = order.length - train;
        double[] scores = new double[test];
        int[] truth = new int[test];
        for (int i = 0; i < test; i++) {
            scores[i] = score(weights, bias[0], features.of(rows.get(order[train + i])));
            truth[i] = labels.get(order[train + i]);
        }
        return rocAuc(scores, truth);
    }

    /** The AUC as the Mann-Whitney statistic: the chance a real row scores above a synthetic one (ties half). */
    static double rocAuc(double[] scores, int[] truth) {
        Integer[] index = new Integer[scores.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Arrays.sort(index, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < index.length) {
            int j = i;
            while (j + 1 < index.length && scores[index[j + 1]] == scores[index[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth[index[k]] == 1) {
                    rankSumPositive += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    private static double score(double[] weights, double bias, int[] active) {
        double s = bias;
        for (int f : active) {
            s += weights[f];
        }
        return s;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static List<int[]> sample(int[][] rows, int n, Random random) {
        List<int[]> all = new ArrayList<>(Arrays.asList(rows));
        Collections.shuffle(all, random);
        return all.subList(0, n);
    }

    /** Feature indices: one block per measured column, then one per pair of measured columns. */
    private static final class Features {
        private final int[] columns;
        private final int[] bins;
        private final int[] columnOffset;
        private final int[][] pairOffset;
        private final int size;

        Features(int[] binCounts) {
            List<Integer> measured = new ArrayList<>();
            for (int c = 0; c < binCounts.length; c++) {
                if (binCounts[c] > 0) {
                    measured.add(c);
                }
            }
            columns = measured.stream().mapToInt(Integer::intValue).toArray();
            bins = binCounts;
            columnOffset = new int[columns.length];
            pairOffset = new int[columns.length][columns.length];
            int offset = 0;
            for (int i = 0; i < columns.length; i++) {
                columnOffset[i] = offset;
                offset += bins[columns[i]];
            }
            for (int i = 0; i < columns.length; i++) {
                for (int j = i + 1; j < columns.length; j++) {
                    pairOffset[i][j] = offset;
                    offset += bins[columns[i]] * bins[columns[j]];
                }
            }
            size = offset;
        }

        int size() {
            return size;
        }

        int[] of(int[] row) {
            int k = columns.length;
            int[] active = new int[k + k * (k - 1) / 2];
            int n = 0;
            for (int i = 0; i < k; i++) {
                active[n++] = columnOffset[i] + row[columns[i]];
            }
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    active[n++] = pairOffset[i][j] + row[columns[i]] * bins[columns[j]] + row[columns[j]];
                }
            }
            return active;
        }
    }
}
