package org.facsimile.synth.argn;

import java.util.Arrays;
import java.util.Random;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.columns.Marginal;

/**
 * Brings what a trained network draws back to the columns' published marginals. Training
 * approximates each column's share of tokens, and small tables, dropout and (under differential
 * privacy) noisy steps blur them a little; the shares themselves are known from the training
 * rows' tokens (or, under differential privacy, from the private marginals). Rows are drawn,
 * each position's token shares compared with the target's, and the output biases shifted by the
 * log of their ratio, a few rounds: the conditionals keep their shape and the marginals come out
 * right. Under differential privacy it reads no rows, so it spends nothing.
 */
final class MarginalCalibration {

    /** Values drawn from each column's marginal to estimate its tokens' shares. */
    static final int MARGINAL_DRAWS = 20_000;

    /** Rounds of drawing and shifting. */
    static final int ROUNDS = 3;

    /** Rows drawn in each round. */
    static final int ROWS = 20_000;

    /**
     * The rows at which the training rows' own token shares are trusted halfway: {@link
     * #calibrated} aims at {@code n / (n + TRUSTED_ROWS)} of the way from what the network draws to
     * the shares of n rows. The shares of a few hundred rows are mostly chance, and matching them
     * exactly draws rows nearer the training rows than to others (on the suite's small tables the
     * DCR share rose from 0.544 to 0.560 at full weight, 0.547 at this one); tens of thousands
     * are trusted nearly in full.
     */
    static final double TRUSTED_ROWS = 1_000;

    private MarginalCalibration() {}

    /**
     * Per token position, the share of each token in the training rows' tokens (which went through
     * the columns' value protection), every token at least one count so none is impossible.
     */
    static double[][] tokenShares(int[][] tokens, int[] vocab) {
        double[][] counts = ones(vocab);
        for (int[] row : tokens) {
            for (int p = 0; p < vocab.length; p++) {
                counts[p][row[p]]++;
            }
        }
        return normalised(counts);
    }

    /**
     * Per token position, the share of each token among values drawn from the columns' marginals
     * (never from the rows: under differential privacy these are the private ones), every token
     * at least one draw in {@link #MARGINAL_DRAWS}; null for the calendar parts of dates and times,
     * whose patterns (the first week of a month, office hours) a marginal over the time line does
     * not hold.
     */
    static double[][] tokenShares(ColumnModel[] columns, int[] learnt, ColumnCodec[] codecs, Random random) {
        int[] vocab = ArgnGenerator.vocab(codecs);
        int[] positions = ArgnGenerator.positions(codecs);
        double[][] counts = ones(vocab);
        int[] tokens = new int[vocab.length];
        for (int j = 0; j < learnt.length; j++) {
            int width = codecs[j].vocab().length;
            if (codecs[j] instanceof CalendarCodec) {
                Arrays.fill(counts, positions[j], positions[j] + width, null);
                continue;
            }
            Marginal marginal = columns[learnt[j]].marginal();
            for (int d = 0; d < MARGINAL_DRAWS; d++) {
                codecs[j].encode(marginal.fromUniform(random.nextDouble(), random), random, tokens, positions[j]);
                for (int k = 0; k < width; k++) {
                    counts[positions[j] + k][tokens[positions[j] + k]]++;
                }
            }
        }
        return normalised(counts);
    }

    private static double[][] ones(int[] vocab) {
        double[][] counts = new double[vocab.length][];
        for (int p = 0; p < vocab.length; p++) {
            counts[p] = new double[vocab[p]];
            Arrays.fill(counts[p], 1);
        }
        return counts;
    }

    private static double[][] normalised(double[][] counts) {
        for (double[] position : counts) {
            if (position == null) {
                continue;
            }
            double total = Arrays.stream(position).sum();
            for (int t = 0; t < position.length; t++) {
                position[t] /= total;
            }
        }
        return counts;
    }

    /**
     * The network with its output biases moved so that the rows it draws have the token shares
     * in {@code target}. Positions always given (a child's parent columns) and positions without a
     * target (null) keep their biases.
     *
     * @param given the positions always given, or null when none
     */
    static ArgnNetwork calibrated(ArgnNetwork network, double[][] target, boolean[] given, Random random) {
        return calibrated(network, target, 1, given, random);
    }

    /**
     * The network with its output biases moved so that the rows it draws have token shares
     * {@code weight} of the way from the shares it draws now to {@code target}. Positions always
     * given and positions without a target (null) keep their biases.
     *
     * @param weight 1 to reach the target, 0 to stay
     * @param given the positions always given, or null when none
     */
    static ArgnNetwork calibrated(
            ArgnNetwork network, double[][] target, double weight, boolean[] given, Random random) {
        int columns = network.columns();
        double[][] goal = null;
        for (int round = 0; round < ROUNDS; round++) {
            int[][] rows;
            try (ArgnSampler sampler = new ArgnSampler(network)) {
                rows = sampler.sample(ROWS, random, 1, 1);
            }
            double[][] drawn = tokenShares(rows, network.vocab);
            if (round == 0) {
                // the goal is fixed once, from what the network drew before any shift
                goal = new double[columns][];
                for (int c = 0; c < columns; c++) {
                    if (target[c] != null) {
                        goal[c] = new double[drawn[c].length];
                        for (int t = 0; t < goal[c].length; t++) {
                            goal[c][t] = weight * target[c][t] + (1 - weight) * drawn[c][t];
                        }
                    }
                }
            }
            double[][] shift = new double[columns][];
            for (int c = 0; c < columns; c++) {
                shift[c] = new double[drawn[c].length];
                if (given != null && given[c] || goal[c] == null) {
                    continue;
                }
                for (int t = 0; t < shift[c].length; t++) {
                    shift[c][t] = Math.log(goal[c][t] / drawn[c][t]);
                }
            }
            network = network.shifted(shift);
        }
        return network;
    }
}
