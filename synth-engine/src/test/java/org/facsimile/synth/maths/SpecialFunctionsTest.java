package org.facsimile.synth.maths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    @Test
    void logErfcAndLogGammaAreAccurate() {
        assertEquals(Math.log(0.157299207050285), SpecialFunctions.logErfc(1), 1e-6);
        assertEquals(Math.log(1.842700792949715), SpecialFunctions.logErfc(-1), 1e-6);
        // erfc(10) = 2.088487583762545e-45: far below what a double's exp would keep in a sum
        assertEquals(Math.log(2.088487583762545e-45), SpecialFunctions.logErfc(10), 1e-5);
        assertEquals(Math.log(120), SpecialFunctions.logGamma(6), 1e-12);
    }
}
