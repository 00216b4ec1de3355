package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer's choices that do not need a network. */
class ArgnTrainerTest {

    @Test
    void withGivenPositionsOnlyTheLearntPredictorsRunAndTheirLossIsTheSame() {
        Random random = new Random(4);
        int[] vocab = {3, 5, 2, 7, 4, 6};
        boolean[] given = {true, true, false, true, false, false};
        boolean[] others = new boolean[given.length];
        for (int p = 0; p < given.length; p++) {
            others[p] = !given[p];
        }
        int[][] tokens = new int[64][vocab.length];
        for (int[] row : tokens) {
            for (int p = 0; p < vocab.length; p++) {
                row[p] = random.nextInt(vocab[p]);
            }
        }
        int[] rows = java.util.stream.IntStream.range(0, tokens.length).toArray();
        ArgnNetwork network = ArgnNetwork.initial(vocab, 8, 16, random);
        // the given positions first, as training orders them
        int[] order = ArgnTrainer.givenFirst(given, new int[] {5, 2, 0, 4, 3, 1});
        try (ai.djl.ndarray.NDManager manager =
                ai.djl.ndarray.NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            ArgnTrainer.Forward all = new ArgnTrainer.Forward(network, manager, null);
            ArgnTrainer.Forward learnt = new ArgnTrainer.Forward(network, manager, given);
            ArgnTrainer.Forward rest = new ArgnTrainer.Forward(network, manager, others);
            float total = all.negativeLogLikelihood(all.batch(manager, tokens, rows, 0, 64, order))
                    .getFloat();
            float counted = learnt.negativeLogLikelihood(learnt.batch(manager, tokens, rows, 0, 64, order))
                    .getFloat();
            float skipped = rest.negativeLogLikelihood(rest.batch(manager, tokens, rows, 0, 64, order))
                    .getFloat();
            // each position's likelihood counted once: by the learnt positions' pass or by the others'
            assertEquals(total, counted + skipped, 1e-4);
            assertTrue(counted > 0 && skipped > 0, counted + " " + skipped);
        }
    }

    @Test
    void validationHoldsOutWholeGroups() {
        int[] groups = {7, 7, 3, 9, 3, 7, 9, 1};
        int[] rows = ArgnTrainer.groupsShuffled(groups, new Random(5));
        assertEquals(groups.length, java.util.Arrays.stream(rows).distinct().count(), "every row once");
        // each group's rows come one after another, so any prefix (the validation rows) holds whole groups
        java.util.Set<Integer> closed = new java.util.HashSet<>();
        for (int k = 0; k < rows.length; k++) {
            int g = groups[rows[k]];
            assertTrue(!closed.contains(g), "group " + g + " split");
            if (k + 1 < rows.length && groups[rows[k + 1]] != g) {
                closed.add(g);
            }
        }
    }

    @Test
    void patienceIsCountedInUpdatesSoLargeTablesDoNotWaitLonger() {
        for (int rows : new int[] {300, 1_500, 2_047, 9_000, 16_383, 32_767}) {
            int batch = ArgnTrainer.batchSize(rows, 10);
            assertEquals(6, ArgnTrainer.patience(6, (rows + batch - 1) / batch), rows + " rows wait as configured");
        }
        assertEquals(6, ArgnTrainer.patience(6, ArgnTrainer.PATIENCE_STEPS));
        int large = ArgnTrainer.batchSize(45_000, 15);
        int largeSteps = (45_000 + large - 1) / large;
        assertEquals(88, largeSteps);
        assertEquals(4, ArgnTrainer.patience(6, largeSteps), "more updates an epoch, fewer epochs");
        assertEquals(1, ArgnTrainer.patience(2, largeSteps));
        assertEquals(1, ArgnTrainer.patience(2, 10_000), "never less than one epoch");
    }

    @Test
    void largeTablesPlanFewerEpochsOfTheSameStepsSoTrainingTimeStopsGrowingWithRows() {
        int previousSteps = 0;
        for (int rows : new int[] {20_000, 39_000, 50_000, 200_000, 1_000_000}) {
            int batch = ArgnTrainer.batchSize(rows, 15);
            int perEpoch = (rows + batch - 1) / batch;
            int epochs = ArgnTrainer.plannedEpochs(perEpoch, 100);
            long steps = (long) epochs * perEpoch;
            assertTrue(epochs >= ArgnTrainer.MIN_EPOCHS, rows + " rows are seen a few times");
            if (epochs > ArgnTrainer.MIN_EPOCHS) {
                // the plan's steps stay within an epoch of the planned number
                assertTrue(
                        steps >= ArgnTrainer.PLANNED_STEPS && steps < ArgnTrainer.PLANNED_STEPS + perEpoch,
                        rows + ": " + steps);
            }
            assertTrue(steps >= previousSteps, "more rows never plan fewer steps");
            previousSteps = (int) steps;
        }
        assertEquals(13, ArgnTrainer.plannedEpochs(96, 100), "Adult's 39,000 training rows");
        assertEquals(100, ArgnTrainer.plannedEpochs(5, 100), "a small table's many short epochs are capped");
        assertEquals(30, ArgnTrainer.plannedEpochs(5, 30));
    }

    @Test
    void theRateFallsAlongAHalfCosineFromItsPeakToZero() {
        assertEquals(4e-3f, ArgnTrainer.cosineRate(4e-3f, 0, 1_000), 1e-9);
        assertEquals(2e-3f, ArgnTrainer.cosineRate(4e-3f, 500, 1_000), 1e-7);
        assertEquals(0f, ArgnTrainer.cosineRate(4e-3f, 1_000, 1_000), 1e-9);
        assertEquals(0f, ArgnTrainer.cosineRate(4e-3f, 1_200, 1_000), 1e-9, "past the plan it stays at 0");
        float previous = Float.MAX_VALUE;
        for (int step = 0; step <= 1_000; step += 10) {
            float rate = ArgnTrainer.cosineRate(4e-3f, step, 1_000);
            assertTrue(rate <= previous, "never rises: step " + step);
            previous = rate;
        }
    }
}
