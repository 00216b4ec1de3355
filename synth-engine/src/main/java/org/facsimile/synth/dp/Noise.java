package org.facsimile.synth.dp;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Randomness for differential privacy. It must not follow from the run's seed (which is stored
 * with the run and often the default): a fast generator seeded with 64 bits from the operating
 * system's secure source, one per use. Not a cryptographic generator, as in Opacus without its
 * secure mode.
 */
public final class Noise {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final SplittableRandom random;

    private Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A generator no seed of the run can reproduce. */
    public static Noise fresh() {
        return new Noise(SEEDS.nextLong());
    }

    /** Gaussian noise of the given standard deviation. */
    public double gaussian(double deviation) {
        return deviation * random.nextGaussian();
    }

    /** A uniform number in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** A 32-bit seed for a native generator (PyTorch's), drawn from this one. */
    public int seed() {
        return random.nextInt();
    }
}
