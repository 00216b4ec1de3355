package org.facsimile.synth.dp;

import org.facsimile.synth.maths.Normal;

/**
 * A differential-privacy budget for one table's synthesis. The columns' value protection (which
 * categories exist, the numeric ranges and shapes, the missing shares) is made from counts with
 * Gaussian noise, a row adding one to a fixed number of them, so its L2 sensitivity is that
 * number's square root; the model is trained with DP-SGD (per-row gradients clipped to {@code clipNorm},
 * Gaussian noise of {@code noiseMultiplier} times that, rows sampled independently) until the
 * next step would take the two together past epsilon. Both are Gaussian mechanisms, so one RDP
 * accountant composes them order by order (tighter than adding their epsilons). Of delta,
 * {@code valueShare} is the chance that a value held by so few rows that it would not otherwise
 * be published passes its noisy threshold (Gaussian partition selection); the rest is the RDP
 * conversion's.
 *
 * @param epsilon the whole budget's epsilon
 * @param delta the whole budget's delta (at most one over the number of rows is the usual choice)
 * @param noiseMultiplier noise standard deviation over the clipping norm; 0 chooses it: 1.0 when
 *     {@link #PLANNED_EPOCHS} epochs fit the budget at that noise (training goes on while the
 *     budget lasts), else the least noise with which they fit
 * @param clipNorm the most one row's gradient may weigh in a step
 * @param valueShare the share of the budget for value protection: of delta as above, and of the
 *     RDP that epsilon allows at the order where Gaussian counts are cheapest (see {@link
 *     RdpAccountant#rhoShare})
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
        if (!(RdpAccountant.rhoShare(epsilon, delta * (1 - valueShare), valueShare) > 0)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is too small for delta " + delta
                    + ": not even one noisy count fits; raise epsilon or delta");
        }
    }

    /**
     * Passes over the training rows a chosen noise leaves room for, at the least. More passes at
     * more noise learn more than fewer at less, since the trainer averages its weights: on Adult
     * 5, 10, 20 and 40 gave 0.919, 0.928, 0.934 and 0.938 at epsilon 1 (two runs each), at about
     * 2.3 s of fitting an epoch. A table too large for them in its training time has its noise
     * chosen for the steps the time holds, timed before training on random tokens of its shape,
     * so the budget is still spent.
     */
    public static final int PLANNED_EPOCHS = 40;

    /** A budget of epsilon at delta with the usual training settings: noise chosen, clipping at 1, 10% for values. */
    public static DifferentialPrivacy of(double epsilon, double delta) {
        return new DifferentialPrivacy(epsilon, delta, 0, 1.0, 0.1);
    }

    /** The noise a chosen multiplier does not go below: more budget buys more steps, not less noise. */
    public static final double LEAST_CHOSEN_NOISE = 1.0;

    /**
     * The noise multiplier for training at sampling rate {@code q} for at least {@code steps}:
     * the one set; else {@link #LEAST_CHOSEN_NOISE} when those steps fit the budget at that noise
     * (training then goes on while the budget lasts); else the least noise (to within 1%) with
     * which they fit.
     */
    public double noiseFor(double q, long steps) {
        if (noiseMultiplier > 0) {
            return noiseMultiplier;
        }
        if (epsilonAfter(q, LEAST_CHOSEN_NOISE, steps) <= epsilon) {
            return LEAST_CHOSEN_NOISE;
        }
        double low = LEAST_CHOSEN_NOISE;
        double high = 50;
        if (epsilonAfter(q, high, steps) > epsilon) {
            return high;
        }
        while (high / low > 1.01) {
            double middle = Math.sqrt(low * high);
            if (epsilonAfter(q, middle, steps) <= epsilon) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /**
     * The epsilon spent in all after value protection and {@code steps} DP-SGD steps at sampling
     * rate {@code q} and noise multiplier {@code sigma}, at {@link #accountedDelta}.
     */
    public double epsilonAfter(double q, double sigma, long steps) {
        return RdpAccountant.epsilon(q, sigma, steps, accountedDelta(), valueRho());
    }

    /** What DP-SGD's steps alone would spend, at {@link #accountedDelta}. */
    public double trainingAlone(double q, double sigma, long steps) {
        return RdpAccountant.epsilon(q, sigma, steps, accountedDelta());
    }

    /** What value protection alone would spend, at {@link #accountedDelta}. */
    public double valuesAlone() {
        return RdpAccountant.gaussianEpsilon(valueRho(), accountedDelta());
    }

    /** The RDP over the order that value protection's noisy counts take, whatever the columns. */
    public double valueRho() {
        return RdpAccountant.rhoShare(epsilon, accountedDelta(), valueShare);
    }

    /**
     * The standard deviation of the Gaussian noise on each count of value protection when a row
     * adds one to {@code counts} of them (one per categorical column, two per numeric one): an L2
     * sensitivity of sqrt(counts), and that squared over twice the noise's variance is
     * {@link #valueRho}.
     */
    public double valueNoise(int counts) {
        return Math.sqrt(counts / (2 * valueRho()));
    }

    /**
     * The noisy count a category must reach to be published when a row adds to {@code counts}
     * counts: a value of one row (which, left out, would not exist) passes it with a chance of at
     * most {@code selectionDelta / counts}, so a row's values pass, all its counts together, with at
     * most {@link #selectionDelta} (Gaussian partition selection).
     */
    public double categoryThreshold(int counts) {
        return 1 + valueNoise(counts) * -Normal.inverseCdf(selectionDelta() / counts);
    }

    /** The delta of the RDP conversion. */
    public double accountedDelta() {
        return delta - selectionDelta();
    }

    /** The delta of the categories' noisy thresholds. */
    public double selectionDelta() {
        return delta * valueShare;
    }
}
