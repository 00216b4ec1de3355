package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer's choices that do not need a network. */
class ArgnTrainerTest {

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
}
