package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written backward pass of DP-SGD against PyTorch's autograd: with a clipping norm too
 * large to clip, the summed per-row gradients are the batch gradient; with a tiny one, every
 * row's gradient is scaled to that norm, so the sum's norm is at most rows times it.
 */
class DpTrainerTest {

    private static final int[] VOCAB = {3, 5, 2, 4};

    private static int[][] tokens(int rows, Random random) {
        int[][] tokens = new int[rows][VOCAB.length];
        for (int[] row : tokens) {
            for (int c = 0; c < VOCAB.length; c++) {
                row[c] = random.nextInt(VOCAB[c]);
            }
        }
        return tokens;
    }

    @Test
    void unclippedPerRowGradientsSumToAutogradsBatchGradient() {
        Random random = new Random(4);
        ArgnNetwork network = ArgnNetwork.initial(VOCAB, 4, 8, random);
        int[][] tokens = tokens(6, random);
        int[] rows = {0, 1, 2, 3, 4, 5};
        int[] order = {2, 0, 3, 1};
        boolean[] given = {false, true, false, false};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ArgnTrainer.Forward forward = new ArgnTrainer.Forward(network, manager, given);
            for (NDArray p : forward.parameters) {
                p.setRequiresGradient(true);
            }
            float[][] expected = new float[forward.parameters.length][];
            try (NDManager scope = manager.newSubManager()) {
                ArgnTrainer.Forward.Batch batch = forward.batch(scope, tokens, rows, 0, rows.length, order);
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    // the trainer's loss is the mean over rows: times the rows, the sum
                    collector.backward(forward.negativeLogLikelihood(batch).mul(rows.length));
                }
                for (int p = 0; p < expected.length; p++) {
                    expected[p] = forward.parameters[p].getGradient().toFloatArray();
                }
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray[] gradients = new NDArray[forward.parameters.length];
                DpTrainer.clippedSum(forward, scope, tokens, rows, order, 1e9, gradients);
                for (int p = 0; p < expected.length; p++) {
                    float[] actual = gradients[p].toFloatArray();
                    assertEquals(expected[p].length, actual.length, ArgnNetwork.NAMES[p]);
                    for (int i = 0; i < actual.length; i++) {
                        assertEquals(
                                expected[p][i],
                                actual[i],
                                1e-4 + 1e-3 * Math.abs(expected[p][i]),
                                ArgnNetwork.NAMES[p] + "[" + i + "]");
                    }
                }
                NDArray[] clipped = new NDArray[forward.parameters.length];
                DpTrainer.clippedSum(forward, scope, tokens, rows, order, 0.01, clipped);
                double squared = 0;
                for (NDArray g : clipped) {
                    squared += g.square().sum().getFloat();
                }
                assertTrue(Math.sqrt(squared) <= rows.length * 0.01 + 1e-6, "clipped sum norm " + Math.sqrt(squared));
                // one row alone, clipped: its gradient's norm is the clipping norm exactly, which holds
                // only if the per-row norm computed from activations and output gradients is right
                for (int r : rows) {
                    NDArray[] single = new NDArray[forward.parameters.length];
                    DpTrainer.clippedSum(forward, scope, tokens, new int[] {r}, order, 0.01, single);
                    double norm = 0;
                    for (NDArray g : single) {
                        norm += g.square().sum().getFloat();
                    }
                    assertEquals(0.01, Math.sqrt(norm), 1e-5, "row " + r);
                }
            }
        }
    }

    @Test
    void aNetworkStartedFromFrequenciesPredictsThemWhateverTheContext() {
        double[][] frequencies = {{0.5, 0.3, 0.2}, {0.1, 0.1, 0.2, 0.2, 0.4}, {0.9, 0.1}, {0.25, 0.25, 0.25, 0.25}};
        Random random = new Random(5);
        ArgnNetwork network = ArgnNetwork.initial(VOCAB, 4, 8, random).startingFrom(frequencies);
        int[][] tokens = tokens(40, random);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ArgnTrainer.Forward forward = new ArgnTrainer.Forward(network, manager, null);
            for (int r = 0; r < tokens.length; r++) {
                double expected = 0;
                for (int c = 0; c < VOCAB.length; c++) {
                    expected -= Math.log(frequencies[c][tokens[r][c]]);
                }
                int[] order = ArgnTrainer.givenFirst(null, new int[] {r % 4, (r + 1) % 4, (r + 2) % 4, (r + 3) % 4});
                try (NDManager scope = manager.newSubManager()) {
                    ArgnTrainer.Forward.Batch batch = forward.batch(scope, tokens, new int[] {r}, 0, 1, order);
                    assertEquals(expected, forward.negativeLogLikelihood(batch).getFloat(), 1e-4, "row " + r);
                }
            }
        }
    }

    @Test
    void theNoiseIsChosenForTheStepsTheTimeBudgetHolds() {
        int planned = org.facsimile.synth.dp.DifferentialPrivacy.PLANNED_EPOCHS;
        assertEquals(100L * planned, DpTrainer.plannedSteps(100, 100, 600, 0.01), "time to spare: the planned epochs");
        assertEquals(100L * 5, DpTrainer.plannedSteps(100, 5, 600, 0.01), "never more than the epoch limit");
        // 60 s at 0.1 s a step: 510 steps, not the 4,000 planned (which would stop at the time
        // limit with most of the budget unspent, having trained at four times the noise it needed)
        assertEquals((long) Math.floor(DpTrainer.TRAINING_SHARE * 60 / 0.1), DpTrainer.plannedSteps(100, 100, 60, 0.1));
        assertEquals(1, DpTrainer.plannedSteps(100, 100, 1, 10), "at least one step");
    }
}
