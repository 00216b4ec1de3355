package org.facsimile.synth.columns;

import java.util.Random;

/** One column's distribution, reachable through a uniform variable so a copula can tie columns together. */
public interface Marginal {

    /** A uniform variable in (0, 1) that maps back to {@code value} (null = missing), jittered within ties. */
    double toUniform(String value, Random random);

    /** The value at uniform position {@code u}, formatted as in the input; null = missing. */
    String fromUniform(double u, Random random);

    /**
     * The marginal's natural partition of the uniform range into at most {@code maxBins} bins, as
     * their upper edges (the last is 1): one bin per value of a discrete column (missing
     * included), equal-probability quantile bins for a continuous one with missing as a bin of its
     * own. A value's bin is its token in a discrete model; a value drawn uniformly within a bin
     * comes back through {@link #fromUniform}.
     */
    double[] bins(int maxBins);
}
