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
        assertFalse(drawn.contains(null), "one missing value is below the noise: " + drawn);
        assertEquals(Set.of("north", "south"), drawn);
        assertEquals(1 / 3.0, north / 10_000.0, 0.03, "frequencies from the noisy counts");
    }
}
