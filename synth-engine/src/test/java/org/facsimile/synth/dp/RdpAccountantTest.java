package org.facsimile.synth.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The accountant against TensorFlow Privacy's published figures: its MNIST DP-SGD tutorial
 * (60,000 examples, batches of 256, delta 1e-5) reports epsilon 2.92 after 60 epochs at noise
 * 1.12, 9.74 after 30 epochs at 0.6, 1.20 after 10 epochs at 1.2, and 1.00 after the first
 * epoch at 1.12 (tensorflow/privacy, tutorials/README.md).
 */
class RdpAccountantTest {

    private static final double Q = 256 / 60_000.0;

    private static long steps(int epochs) {
        return epochs * 60_000L / 256;
    }

    @Test
    void matchesThePublishedEpsilonOfTheMnistTutorial() {
        assertEquals(2.92, RdpAccountant.epsilon(Q, 1.12, steps(60), 1e-5), 0.005);
        // at noise 0.6 the best order (about 2.9) sits where the RDP curve is steep: a finer search of
        // orders gives 9.7506, so the published 9.74 is not reachable by this bound; ours may be above
        // it by that much (the conservative side), never below it beyond rounding
        double noisy = RdpAccountant.epsilon(Q, 0.6, steps(30), 1e-5);
        assertTrue(noisy >= 9.735 && noisy <= 9.755, "epsilon at noise 0.6: " + noisy);
        assertEquals(1.20, RdpAccountant.epsilon(Q, 1.2, steps(10), 1e-5), 0.005);
        assertEquals(1.00, RdpAccountant.epsilon(Q, 1.12, steps(1), 1e-5), 0.005);
        assertEquals(1.04, RdpAccountant.epsilon(Q, 1.12, steps(2), 1e-5), 0.005);
    }

    @Test
    void moreStepsOrLessNoiseSpendMore() {
        double base = RdpAccountant.epsilon(0.01, 1.0, 1_000, 1e-6);
        assertTrue(RdpAccountant.epsilon(0.01, 1.0, 2_000, 1e-6) > base);
        assertTrue(RdpAccountant.epsilon(0.01, 0.8, 1_000, 1e-6) > base);
        assertTrue(RdpAccountant.epsilon(0.02, 1.0, 1_000, 1e-6) > base);
        assertEquals(0, RdpAccountant.epsilon(0.01, 1.0, 0, 1e-6), 1e-12);
        // without sampling, one step is the plain Gaussian mechanism: RDP alpha / (2 sigma^2)
        assertEquals(3 / 2.0, RdpAccountant.rdp(1, 1, 3), 1e-12);
    }

    @Test
    void gaussianReleasesAloneConvertAsTheContinuousOptimumSays() {
        // a Gaussian mechanism of RDP alpha * rho converts, at the best real order, to
        // rho + 2 sqrt(rho ln(1/delta)); the grid of orders can only be at or a little above it where
        // that order (1 + sqrt(ln(1/delta) / rho)) is within its whole orders, up to 63
        for (double rho : new double[] {0.004, 0.05, 1}) {
            double exact = rho + 2 * Math.sqrt(rho * Math.log(1e6));
            double grid = RdpAccountant.gaussianEpsilon(rho, 1e-6);
            assertTrue(grid >= exact - 1e-12 && grid <= exact * 1.01, rho + ": " + grid + " vs " + exact);
        }
    }

    @Test
    void composingInRdpCostsLessThanAddingEpsilonsAndMoreThanEither() {
        double rho = 0.002;
        double training = RdpAccountant.epsilon(0.02, 1.2, 500, 1e-6);
        double values = RdpAccountant.gaussianEpsilon(rho, 1e-6);
        double both = RdpAccountant.epsilon(0.02, 1.2, 500, 1e-6, rho);
        assertTrue(both < training + values, both + " vs " + training + " + " + values);
        assertTrue(both > Math.max(training, values), both + " vs " + training + ", " + values);
    }

    @Test
    void aShareOfTheRoomLeavesTheRestToTraining() {
        // the whole room at the best order spends the budget exactly there
        double all = RdpAccountant.rhoShare(1, 1e-6, 1);
        assertEquals(1, RdpAccountant.gaussianEpsilon(all, 1e-6), 0.002);
        // a tenth of it spends far less than a tenth of epsilon alone would suggest in basic composition
        double tenth = RdpAccountant.rhoShare(1, 1e-6, 0.1);
        assertEquals(all / 10, tenth, 1e-15);
        assertTrue(RdpAccountant.gaussianEpsilon(tenth, 1e-6) < 0.5);
        // a budget smaller than the conversion's own cost leaves no room at any order
        assertEquals(0, RdpAccountant.rhoShare(0.02, 1e-6, 0.1));
    }
}
