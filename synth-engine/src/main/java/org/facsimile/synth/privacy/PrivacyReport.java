package org.facsimile.synth.privacy;

import java.util.List;

/**
 * The privacy evaluation of one synthetic table.
 *
 * @param sampledRows synthetic rows measured (a random sample, for speed)
 * @param referenceRows training and holdout rows each compared against (the same number of each)
 * @param dcrShare share of synthetic rows closer to a training row than to any holdout row (ties
 *     count half); 0.5 means the model is no closer to the people it learnt from than to strangers
 * @param dcrShareLimit the limit applied to {@code dcrShare}: the configured one, raised on small
 *     tables to what chance alone can give (see {@link Thresholds#dcrShareLimit})
 * @param medianDcrTraining median distance of a synthetic row to its closest training row
 * @param medianDcrHoldout median distance of a synthetic row to its closest holdout row
 * @param nndrMedian median ratio of the closest to the second-closest training row of a synthetic
 *     row; values near 0 mean rows sit on top of single real records
 * @param holdoutNndrMedian the same for holdout rows: what real, unseen people score
 * @param identicalMatchShare share of synthetic rows equal to a training row
 * @param holdoutIdenticalMatchShare share of holdout rows equal to a training row (chance level)
 * @param identicalMatchLimit the limit applied to {@code identicalMatchShare} (see {@link Thresholds#identicalMatchLimit})
 * @param thresholds the limits the verdict applied
 * @param passed the verdict
 * @param reasons why it failed; empty when it passed
 */
public record PrivacyReport(
        int sampledRows,
        int referenceRows,
        double dcrShare,
        double dcrShareLimit,
        double medianDcrTraining,
        double medianDcrHoldout,
        double nndrMedian,
        double holdoutNndrMedian,
        double identicalMatchShare,
        double holdoutIdenticalMatchShare,
        double identicalMatchLimit,
        Thresholds thresholds,
        boolean passed,
        List<String> reasons) {

    /**
     * The report of a table whose rows were published as deposited, declared public reference data
     * by the depositor: no synthetic rows to measure, so nothing measured (every figure NaN) and
     * no reason to refuse.
     */
    public static PrivacyReport notMeasured() {
        double n = Double.NaN;
        return new PrivacyReport(0, 0, n, n, n, n, n, n, n, n, n, Thresholds.defaults(), true, List.of());
    }

    /**
     * @param maxDcrShare the largest DCR share accepted
     * @param identicalMatchFactor identical matches may exceed the holdout's share by this factor
     * @param identicalMatchSlack ... plus this absolute share
     */
    public record Thresholds(double maxDcrShare, double identicalMatchFactor, double identicalMatchSlack) {

        /** The defaults: DCR share at most 0.52, identical matches at most 1.5 x holdout + 0.1 point. */
        public static Thresholds defaults() {
            return new Thresholds(0.52, 1.5, 0.001);
        }

        /**
         * The identical-match limit: the holdout's share times {@link #identicalMatchFactor} plus
         * {@link #identicalMatchSlack}, plus what chance allows in a holdout of {@code holdoutRows}
         * rows (2.33 standard errors of its rate).
         */
        public double identicalMatchLimit(double holdoutShare, int holdoutRows) {
            if (holdoutRows <= 0) {
                return identicalMatchSlack;
            }
            // the holdout's rate is itself measured on holdoutRows rows: allow its 1% upper bound
            double p = Math.max(holdoutShare, 1.0 / holdoutRows);
            double bound = 2.326 * Math.sqrt(p * (1 - p) / holdoutRows);
            return holdoutShare * identicalMatchFactor + identicalMatchSlack + bound;
        }

        /**
         * The DCR share limit for a measurement on {@code n} rows: {@link #maxDcrShare}, or, when
         * larger, the share a model no closer to training than to strangers still exceeds only 1% of
         * the time by chance (0.5 + 2.33 standard errors). On 120 holdout rows chance alone gives up
         * to 0.61; from about 3,400 rows on, the configured limit applies.
         */
        public double dcrShareLimit(int n) {
            return n <= 0 ? maxDcrShare : Math.max(maxDcrShare, 0.5 + 2.326 * Math.sqrt(0.25 / n));
        }
    }
}
