package org.facsimile.synth.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscriminatorTest {

    private static final int[] BINS = {4, 4, 3};

    /** Column 1 equals column 0 when {@code linked}, else independent of it. */
    private static int[][] rows(int n, boolean linked, double shift, long seed) {
        Random random = new Random(seed);
        int[][] rows = new int[n][3];
        for (int i = 0; i < n; i++) {
            rows[i][0] = random.nextDouble() < shift ? 3 : random.nextInt(4);
            rows[i][1] = linked ? rows[i][0] : random.nextInt(4);
            rows[i][2] = random.nextInt(3);
        }
        return rows;
    }

    @Test
    void rocAucHasItsTextbookValues() {
        assertEquals(1.0, Discriminator.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, Discriminator.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {1, 1, 0, 0}), 1e-12);
        assertEquals(0.5, Discriminator.rocAuc(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {1, 0, 1, 0}), 1e-12);
        assertEquals(0.75, Discriminator.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}), 1e-12);
    }

    @Test
    void rowsFromTheSameDistributionCannotBeTold() {
        double auc = Discriminator.auc(rows(6000, true, 0, 1), rows(6000, true, 0, 2), BINS, 3);
        assertEquals(0.5, auc, 0.04);
    }

    @Test
    void lostRelationsAndShiftedColumnsAreCaught() {
        double pairs = Discriminator.auc(rows(6000, true, 0, 1), rows(6000, false, 0, 2), BINS, 3);
        assertTrue(pairs > 0.8, "a lost pair relation: " + pairs);
        double shifted = Discriminator.auc(rows(6000, true, 0, 1), rows(6000, true, 0.3, 2), BINS, 3);
        assertTrue(shifted > 0.6, "a shifted column: " + shifted);
    }
}
