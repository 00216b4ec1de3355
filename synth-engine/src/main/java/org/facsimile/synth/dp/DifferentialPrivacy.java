package org.facsimile.synth.dp;

/**
 * A differential-privacy budget for one table's synthesis. The model is trained with DP-SGD
 * (per-row gradients clipped to {@code clipNorm}, Gaussian noise of {@code noiseMultiplier} times
 * that, rows sampled independently) until the accountant says the next step would pass the
 * training share of the budget; the columns' value protection (which categories exist, the
 * numeric ranges) is made from noisy counts with the rest.
 *
 * @param epsilon the whole budget's epsilon
 * @param delta the whole budget's delta (at most one over the number of rows is the usual choice)
 * @param noiseMultiplier noise standard deviation over the clipping norm; 0 chooses it: 1.0 when
 *     {@link #PLANNED_EPOCHS} epochs fit the training budget at that noise (training goes on while
 *     the budget lasts), else the least noise with which they fit
 * @param clipNorm the most one row's gradient may weigh in a step
 * @param valueShare the share of epsilon (and of delta) spent on the columns' value protection
 */
public record DifferentialPrivacy(
        double epsilon, double delta, double noiseMultiplier, double clipNorm, double valueShare) {

    public DifferentialPrivacy {
        if (!(epsilon > 0 && epsilon <= 100)) {
            throw new IllegalArgumentException("epsilon must be in (0, 100], was " + epsilon);
        }
        if (!(delta > 0 && delta < 0.01)) {
            throw new IllegalArgumentException("delta must be in (0, 0.01), was " + delta);
        }
        if (!(noiseMultiplier == 0 || noiseMultiplier >= 0.3 && noiseMultiplier <= 50)) {
            throw new IllegalArgumentException(
                    "noiseMultiplier must be 0 (chosen for the budget) or in [0.3, 50], was " + noiseMultiplier);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clipNorm must be positive, was " + clipNorm);
        }
        if (!(valueShare > 0 && valueShare < 1)) {
            throw new IllegalArgumentException("valueShare must be in (0, 1), was " + valueShare);
        }
    }

    /** Passes over the training rows a chosen noise leaves room for, at the least. */
    public static final int PLANNED_EPOCHS = 10;

    /** A budget of epsilon at delta with the usual training settings: noise chosen, clipping at 1, 10% for values. */
    public static DifferentialPrivacy of(double epsilon, double delta) {
        return new DifferentialPrivacy(epsilon, delta, 0, 1.0, 0.1);
    }

    /** The noise a chosen multiplier does not go below: more budget buys more steps, not less noise. */
    public static final double LEAST_CHOSEN_NOISE = 1.0;

    /**
     * The noise multiplier for training at sampling rate {@code q} for at least {@code steps}:
     * the one set; else {@link #LEAST_CHOSEN_NOISE} when those steps fit the training budget at
     * that noise (training then goes on while the budget lasts); else the least noise (to within
     * 1%) with which they fit.
     */
    public double noiseFor(double q, long steps) {
        if (noiseMultiplier > 0) {
            return noiseMultiplier;
        }
        if (RdpAccountant.epsilon(q, LEAST_CHOSEN_NOISE, steps, trainingDelta()) <= trainingEpsilon()) {
            return LEAST_CHOSEN_NOISE;
        }
        double low = LEAST_CHOSEN_NOISE;
        double high = 50;
        if (RdpAccountant.epsilon(q, high, steps, trainingDelta()) > trainingEpsilon()) {
            return high;
        }
        while (high / low > 1.01) {
            double middle = Math.sqrt(low * high);
            if (RdpAccountant.epsilon(q, middle, steps, trainingDelta()) <= trainingEpsilon()) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** The epsilon the value protection may spend. */
    public double valueEpsilon() {
        return epsilon * valueShare;
    }

    /** The delta the value protection may spend. */
    public double valueDelta() {
        return delta * valueShare;
    }

    /** The epsilon training may spend. */
    public double trainingEpsilon() {
        return epsilon - valueEpsilon();
    }

    /** The delta training may spend. */
    public double trainingDelta() {
        return delta - valueDelta();
    }
}
