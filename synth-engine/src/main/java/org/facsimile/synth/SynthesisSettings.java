package org.facsimile.synth;

/**
 * What a depositor can choose about a synthesis run.
 *
 * @param seed seed of every random choice, so a run with the same input and settings is
 *     reproducible
 * @param sampleRows rows to generate per table; 0 means as many as the input has
 * @param holdoutShare share of the input kept out of training and used as the reference the
 *     quality and privacy measures compare against
 * @param temperature sampling temperature of a learnt model: 1 draws from the learnt
 *     distribution, below 1 favours the likelier values (sharper), above 1 the rarer ones
 * @param topP sampling keeps only the likeliest values that together reach this probability (1 =
 *     all of them)
 * @param trainingSeconds the most time a model may spend training, in seconds
 * @param privacy a differential-privacy budget, or null for none (value protection and the
 *     privacy measures only)
 */
public record SynthesisSettings(
        long seed,
        long sampleRows,
        double holdoutShare,
        double temperature,
        double topP,
        double trainingSeconds,
        org.facsimile.synth.dp.DifferentialPrivacy privacy) {

    public SynthesisSettings {
        if (sampleRows < 0) {
            throw new IllegalArgumentException("sampleRows must be >= 0, was " + sampleRows);
        }
        if (holdoutShare < 0 || holdoutShare >= 0.9) {
            throw new IllegalArgumentException("holdoutShare must be in [0, 0.9), was " + holdoutShare);
        }
        if (!(temperature > 0 && temperature <= 10)) {
            throw new IllegalArgumentException("temperature must be in (0, 10], was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (!(trainingSeconds > 0)) {
            throw new IllegalArgumentException("trainingSeconds must be positive, was " + trainingSeconds);
        }
    }

    /** Without a differential-privacy budget. */
    public SynthesisSettings(
            long seed, long sampleRows, double holdoutShare, double temperature, double topP, double trainingSeconds) {
        this(seed, sampleRows, holdoutShare, temperature, topP, trainingSeconds, null);
    }

    /** Sampling as learnt (temperature 1, all values) and up to ten minutes of training. */
    public SynthesisSettings(long seed, long sampleRows, double holdoutShare) {
        this(seed, sampleRows, holdoutShare, 1.0, 1.0, DEFAULT_TRAINING_SECONDS);
    }

    /** The training time budget when none is chosen. */
    public static final double DEFAULT_TRAINING_SECONDS = 600;

    /** Defaults: a fixed seed, as many rows as the input, 20% holdout. */
    public static SynthesisSettings defaults() {
        return new SynthesisSettings(42L, 0L, 0.2);
    }

    /** These settings with other sampling controls. */
    public SynthesisSettings withSampling(double temperature, double topP) {
        return new SynthesisSettings(seed, sampleRows, holdoutShare, temperature, topP, trainingSeconds, privacy);
    }

    /** These settings with another training time budget. */
    public SynthesisSettings withTrainingSeconds(double seconds) {
        return new SynthesisSettings(seed, sampleRows, holdoutShare, temperature, topP, seconds, privacy);
    }

    /** These settings with a differential-privacy budget (null: none). */
    public SynthesisSettings withPrivacy(org.facsimile.synth.dp.DifferentialPrivacy budget) {
        return new SynthesisSettings(seed, sampleRows, holdoutShare, temperature, topP, trainingSeconds, budget);
    }
}
