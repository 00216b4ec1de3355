package org.facsimile.synth.maths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void knownValues() {
        assertEquals(0.5, Normal.cdf(0), 1e-7);
        assertEquals(0.975, Normal.cdf(1.959964), 1e-6);
        assertEquals(1.959964, Normal.inverseCdf(0.975), 1e-6);
        assertEquals(-2.326348, Normal.inverseCdf(0.01), 1e-6);
    }

    @Test
    void inverseUndoesCdf() {
        for (double x = -6; x <= 6; x += 0.25) {
            assertEquals(x, Normal.inverseCdf(Normal.cdf(x)), 1e-4 * Math.max(1, Math.abs(x)));
        }
    }
}
