package org.facsimile.synth.baseline;

import java.util.Random;

/** One column's distribution, reachable through a uniform variable so a copula can tie columns together. */
interface Marginal {

    /** A uniform variable in (0, 1) that maps back to {@code value} (null = missing), jittered within ties. */
    double toUniform(String value, Random random);

    /** The value at uniform position {@code u}, formatted as in the input; null = missing. */
    String fromUniform(double u, Random random);
}
