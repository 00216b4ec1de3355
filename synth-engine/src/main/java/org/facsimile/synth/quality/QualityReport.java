package org.facsimile.synth.quality;

import java.util.List;

/**
 * The outcome of evaluating one synthetic table.
 *
 * @param table the table's name
 * @param trainingRows real rows the model learnt from
 * @param holdoutRows real rows kept out of training (the reference)
 * @param syntheticRows rows generated
 * @param univariateAccuracy mean over columns of 1 - TVD(training, synthetic)
 * @param bivariateAccuracy mean over column pairs of 1 - TVD(training, synthetic)
 * @param holdoutUnivariateAccuracy the same for the holdout: what real data of this size reaches
 * @param holdoutBivariateAccuracy the same for the holdout, over pairs
 * @param identicalMatchShare share of synthetic rows that equal some training row
 * @param holdoutIdenticalMatchShare share of holdout rows that equal some training row (what
 *     chance alone gives for this data)
 * @param columns per-column accuracy
 */
public record QualityReport(
        String table,
        long trainingRows,
        long holdoutRows,
        long syntheticRows,
        double univariateAccuracy,
        double bivariateAccuracy,
        double holdoutUnivariateAccuracy,
        double holdoutBivariateAccuracy,
        double identicalMatchShare,
        double holdoutIdenticalMatchShare,
        List<ColumnQuality> columns) {

    /**
     * @param name the column
     * @param kind its kind
     * @param accuracy 1 - TVD(training, synthetic) over its bins; NaN when not measured (keys, text)
     */
    public record ColumnQuality(String name, String kind, double accuracy) {}

    /**
     * True when synthetic rows copy training rows no more often than real unseen rows do (with a
     * small tolerance), i.e. the generator did not memorise records.
     */
    public boolean passesIdenticalMatchCheck() {
        return identicalMatchShare <= holdoutIdenticalMatchShare * 1.5 + 0.001;
    }
}
