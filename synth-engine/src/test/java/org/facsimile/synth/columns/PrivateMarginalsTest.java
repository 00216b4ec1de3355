package org.facsimile.synth.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.dp.DifferentialPrivacy;
import org.facsimile.synth.dp.Noise;
import org.junit.jupiter.api.Test;

/** Value protection under differential privacy: what noisy counts let through, and what they do not. */
class PrivateMarginalsTest {

    /** Epsilon 1 at delta 1e-6, a tenth on value protection, for one column: noise of about 17 per count. */
    private static final DifferentialPrivacy BUDGET = DifferentialPrivacy.of(1, 1e-6);

    @Test
    void aNumericRangeFollowsTheBulkAndNotALoneOutlier() {
        Random random = new Random(1);
        String[] values = new String[5_001];
        for (int i = 0; i < 5_000; i++) {
            values[i] = Integer.toString(20 + random.nextInt(61));
        }
        values[5_000] = "1000000000";
        ContinuousMarginal m = ContinuousMarginal.fitPrivate(
                values, org.facsimile.synth.table.ColumnKind.INTEGER, BUDGET.valueNoise(1), Noise.fresh());
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        Random draws = new Random(2);
        for (int i = 0; i < 5_000; i++) {
            String v = m.fromUniform(draws.nextDouble(), draws);
            assertTrue(v != null, "no missing values were deposited, none are drawn");
            low = Math.min(low, Integer.parseInt(v));
            high = Math.max(high, Integer.parseInt(v));
        }
        // the cells are about 41% wide: the range is the bulk's, to within a cell
        assertTrue(low >= 11 && low <= 28, "low " + low);
        assertTrue(high >= 72 && high <= 114, "high " + high);
    }

    @Test
    void aCategoryOfAFewPeopleIsNotPublished() {
        String[] values = new String[3_003];
        for (int i = 0; i < 3_000; i++) {
            values[i] = i % 3 == 0 ? "north" : "south";
        }
        values[3_000] = "island";
        values[3_001] = "island";
        values[3_002] = null;
        DiscreteMarginal m =
                DiscreteMarginal.fitPrivate(values, BUDGET.valueNoise(1), BUDGET.categoryThreshold(1), Noise.fresh());
        Set<String> drawn = new HashSet<>();
        int north = 0;
        Random draws = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            String v = m.fromUniform(draws.nextDouble(), draws);
            drawn.add(v);
            north += "north".equals(v) ? 1 : 0;
        }
        assertFalse(drawn.contains("island"), "two people's category stays out: " + drawn);
        drawn.remove(null);
        assertEquals(Set.of("north", "south"), drawn);
        assertEquals(1 / 3.0, north / 10_000.0, 0.03, "frequencies from the noisy counts");
        // the noise is fresh each time (never seeded), so whether one missing value shows is a
        // chance: P(1 + N(0, s) >= 3.09 s), well under 1% at this budget; 200 fits show it rarely
        int published = 0;
        for (int fit = 0; fit < 200; fit++) {
            DiscreteMarginal again = DiscreteMarginal.fitPrivate(
                    values, BUDGET.valueNoise(1), BUDGET.categoryThreshold(1), Noise.fresh());
            boolean missing = false;
            for (int i = 0; i < 2_000 && !missing; i++) {
                missing = again.fromUniform(draws.nextDouble(), draws) == null;
            }
            published += missing ? 1 : 0;
        }
        assertTrue(published <= 8, "one missing value is mostly below the noise: shown in " + published + " of 200");
    }

    @Test
    void aSpikeStaysASpikeAndWholeNumbersAreNotSplit() {
        // a working week: half the rows at exactly 40 hours, the rest spread from 20 to 60
        Random random = new Random(4);
        String[] values = new String[8_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Integer.toString(i % 2 == 0 ? 40 : 20 + random.nextInt(41));
        }
        ContinuousMarginal m = ContinuousMarginal.fitPrivate(
                values, org.facsimile.synth.table.ColumnKind.INTEGER, BUDGET.valueNoise(2), Noise.fresh());
        int forty = 0;
        Random draws = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            forty += "40".equals(m.fromUniform(draws.nextDouble(), draws)) ? 1 : 0;
        }
        // the range cell holding 40 spans about 32 to 45: uniform within it, 40 would be one in 13
        assertEquals(0.51, forty / 10_000.0, 0.04, "the spike's share");

        double[] noisy = new double[200];
        java.util.Arrays.fill(noisy, 10_000);
        double[] edges = ContinuousMarginal.parts(noisy, 100, 102, 10, true);
        for (double edge : edges) {
            assertEquals(0.5, edge - Math.floor(edge), 1e-12, "whole numbers' parts end at halves: " + edge);
        }
    }
}
