package org.facsimile.synth;

/**
 * What a depositor can choose about a synthesis run.
 *
 * @param seed seed of every random choice, so a run with the same input and settings is
 *     reproducible
 * @param sampleRows rows to generate per table; 0 means as many as the input has
 * @param holdoutShare share of the input kept out of training and used as the reference the
 *     quality and privacy measures compare against
 */
public record SynthesisSettings(long seed, long sampleRows, double holdoutShare) {

    public SynthesisSettings {
        if (sampleRows < 0) {
            throw new IllegalArgumentException("sampleRows must be >= 0, was " + sampleRows);
        }
        if (holdoutShare < 0 || holdoutShare >= 0.9) {
            throw new IllegalArgumentException("holdoutShare must be in [0, 0.9), was " + holdoutShare);
        }
    }

    /** Defaults: a fixed seed, as many rows as the input, 20% holdout. */
    public static SynthesisSettings defaults() {
        return new SynthesisSettings(42L, 0L, 0.2);
    }
}
