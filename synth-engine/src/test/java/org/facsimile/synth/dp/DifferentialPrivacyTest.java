package org.facsimile.synth.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.facsimile.synth.maths.Normal;
import org.junit.jupiter.api.Test;

/** How a budget is shared between value protection's noisy counts and DP-SGD. */
class DifferentialPrivacyTest {

    @Test
    void theCountsNoiseHasTheRdpItsShareAllows() {
        DifferentialPrivacy budget = DifferentialPrivacy.of(1, 1e-6);
        for (int columns : new int[] {1, 15, 200}) {
            double sigma = budget.valueNoise(columns);
            // a row changes one count per column: sensitivity sqrt(columns), rho = columns / (2 sigma^2)
            assertEquals(budget.valueRho(), columns / (2 * sigma * sigma), 1e-15);
        }
        assertEquals(Math.sqrt(15), budget.valueNoise(15) / budget.valueNoise(1), 1e-12, "noise grows as sqrt");
        // and the share is of the room at the best order: value protection alone spends well under epsilon
        assertTrue(budget.valuesAlone() < 0.5, "values alone: " + budget.valuesAlone());
    }

    @Test
    void aValueOfOneRowPassesItsThresholdWithTheSelectionDeltaAtMost() {
        DifferentialPrivacy budget = DifferentialPrivacy.of(4, 1e-6);
        int columns = 15;
        double sigma = budget.valueNoise(columns);
        double threshold = budget.categoryThreshold(columns);
        // a lone row's count is 1: it passes when the noise reaches threshold - 1
        double passPerColumn = Normal.cdf(-(threshold - 1) / sigma);
        assertEquals(budget.selectionDelta() / columns, passPerColumn, passPerColumn * 1e-3);
        assertEquals(1e-7, budget.selectionDelta(), 1e-20);
        assertEquals(9e-7, budget.accountedDelta(), 1e-20);
    }

    @Test
    void trainingAndValuesTogetherStayWithinTheBudgetAndSpendMoreThanEither() {
        DifferentialPrivacy budget = DifferentialPrivacy.of(2, 1e-6);
        double q = 0.02;
        long steps = 1_000;
        double sigma = budget.noiseFor(q, steps);
        double both = budget.epsilonAfter(q, sigma, steps);
        assertTrue(both <= 2, "within the budget: " + both);
        assertTrue(both > budget.trainingAlone(q, sigma, steps) && both > budget.valuesAlone());
        assertTrue(both < budget.trainingAlone(q, sigma, steps) + budget.valuesAlone());
        // without the counts, the same steps would have left room
        assertTrue(budget.trainingAlone(q, sigma, steps) < both);
    }

    @Test
    void aBudgetTooSmallForItsDeltaIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DifferentialPrivacy.of(0.02, 1e-6));
        assertTrue(e.getMessage().contains("too small for delta"), e.getMessage());
    }
}
