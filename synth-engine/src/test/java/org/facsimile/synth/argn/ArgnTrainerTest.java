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
}
