package org.facsimile.synth.quality;

import java.util.List;

/**
 * The outcome of evaluating one synthetic table. Each accuracy is 1 - total variation distance
 * between the binned training rows and the binned synthetic rows; the holdout figures are the same
 * measure for real rows the model never saw, the reference a synthesizer should come near.
 *
 * @param table the table's name
 * @param trainingRows real rows the model learnt from
 * @param holdoutRows real rows kept out of training (the reference)
 * @param syntheticRows rows generated
 * @param univariateAccuracy mean over columns
 * @param bivariateAccuracy mean over column pairs
 * @param trivariateAccuracy mean over column triples (at most {@link QualityEvaluator#MAX_TRIPLES}, sampled)
 * @param holdoutUnivariateAccuracy the reference for univariate accuracy
 * @param holdoutBivariateAccuracy the reference for bivariate accuracy
 * @param holdoutTrivariateAccuracy the reference for trivariate accuracy
 * @param associationSimilarity 1 - |V(training) - V(synthetic)| averaged over column pairs, V
 *     being Cramér's V of the pair's binned table: are the strengths of the relations between
 *     columns kept
 * @param holdoutAssociationSimilarity the same for the holdout rows
 * @param discriminatorAuc ROC AUC of a classifier telling training rows from synthetic rows on
 *     column and pair bins: 0.5 means it cannot tell them apart
 * @param holdoutDiscriminatorAuc the same classifier telling training rows from holdout rows
 * @param columns per-column accuracy and distributions
 * @param pairs per-pair accuracy
 */
public record QualityReport(
        String table,
        long trainingRows,
        long holdoutRows,
        long syntheticRows,
        double univariateAccuracy,
        double bivariateAccuracy,
        double trivariateAccuracy,
        double holdoutUnivariateAccuracy,
        double holdoutBivariateAccuracy,
        double holdoutTrivariateAccuracy,
        double associationSimilarity,
        double holdoutAssociationSimilarity,
        double discriminatorAuc,
        double holdoutDiscriminatorAuc,
        List<ColumnQuality> columns,
        List<PairQuality> pairs) {

    /**
     * The report of a table whose rows were published as deposited, not generated: its rows
     * counted, nothing compared (every figure NaN, no columns or pairs).
     */
    public static QualityReport notMeasured(String table, long rows) {
        double n = Double.NaN;
        return new QualityReport(table, rows, 0, rows, n, n, n, n, n, n, n, n, n, n, List.of(), List.of());
    }

    /** The mean of univariate, bivariate and trivariate accuracy (those that were measured). */
    public double overallAccuracy() {
        return mean(univariateAccuracy, bivariateAccuracy, trivariateAccuracy);
    }

    /** The same mean for the holdout. */
    public double holdoutOverallAccuracy() {
        return mean(holdoutUnivariateAccuracy, holdoutBivariateAccuracy, holdoutTrivariateAccuracy);
    }

    private static double mean(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * @param name the column
     * @param kind its kind
     * @param accuracy 1 - TVD(training, synthetic) over its bins; NaN when not measured (keys, text)
     * @param bins the binned distributions compared, empty when not measured
     * @param invalid synthetic values that do not read as the column's kind (a number that is not
     *     one, an impossible date); a synthesizer must produce none
     * @param format the picture the column's values are written in, real and synthetic alike (a
     *     CSVW format such as {@code dd/MM/yyyy}), or null for the kind's ISO form
     */
    public record ColumnQuality(
            String name, String kind, double accuracy, List<Bin> bins, long invalid, String format) {}

    /** Synthetic values that do not read as their column's kind, over all columns. */
    public long invalidValues() {
        return columns.stream().mapToLong(ColumnQuality::invalid).sum();
    }

    /**
     * One bin of a column: its label and the share of training and synthetic rows in it.
     *
     * @param label a value range, a category, "(other)" or "(missing)"
     */
    public record Bin(String label, double real, double synthetic) {}

    /** The accuracy of one pair of columns. */
    public record PairQuality(
            String first, String second, double accuracy, double realAssociation, double syntheticAssociation) {}
}
