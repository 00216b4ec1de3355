package org.facsimile.synth.dp;

/**
 * What a differentially private synthesis spent, for the report.
 *
 * @param epsilon the epsilon spent in all: training and value protection composed by the RDP
 *     accountant
 * @param delta the delta of the guarantee
 * @param trainingEpsilon the epsilon DP-SGD alone would have spent
 * @param valueEpsilon the epsilon the columns' value protection alone would have spent (the two
 *     alone add up to more than both together)
 * @param valueNoise the standard deviation of the noise on each of value protection's counts
 * @param budget the budget that was set
 * @param noiseMultiplier the noise DP-SGD used, over the clipping norm
 * @param steps DP-SGD steps taken
 * @param epochs those steps in passes over the training rows
 * @param samplingRate the chance of each row being in a step
 * @param stopReason why training stopped
 */
public record PrivacySpent(
        double epsilon,
        double delta,
        double trainingEpsilon,
        double valueEpsilon,
        double valueNoise,
        DifferentialPrivacy budget,
        double noiseMultiplier,
        long steps,
        double epochs,
        double samplingRate,
        String stopReason) {}
